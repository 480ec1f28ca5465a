import { inputError } from '../diagnostics/diagnostic.js';
import { findItem, itemName, itemOption } from '../model/find-wording.js';
import { labelError, matchLabel, type Labelled } from '../model/match-label.js';
import type { Alternative, Item, Paragraph } from '../model/schemas.js';

/** One wording of a paragraph or an item: its current text or one of its alternatives. */
export interface Wording {
  /** `text` for the current wording, else the alternative's label as written (`Alt 1`). */
  label: string;
  text: string;
  proposedBy?: string[];
  supportedBy?: string[];
  opposedBy?: string[];
}

/** The wordings that compete in one place: a paragraph, or one of its items (`--item`). */
export interface WordingScope {
  paragraph: string;
  /** The item as the user sees it: its label (`f)`), or `#3` when several items share it (bullets). */
  item?: string;
  current: Wording;
  alternatives: Wording[];
  /** The paragraph the scope is in, to say where else a label or alternatives are found. */
  source: Paragraph;
}

export interface WordingPair {
  /** The wording compared from: its words that `b` lacks are deletions. */
  a: Wording;
  b: Wording;
}

export const CURRENT_WORDING = 'text';

/**
 * The paragraph's wordings, or those of the item `itemLabel` names: `f`, `f)` and `(f)` all name
 * item `f)`, case aside; `#3` is the third item, which is how bullets (`·`) are told apart.
 */
export function wordingScope(paragraph: Paragraph, itemLabel?: string): WordingScope {
  if (itemLabel === undefined) {
    return { paragraph: paragraph.address, current: current(paragraph.text), alternatives: paragraph.alternatives.map(wording), source: paragraph };
  }
  const { index } = findItem(paragraph, itemLabel);
  const item = paragraph.items[index] as Item;
  return {
    paragraph: paragraph.address,
    item: itemName(paragraph, index),
    current: current(item.text),
    alternatives: (item.alternatives ?? []).map(wording),
    source: paragraph,
  };
}

/**
 * The pairs to compare. Two labels give one pair. Without labels, every alternative is compared
 * with the first one, or a lone alternative with the current text; a scope without alternatives
 * has nothing to compare. One label alone is a usage error for the caller to report.
 */
export function wordingPairs(scope: WordingScope, labels?: readonly [string, string]): WordingPair[] {
  if (labels !== undefined) return [{ a: pickWording(scope, labels[0]), b: pickWording(scope, labels[1]) }];
  const [first, ...others] = scope.alternatives;
  if (first === undefined) {
    const items = scope.item === undefined ? itemsWithAlternatives(scope.source) : [];
    const [one] = items;
    const hint = one === undefined ? '' : `; its item${items.length === 1 ? '' : 's'} ${items.join(', ')} ${items.length === 1 ? 'has' : 'have'} alternatives: try --item ${itemOption(one)}`;
    throw inputError(`${scopeName(scope)} has no alternatives, only its text: there is nothing to compare${hint}`);
  }
  if (others.length === 0) return [{ a: scope.current, b: first }];
  return others.map((other) => ({ a: first, b: other }));
}

/**
 * The wording a label names: `text` for the current wording, else an alternative, spelt as
 * labels are (`alt 1`, `alt1`, `Alt. 1`, or `1` where no other label ends in 1; see
 * `match-label.ts`). A label of the paragraph that is not in this scope is named in the refusal.
 */
export function pickWording(scope: WordingScope, label: string): Wording {
  const candidates = scopeLabels(scope);
  const found = matchLabel(candidates, label);
  if (found.length === 1) return (found[0] as Labelled<Wording>).value;
  throw labelError(candidates, found, label, { owner: scopeName(scope), thing: 'wording', things: 'wordings' }, found.length === 0 ? elsewhere(scope, label) : '');
}

/** The labels a scope's wordings answer to: `text` and its alternatives. */
export function scopeLabels(scope: WordingScope): Labelled<Wording>[] {
  return [scope.current, ...scope.alternatives].map((w) => ({ label: w.label, value: w }));
}

/** Where in the paragraph a label not found in the scope is, and the option that reaches it. */
function elsewhere(scope: WordingScope, label: string): string {
  const paragraph = scope.source;
  const names = (alts: readonly Alternative[] | undefined) => matchLabel((alts ?? []).map((a) => ({ label: a.label, value: a })), label)[0]?.value;
  const own = names(paragraph.alternatives);
  if (scope.item !== undefined && own !== undefined) return `; "${own.label}" is the paragraph's own: leave out --item`;
  for (const [index, item] of paragraph.items.entries()) {
    const alt = names(item.alternatives);
    const name = itemName(paragraph, index);
    if (alt !== undefined && name !== scope.item) return `; "${alt.label}" is an alternative of item ${name}: use --item ${itemOption(name)}`;
  }
  return '';
}

/** `paragraph 61`, `item f) of paragraph 71`. */
function scopeName(scope: WordingScope): string {
  return scope.item === undefined ? `paragraph ${scope.paragraph}` : `item ${scope.item} of paragraph ${scope.paragraph}`;
}

/** Items of the paragraph that have alternatives of their own, named as `--item` takes them. */
function itemsWithAlternatives(paragraph: Paragraph): string[] {
  return paragraph.items.flatMap((item, index) => ((item.alternatives ?? []).length > 0 ? [itemName(paragraph, index)] : []));
}

function current(text: string): Wording {
  return { label: CURRENT_WORDING, text };
}

function wording(alt: Alternative): Wording {
  return {
    label: alt.label,
    text: alt.text,
    ...(alt.proposedBy?.length ? { proposedBy: alt.proposedBy } : {}),
    ...(alt.supportedBy?.length ? { supportedBy: alt.supportedBy } : {}),
    ...(alt.opposedBy?.length ? { opposedBy: alt.opposedBy } : {}),
  };
}
