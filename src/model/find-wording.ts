import { inputError } from '../diagnostics/diagnostic.js';
import { findLabelled, labelKey, type Labelled } from './match-label.js';
import { paragraphName } from './paragraph-name.js';
import type { Alternative, Item, Paragraph } from './schemas.js';

/**
 * Names as people type them, case and spacing aside (`eu` is `EU`): for delegations. Labels of
 * alternatives, options and items go through `match-label.ts` instead.
 */
export function sameLabel(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/**
 * The item a label names, spelt as labels are (`f`, `f)`, `(f)`, `F.` all name item `f)`); `#3`
 * names the third item, which is how bullets (`·`), sharing one label, are told apart.
 */
export function findItem(paragraph: Paragraph, label: string): { item: Item; index: number } {
  const { items } = paragraph;
  const name = paragraphName(paragraph);
  if (items.length === 0) throw inputError(`paragraph ${name} has no items`);
  const names = items.map((_, index) => itemName(paragraph, index)).join(', ');
  const position = /^#(\d+)$/u.exec(label.trim());
  if (position) {
    const index = Number(position[1]) - 1;
    const item = items[index];
    if (item) return { item, index };
    throw inputError(`paragraph ${name} has ${items.length} item${items.length === 1 ? '' : 's'}, so no item ${label.trim()}; its items are ${names}`);
  }
  const candidates: Labelled<number>[] = items.map((item, index) => ({ label: item.label, value: index, shown: itemName(paragraph, index) }));
  const index = findLabelled(candidates, label, { owner: `paragraph ${name}`, thing: 'item', things: 'items', whenAmbiguous: 'name one by its position' });
  return { item: items[index] as Item, index };
}

/** The item's label, or its position `#n` when another item has the same label (bullets). */
export function itemName(paragraph: Paragraph, index: number): string {
  const label = (paragraph.items[index] as Item).label;
  const shared = paragraph.items.filter((item) => labelKey(item.label) === labelKey(label)).length > 1;
  return shared ? `#${index + 1}` : label;
}

/** How to name an item on the command line: `f` for `f)`, `#3` for a bullet. */
export function itemOption(name: string): string {
  return name.startsWith('#') ? name : labelKey(name);
}

export interface FoundAlternative {
  alternative: Alternative;
  /** Index in the list that holds it. */
  index: number;
  /** Set when the alternative belongs to an item. */
  itemIndex?: number;
}

/** Every alternative of a paragraph and its items, in reading order: items first, then the paragraph's own. */
export function allAlternatives(paragraph: Paragraph): FoundAlternative[] {
  const found: FoundAlternative[] = [];
  paragraph.items.forEach((item, itemIndex) => (item.alternatives ?? []).forEach((alternative, index) => found.push({ alternative, index, itemIndex })));
  paragraph.alternatives.forEach((alternative, index) => found.push({ alternative, index }));
  return found;
}

/** The alternatives of a paragraph and its items as labels to match (`match-label.ts`). */
export function alternativeLabels(paragraph: Paragraph): Labelled<FoundAlternative>[] {
  return allAlternatives(paragraph).map((found) => ({ label: found.alternative.label, value: found }));
}

/** The alternative a label names (`Alt 3`, `alt3`, `3`), of the paragraph or of one of its items; an error lists the labels there are. */
export function findAlternative(paragraph: Paragraph, label: string): FoundAlternative {
  return findLabelled(alternativeLabels(paragraph), label, { owner: `paragraph ${paragraphName(paragraph)}`, thing: 'alternative', things: 'alternatives' });
}
