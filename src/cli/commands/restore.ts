import { readValidHistory } from '../../history/history-store.js';
import { restoreWording } from '../../resolve/restore-wording.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { checkLabel } from '../check-arguments.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

export interface RestoreOptions extends ChangeOptions {
  as?: string;
}

/** `ndraft restore 61 "Alt 1"`: a dropped wording comes back from history as an alternative. */
export async function restoreCommand(number: string, label: string, options: RestoreOptions, io: Io): Promise<number> {
  checkLabel(options.as, '--as');
  return changeParagraph(io, options, {
    paragraph: number,
    command: commandLine(['restore', number, label, options.as !== undefined && '--as', options.as]),
    change: async (p, dir) => restoreWording(p, label, await readValidHistory(dir), options.as),
  });
}
