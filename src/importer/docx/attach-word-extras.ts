import type { Alternative, AlternativeScope, Draft, Item, Note, Paragraph } from '../../model/schemas.js';
import type { LinePlace } from '../line-places.js';

/** What a Word paragraph's line became in the draft: the paragraph, item or alternative. */
export type PlaceTarget = { paragraph: Paragraph; at: Paragraph | Item | Alternative; kind: LinePlace['in'] };

export function placeTarget(draft: Draft, place: LinePlace | undefined): PlaceTarget | undefined {
  if (!place) return undefined;
  const paragraph = draft.paragraphs[place.paragraph];
  if (!paragraph) return undefined;
  switch (place.in) {
    case 'text':
      return { paragraph, at: paragraph, kind: place.in };
    case 'item': {
      const item = paragraph.items[place.item];
      return item ? { paragraph, at: item, kind: place.in } : undefined;
    }
    case 'alternative': {
      const alt = paragraph.alternatives[place.alternative];
      return alt ? { paragraph, at: alt, kind: place.in } : undefined;
    }
    case 'item-alternative': {
      const alt = paragraph.items[place.item]?.alternatives?.[place.alternative];
      return alt ? { paragraph, at: alt, kind: place.in } : undefined;
    }
  }
}

/** Adds a note to a paragraph, item or alternative, or to the draft when it belongs to none. */
export function addNote(draft: Draft, target: PlaceTarget | undefined, note: Note): void {
  if (target) target.at.notes = [...(target.at.notes ?? []), note];
  else draft.meta.notes = [...(draft.meta.notes ?? []), note];
}

/** Sets what the alternative above competes for, read from ndraft's export; false when there is none. */
export function addScope(target: PlaceTarget | undefined, scope: AlternativeScope): boolean {
  if (!target || (target.kind !== 'alternative' && target.kind !== 'item-alternative')) return false;
  (target.at as Alternative).scope = scope;
  return true;
}

/** Sets positions read from ndraft's export on the alternative above them; false when there is none. */
export function addPositions(target: PlaceTarget | undefined, positions: { proposedBy: string[]; supportedBy: string[]; opposedBy: string[] }): boolean {
  if (!target || (target.kind !== 'alternative' && target.kind !== 'item-alternative')) return false;
  const alt = target.at as Alternative;
  for (const field of ['proposedBy', 'supportedBy', 'opposedBy'] as const) if (positions[field].length > 0) alt[field] = [...positions[field]];
  return true;
}
