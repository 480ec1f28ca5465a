import { inputError } from '../diagnostics/diagnostic.js';
import { isAgreed } from '../model/paragraph-slots.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Item, Paragraph } from '../model/schemas.js';

/** An agreed item is locked, like an agreed paragraph: the refusal says how to reopen it. */
export function refuseAgreedItem(paragraph: Paragraph, item: Item): void {
  if (!isAgreed(item.status)) return;
  throw inputError(`item ${item.label} of paragraph ${paragraphName(paragraph)} is agreed and locked; reopen it first with "ndraft reopen ${paragraph.address} --item ${item.label.replace(/[()]/g, '')}"`);
}
