import { proposeAlternative, recordPosition } from '../../resolve/positions.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { checkLabel } from '../check-arguments.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

export interface ProposeOptions extends ChangeOptions {
  text: string;
  label?: string;
  item?: string;
  by: string;
}

/** `ndraft propose 61 --text "…" --by EU [--label "Alt 4"] [--item f]` */
export async function proposeCommand(number: string, options: ProposeOptions, io: Io): Promise<number> {
  checkLabel(options.label, '--label');
  return changeParagraph(io, options, {
    paragraph: number,
    command: commandLine(['propose', number, '--text', options.text, options.label !== undefined && '--label', options.label, options.item !== undefined && '--item', options.item, '--by', options.by]),
    change: (p) => proposeAlternative(p, options),
  });
}

/** `ndraft support 61 "Alt 2" --by G77` and `ndraft oppose 61 "Alt 2" --by EU` */
export async function positionCommand(position: 'support' | 'oppose', number: string, label: string, options: ChangeOptions & { by: string }, io: Io): Promise<number> {
  return changeParagraph(io, options, {
    paragraph: number,
    command: commandLine([position, number, label, '--by', options.by]),
    allowAgreed: true,
    change: (p) => recordPosition(p, label, options.by, position),
  });
}
