import { inputError } from '../diagnostics/diagnostic.js';
import { findItem } from '../model/find-wording.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Paragraph } from '../model/schemas.js';
import type { Resolution } from '../resolve/accept-alternative.js';
import { refuseAgreedItem } from './locked-item.js';

/**
 * Marks a paragraph, or one of its items, deleted. The text stays, as with every dropped wording:
 * `reopen` (or `undo`) brings it back, and exports show it struck or leave it out.
 */
export function deleteParagraph(paragraph: Paragraph, itemLabel?: string): Resolution {
  const name = paragraphName(paragraph);
  const next = structuredClone(paragraph);
  if (itemLabel !== undefined) {
    const { item, index } = findItem(paragraph, itemLabel);
    const bare = item.label.replace(/[()]/g, '');
    if (item.status === 'deleted') throw inputError(`item ${item.label} of paragraph ${name} is deleted already; "ndraft reopen ${paragraph.address} --item ${bare}" opens it again`);
    refuseAgreedItem(paragraph, item);
    (next.items[index] as NonNullable<(typeof next.items)[number]>).status = 'deleted';
    return { paragraph: next, summary: `deleted item ${item.label} of paragraph ${name} (its text is kept)` };
  }
  if (paragraph.status === 'deleted') throw inputError(`paragraph ${name} is deleted already; "ndraft reopen ${paragraph.address}" opens it again`);
  next.status = 'deleted';
  return { paragraph: next, summary: `deleted paragraph ${name} (its text is kept; "ndraft reopen ${paragraph.address}" brings it back)` };
}
