import { inputError } from '../diagnostics/diagnostic.js';
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
  const index = findItem(paragraph, itemLabel);
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
 * The wording a label names: `text` for the current wording, else an alternative whose label
 * matches case aside and with whitespace collapsed (`alt 1`, `"ALT  1"`), or failing that with
 * whitespace removed (`alt1`).
 */
export function pickWording(scope: WordingScope, label: string): Wording {
  const wanted = collapse(label);
  if (wanted === CURRENT_WORDING) return scope.current;
  const found =
    scope.alternatives.find((alt) => collapse(alt.label) === wanted) ??
    scope.alternatives.find((alt) => squeeze(alt.label) === squeeze(label));
  if (found !== undefined) return found;
  const available = [CURRENT_WORDING, ...scope.alternatives.map((alt) => alt.label)].join(', ');
  throw inputError(`${scopeName(scope)} has no wording "${label}"; its wordings are: ${available}${elsewhere(scope, wanted)}`);
}

/** Where in the paragraph a label not found in the scope is, and the option that reaches it. */
function elsewhere(scope: WordingScope, wanted: string): string {
  const paragraph = scope.source;
  const own = paragraph.alternatives.find((alt) => collapse(alt.label) === wanted);
  if (scope.item !== undefined && own !== undefined) return `; "${own.label}" is the paragraph's own: leave out --item`;
  for (const [index, item] of paragraph.items.entries()) {
    const alt = (item.alternatives ?? []).find((a) => collapse(a.label) === wanted);
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

function findItem(paragraph: Paragraph, itemLabel: string): number {
  const { items } = paragraph;
  if (items.length === 0) throw inputError(`paragraph ${paragraph.number} has no items`);
  const names = items.map((_, index) => itemName(paragraph, index)).join(', ');
  const position = /^#(\d+)$/u.exec(itemLabel.trim());
  if (position) {
    const index = Number(position[1]) - 1;
    if (index < 0 || index >= items.length) {
      throw inputError(`paragraph ${paragraph.number} has ${items.length} item${items.length === 1 ? '' : 's'}, so no item ${itemLabel.trim()}; its items are: ${names}`);
    }
    return index;
  }
  const wanted = itemKey(itemLabel);
  const matches = items.flatMap((item, index) => (itemKey(item.label) === wanted ? [index] : []));
  if (matches.length === 1) return matches[0] as number;
  if (matches.length > 1) {
    const positions = matches.map((index) => `#${index + 1}`).join(', ');
    throw inputError(`paragraph ${paragraph.number} has ${matches.length} items labelled "${itemLabel.trim()}"; name one by position: ${positions}`);
  }
  throw inputError(`paragraph ${paragraph.number} has no item "${itemLabel}"; its items are: ${names}`);
}

/** The item's label, or its position `#n` when another item has the same label. */
function itemName(paragraph: Paragraph, index: number): string {
  const label = (paragraph.items[index] as Item).label;
  const shared = paragraph.items.filter((item) => itemKey(item.label) === itemKey(label)).length > 1;
  return shared ? `#${index + 1}` : label;
}

/** How to name an item on the command line: `f` for `f)`, `#3` for a bullet. */
function itemOption(name: string): string {
  return name.startsWith('#') ? name : itemKey(name);
}

/** `f`, `f)`, `(f)`, `F.` → `f`. */
function itemKey(label: string): string {
  return label.replace(/\s+/gu, '').replace(/^\(/u, '').replace(/[).]$/u, '').toLowerCase();
}

function collapse(label: string): string {
  return label.replace(/\s+/gu, ' ').trim().toLowerCase();
}

function squeeze(label: string): string {
  return label.replace(/\s+/gu, '').toLowerCase();
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
