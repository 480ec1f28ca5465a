import { usageError } from '../diagnostics/diagnostic.js';
import { paragraphName } from '../model/paragraph-name.js';
import { withSlotText, type ParsedSlot } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { listLabels } from '../notation/labelled-choice.js';
import { printNotation } from '../notation/print-notation.js';
import { replaceBracket } from '../notation/replace-bracket.js';
import type { BracketNode, InlineNode } from '../notation/types.js';
import type { Resolution } from './accept-alternative.js';
import type { BracketChoice } from './resolve-bracket.js';

/** A bracket of a slashed choice (`[Member States]/[Contracting Parties]`), with the numbers `show` gives the choice's brackets. */
export interface SlashedTarget {
  bracket: BracketNode;
  n: number;
  group: readonly BracketNode[];
  numbers: readonly number[];
  slot: ParsedSlot;
}

/**
 * Resolves one bracket of a slashed choice. Keeping it (or `--option k`, the k-th wording of the
 * choice) replaces the whole choice, slashes included, by its words; a wording that still
 * offers `a/b` stays a bracket. Dropping it takes it out with the slash that joined it, so
 * `[Member States]/[Contracting Parties] may` never becomes `Member States/ may`; the wordings
 * left stay in contest.
 */
export function resolveSlashedChoice(paragraph: Paragraph, target: SlashedTarget, choice: BracketChoice): Resolution {
  const { bracket, n, group, numbers, slot } = target;
  const between = `the choice ${groupText(slot, group)} (brackets ${listLabels(numbers.map(String))})`;
  const at = group.indexOf(bracket);
  let text: string;
  let done: string;
  if (choice.kind === 'label') {
    throw usageError(`bracket ${n} ${printNotation(bracket)} has no label; it is ${between}: keep it with --keep, or pick a wording with --option 1 to ${group.length}`);
  } else if (choice.kind === 'drop') {
    // The slash that joined it goes too: the one after it, or before it when it is the last.
    const run = at === 0 ? [bracket, group[1] as BracketNode] : [group[at - 1] as BracketNode, bracket];
    const kept = at === 0 ? run[1] : run[0];
    text = printNotation(replaceBracket(slot.tree, run, [kept as BracketNode]));
    done = `dropped bracket ${n} ${printNotation(bracket)} of ${between}`;
  } else {
    const k = choice.kind === 'option' ? choice.option - 1 : at;
    const picked = group[k];
    if (!picked || k < 0) throw usageError(`bracket ${n} is one of ${between}; there is no wording ${k + 1} (--option 1 to ${group.length})`);
    // A wording that still offers `a/b` stays a bracket.
    const replacement: InlineNode[] = picked.options.length === 1 ? (picked.options[0]?.children ?? []) : [{ type: 'bracket', options: picked.options }];
    text = printNotation(replaceBracket(slot.tree, group, replacement));
    done = `chose bracket ${numbers[k]} "${printNotation(replacement)}" of ${between}`;
  }
  return { paragraph: withSlotText(paragraph, slot.path, text), summary: `${done} in ${slot.name} of paragraph ${paragraphName(paragraph)}` };
}

/** The choice as written, from its first `[` to its last `]`, blanks collapsed. */
function groupText(slot: ParsedSlot, group: readonly BracketNode[]): string {
  const start = group[0]?.position?.start.offset;
  const end = group[group.length - 1]?.position?.end.offset;
  const written = start === undefined || end === undefined ? group.map((b) => printNotation(b)).join('/') : slot.text.slice(start, end);
  return written.replace(/\s+/gu, ' ');
}
