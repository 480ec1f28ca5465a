import { usageError } from '../../diagnostics/diagnostic.js';
import { resolveDelegation } from '../../model/delegations.js';
import { proposeAlternative, recordPosition, withdrawPosition } from '../../resolve/positions.js';
import type { Resolution } from '../../resolve/accept-alternative.js';
import { usableDelegations } from '../../store/read-delegations.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { checkLabel } from '../check-arguments.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

/** What every position command takes: `--by`, the delegation (any of its names), besides the options of every change. */
export interface PositionOptions extends ChangeOptions {
  by: string;
}

export interface ProposeOptions extends PositionOptions {
  text: string;
  label?: string;
  item?: string;
}

/** `ndraft propose 61 --text "…" --by EU [--label "Alt 4"] [--item f]` */
export async function proposeCommand(number: string, options: ProposeOptions, io: Io): Promise<number> {
  checkLabel(options.label, '--label');
  return changeParagraph(io, options, {
    paragraph: number,
    command: commandLine(['propose', number, '--text', options.text, options.label !== undefined && '--label', options.label, options.item !== undefined && '--item', options.item, '--by', options.by]),
    change: (p, dir) => onBehalfOf(dir, options.by, (by) => proposeAlternative(p, { ...options, by })),
  });
}

/** `ndraft support 61 "Alt 2" --by G77`, `ndraft oppose 61 "Alt 2" --by EU` and `ndraft withdraw 61 "Alt 4" --by EU` */
export async function positionCommand(position: 'support' | 'oppose' | 'withdraw', number: string, label: string, options: PositionOptions & { bracket?: string }, io: Io): Promise<number> {
  const bracket = options.bracket;
  if (bracket !== undefined) {
    if (label.trim() !== '') throw usageError(`name an alternative or --bracket, not both: ndraft ${position} ${number} --bracket ${JSON.stringify(bracket)} --by …`);
    if (bracket.trim() === '') throw usageError('--bracket takes a number from 1 or the bracket\'s words, not ""');
    return changeParagraph(io, options, {
      paragraph: number,
      command: commandLine([position, number, '--bracket', bracket, '--by', options.by]),
      allowAgreed: position === 'withdraw',
      change: async (p, dir) => {
        const { changeBracketPosition } = await import('../../resolve/bracket-positions.js');
        return onBehalfOf(dir, options.by, (by) => changeBracketPosition(p, bracket, by, position));
      },
    });
  }
  if (label.trim() === '') throw usageError(`name the alternative (e.g. ndraft ${position} ${number} Alt 2 --by …) or a bracket with --bracket N`);
  return changeParagraph(io, options, {
    paragraph: number,
    command: commandLine([position, number, label, '--by', options.by]),
    allowAgreed: true,
    change: (p, dir) => onBehalfOf(dir, options.by, (by) => (position === 'withdraw' ? withdrawPosition(p, label, by) : recordPosition(p, label, by, position))),
  });
}

/** Runs a position change for the delegation `--by` names, read under the lock from the draft's delegations.yaml, if it has one. */
async function onBehalfOf(dir: string, given: string, change: (by: string) => Resolution): Promise<Resolution & { onBehalfOf: string }> {
  const { delegations } = await usableDelegations(dir);
  const by = resolveDelegation(given, delegations);
  return { ...change(by), onBehalfOf: by };
}
