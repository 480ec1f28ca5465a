import { usageError } from '../../diagnostics/diagnostic.js';
import { bracketInParagraph } from '../../edit/bracket-in-paragraph.js';
import { resolveDelegation } from '../../model/delegations.js';
import { usableDelegations } from '../../store/read-delegations.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

export interface BracketOptions extends Omit<ChangeOptions, 'by'> {
  words: string;
  item?: string;
  occurrence?: string;
  /** The delegation asking for the brackets; the author of the change is found as for every change. */
  by?: string;
}

/**
 * `ndraft bracket 76 --words "in particular" [--item f] [--occurrence 2] [--by EU]`. `--by` names
 * the delegation asking, not the author: the history records it as onBehalfOf, and in its message.
 */
export async function bracketCommand(ref: string, options: BracketOptions, io: Io): Promise<number> {
  const occurrence = options.occurrence === undefined ? undefined : wholeNumber(options.occurrence);
  const { by, ...rest } = options;
  const message = options.message ?? (by !== undefined ? `asked by ${by}` : undefined);
  return changeParagraph(io, { ...rest, ...(message !== undefined ? { message } : {}) }, {
    paragraph: ref,
    command: commandLine(['bracket', ref, '--words', options.words, options.item !== undefined && '--item', options.item, occurrence !== undefined && '--occurrence', occurrence, by !== undefined && '--by', by]),
    change: async (p, dir) => {
      // --by is a delegation, as for positions: any name delegations.yaml gives it, stored as its canonical name.
      const delegation = by === undefined ? undefined : resolveDelegation(by, (await usableDelegations(dir)).delegations);
      const result = bracketInParagraph(p, { words: options.words, ...(options.item !== undefined ? { item: options.item } : {}), ...(occurrence !== undefined ? { occurrence } : {}), ...(delegation !== undefined ? { by: delegation } : {}) });
      if (delegation === undefined) return result;
      // The delegation asking for the brackets proposes them, as `positions` and `show` then say.
      const { proposeNewBrackets } = await import('../../resolve/bracket-positions.js');
      return { ...result, paragraph: proposeNewBrackets(p, result.paragraph, delegation), onBehalfOf: delegation };
    },
  });
}

function wholeNumber(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) throw usageError(`--occurrence takes a number from 1, not "${value}"`);
  return Number(value);
}
