import { inputError } from '../diagnostics/diagnostic.js';
import type { Alternative, Item, Paragraph } from './schemas.js';

/** Labels are matched as people type them: case and spacing do not matter (`alt 1` finds `Alt 1`). */
export function sameLabel(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/** `f`, `f)`, `(f)` all name item `f)`; `#3` names the third item (for bullets, which share a label). */
export function findItem(paragraph: Paragraph, label: string): { item: Item; index: number } {
  const position = /^#(\d+)$/.exec(label.trim());
  if (position) {
    const index = Number(position[1]) - 1;
    const item = paragraph.items[index];
    if (item) return { item, index };
  } else {
    const bare = (s: string) => s.replace(/[()\s.]/g, '').toLowerCase();
    const index = paragraph.items.findIndex((item) => bare(item.label) === bare(label));
    const item = paragraph.items[index];
    if (item) return { item, index };
  }
  const labels = paragraph.items.map((item, i) => (paragraph.items.filter((x) => x.label === item.label).length > 1 ? `#${i + 1}` : item.label));
  throw inputError(
    paragraph.items.length === 0
      ? `paragraph ${paragraph.number} has no items`
      : `paragraph ${paragraph.number} has no item ${label}; its items are ${labels.join(', ')}`,
  );
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

/** The alternative with this label, of the paragraph or of one of its items; an error lists the labels there are. */
export function findAlternative(paragraph: Paragraph, label: string): FoundAlternative {
  const all = allAlternatives(paragraph);
  const found = all.find((f) => sameLabel(f.alternative.label, label));
  if (found) return found;
  throw inputError(
    all.length === 0
      ? `paragraph ${paragraph.number} has no alternatives`
      : `paragraph ${paragraph.number} has no alternative "${label}"; its alternatives are ${all.map((f) => `"${f.alternative.label}"`).join(', ')}`,
  );
}
