import { deleteParagraph } from '../../edit/delete-paragraph.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

/** `ndraft delete 62 [--item b]`: status deleted, the text kept; `ndraft reopen` undoes it. */
export async function deleteCommand(ref: string, options: ChangeOptions & { item?: string }, io: Io): Promise<number> {
  return changeParagraph(io, options, {
    paragraph: ref,
    command: commandLine(['delete', ref, options.item !== undefined && '--item', options.item]),
    change: (p) => deleteParagraph(p, options.item),
  });
}
