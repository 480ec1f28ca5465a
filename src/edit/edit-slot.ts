import { inputError } from '../diagnostics/diagnostic.js';
import { findAlternative, findItem, sameLabel } from '../model/find-wording.js';
import { paragraphSlots, type TextSlot } from '../model/paragraph-slots.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Paragraph } from '../model/schemas.js';
import { refuseAgreedItem } from './locked-item.js';

/**
 * The text `ndraft edit` works on: the paragraph's, one item's (`item`), or one alternative's
 * (`alternative`, of the paragraph or, with `item`, of that item). An agreed item is locked.
 */
export function editSlot(paragraph: Paragraph, which: { item?: string; alternative?: string }): TextSlot {
  const slots = paragraphSlots(paragraph);
  const itemIndex = which.item === undefined ? undefined : findItem(paragraph, which.item).index;
  const item = itemIndex === undefined ? undefined : paragraph.items[itemIndex];
  if (item) refuseAgreedItem(paragraph, item);
  if (which.alternative === undefined) {
    return slots.find((s) => (itemIndex === undefined ? s.kind === 'text' : s.kind === 'item' && s.itemIndex === itemIndex)) as TextSlot;
  }
  const found = itemIndex === undefined ? findAlternative(paragraph, which.alternative) : undefined;
  const slot = slots.find((s) =>
    itemIndex === undefined
      ? found !== undefined && s.alternativeIndex === found.index && (found.itemIndex === undefined ? s.kind === 'alternative' : s.kind === 'item-alternative' && s.itemIndex === found.itemIndex)
      : s.kind === 'item-alternative' && s.itemIndex === itemIndex && sameLabel(paragraph.items[itemIndex]?.alternatives?.[s.alternativeIndex ?? -1]?.label ?? '', which.alternative as string),
  );
  if (!slot) throw inputError(`item ${paragraph.items[itemIndex ?? 0]?.label} of paragraph ${paragraphName(paragraph)} has no alternative "${which.alternative}"`);
  return slot;
}
