import { usageError } from '../diagnostics/diagnostic.js';
import { findBracket } from '../model/find-bracket.js';
import { listShown, matchLabel } from '../model/match-label.js';
import { paragraphName } from '../model/paragraph-name.js';
import { parseParagraph, withSlotText, type ParsedSlot } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { printNotation } from '../notation/print-notation.js';
import { choiceGroups } from '../notation/choice-groups.js';
import { listLabels, type LabelledChoice } from '../notation/labelled-choice.js';
import { replaceBracket } from '../notation/replace-bracket.js';
import { resolveSlashedChoice } from './resolve-slashed-choice.js';
import type { BracketNode, InlineNode } from '../notation/types.js';
import type { Resolution } from './accept-alternative.js';

/** `option` is 1-based, for `[a/b]`; `label` names one bracket of a labelled choice (`2B`, `Option 2B`). */
export type BracketChoice = { kind: 'keep' } | { kind: 'drop' } | { kind: 'option'; option: number } | { kind: 'label'; label: string };

/**
 * Resolves the bracket `ref` names (its number as `show` prints it, or its words: see
 * `findBracket`): keep its words (a one-option bracket),
 * drop them, or choose option k (1-based) of `[a/b]`. Brackets inside the bracket stay open.
 * A labelled bracket (`[Option 2A: …][Option 2B: …]`) is resolved as its whole choice: its label
 * picks one, whose words replace the group; labels never stay in the text. So is a bracket joined
 * to others by slashes (`[should]/[shall]`: see `resolveSlashedChoice`).
 */
export function resolveBracket(paragraph: Paragraph, ref: number | string, choice: BracketChoice): Resolution {
  const parsed = parseParagraph(paragraph);
  const { bracket, slot, n } = findBracket(paragraph, parsed, ref);
  // One walk finds the choice the bracket belongs to, slashed or labelled.
  const groups = choiceGroups([slot.tree]);
  const slashed = groups.slashed.get(bracket);
  if (slashed) {
    const numberOf = new Map(parsed.brackets.map((b) => [b.bracket, b.n]));
    const numbers = slashed.map((b) => numberOf.get(b) ?? 0);
    return resolveSlashedChoice(paragraph, { bracket, n, group: slashed, numbers, slot }, choice);
  }
  const group = bracket.label === undefined ? undefined : groups.labelled.get(bracket);
  if (group && choice.kind !== 'drop') return chooseLabelled(paragraph, n, group, choice, slot);
  if (choice.kind === 'label') {
    throw usageError(`bracket ${n} ${printNotation(bracket)} has no label; choose its option by number${bracket.options.length > 1 ? ` (--option 1 to ${bracket.options.length})` : ' or use --keep or --drop'}`);
  }
  const options = bracket.options;
  const words = printNotation(bracket);
  let replacement;
  let done: string;
  if (choice.kind === 'drop') {
    replacement = [] as const;
    done = `dropped bracket ${n} ${words}`;
  } else if (choice.kind === 'keep') {
    if (options.length > 1) {
      throw usageError(`bracket ${n} ${words} offers ${options.length} options; choose one with --option 1 to ${options.length}`);
    }
    replacement = options[0]?.children ?? [];
    done = `kept the words of bracket ${n} ${words}`;
  } else {
    const option = options[choice.option - 1];
    if (!option || choice.option < 1) {
      throw usageError(`bracket ${n} ${words} has ${options.length === 1 ? 'one option (use --keep or --drop)' : `options 1 to ${options.length}`}; there is no option ${choice.option}`);
    }
    replacement = option.children;
    done = `chose option ${choice.option} "${printNotation(option)}" of bracket ${n}`;
  }
  const text = printNotation(replaceBracket(slot.tree, bracket, replacement));
  return { paragraph: withSlotText(paragraph, slot.path, text), summary: `${done} in ${slot.name} of paragraph ${paragraphName(paragraph)}` };
}

/** Picks one labelled bracket of a choice (or keeps a lone one): its words, without the label, replace the whole group. */
function chooseLabelled(paragraph: Paragraph, n: number, group: LabelledChoice, choice: Exclude<BracketChoice, { kind: 'drop' }>, slot: ParsedSlot): Resolution {
  const between = group.labels.map((l) => `"${l}"`).join(', ');
  let chosen: BracketNode | undefined;
  if (choice.kind === 'keep') {
    if (group.brackets.length > 1) throw usageError(`bracket ${n} is one of a choice between ${between}; pick one with --option, e.g. --option "${group.labels[0]}"`);
    chosen = group.brackets[0];
  } else {
    const asked = choice.kind === 'label' ? choice.label : String(choice.option);
    const candidates = group.brackets.map((b) => ({ label: b.label?.value ?? '', value: b }));
    const byLabel = matchLabel(candidates, asked);
    const found = byLabel.length > 0 ? byLabel : candidates.filter((c) => proposers(c.label).includes(asked.trim().toUpperCase()));
    chosen = found.length === 1 ? found[0]?.value : undefined;
    if (found.length > 1) throw usageError(`"${asked}" could name any of ${listShown(found)} in bracket ${n}; give the whole label`);
    if (!chosen) throw usageError(`bracket ${n} is ${group.brackets.length > 1 ? `one of a choice between ${between}` : `labelled ${between}`}; there is no "${asked}"`);
  }
  const picked = chosen as BracketNode;
  if (choice.kind === 'keep' && picked.options.length > 1) {
    throw usageError(`bracket ${n} ${printNotation(picked)} offers ${picked.options.length} options; choose one with --option 1 to ${picked.options.length}`);
  }
  // A labelled bracket that still offers `a/b` stays a bracket, unlabelled.
  const replacement: InlineNode[] = picked.options.length === 1 ? (picked.options[0]?.children ?? []) : [{ type: 'bracket', options: picked.options }];
  const text = printNotation(replaceBracket(slot.tree, group.brackets, replacement));
  const words = printNotation(replacement);
  const done =
    group.brackets.length > 1
      ? `chose ${picked.label?.value} "${words}" of bracket ${n} (a choice between ${listLabels(group.labels)})`
      : `kept the words of bracket ${n} ${printNotation(picked)}`;
  return { paragraph: withSlotText(paragraph, slot.path, text), summary: `${done} in ${slot.name} of paragraph ${paragraphName(paragraph)}` };
}

/**
 * The delegations a proposers' label names, and all of them together: `US/AU propose` answers to
 * `US`, `AU` and `US/AU`, so that `--option MX` picks `[MX propose: …]`.
 */
function proposers(label: string): string[] {
  const codes = (label.split(/\s+(?:propose|oppose)\b/iu)[0] ?? '').replace(/\s+/gu, '');
  return /^[A-Z0-9/]+$/u.test(codes) ? [codes, ...codes.split('/').filter((c) => c !== '')] : [];
}
