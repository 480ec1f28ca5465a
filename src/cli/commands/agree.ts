import { agree, reopen } from '../../resolve/agree.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

export interface AgreeOptions extends ChangeOptions {
  item?: string;
  adRef?: boolean;
}

/** `ndraft agree 61 [--item f] [--ad-ref]`: refuses, listing each one, while anything is unresolved. */
export async function agreeCommand(number: string, options: AgreeOptions, io: Io): Promise<number> {
  return changeParagraph(io, options, {
    paragraph: number,
    command: commandLine(['agree', number, options.item !== undefined && '--item', options.item, options.adRef === true && '--ad-ref']),
    // Confirming an agreed-ad-ref paragraph as agreed needs no reopen; taking agreed back to ad ref,
    // or agreeing an item of an agreed paragraph, does.
    allowAgreed: (p) => options.item === undefined && !(p.status === 'agreed' && options.adRef === true),
    change: (p) => agree(p, options),
  });
}

/** `ndraft reopen 61 [--item f]`: the only way to unlock an agreed paragraph. */
export async function reopenCommand(number: string, options: AgreeOptions, io: Io): Promise<number> {
  return changeParagraph(io, options, {
    paragraph: number,
    command: commandLine(['reopen', number, options.item !== undefined && '--item', options.item]),
    allowAgreed: true,
    change: (p) => reopen(p, options),
  });
}
