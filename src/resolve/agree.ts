import { inputError } from '../diagnostics/diagnostic.js';
import { findItem } from '../model/find-wording.js';
import { paragraphName } from '../model/paragraph-name.js';
import { isAgreed, parseParagraph } from '../model/paragraph-slots.js';
import type { Paragraph, Status } from '../model/schemas.js';
import { printNotation } from '../notation/print-notation.js';
import type { Resolution } from './accept-alternative.js';

/** Something that keeps a paragraph or item from being agreed, said as `show` numbers it. */
export interface Unresolved {
  kind: 'paragraph-bracket' | 'bracket' | 'span' | 'alternative' | 'notation';
  description: string;
}

/** Everything still open in the paragraph, or in one of its items. */
export function unresolvedPlaces(paragraph: Paragraph, itemIndex?: number): Unresolved[] {
  const out: Unresolved[] = [];
  const parsed = parseParagraph(paragraph);
  for (const { slot, error } of parsed.errors) {
    if (itemIndex === undefined || slot.itemIndex === itemIndex) out.push({ kind: 'notation', description: `${slot.name}: ${error.message}` });
  }
  if (itemIndex === undefined && paragraph.bracketed) {
    out.push({ kind: 'paragraph-bracket', description: `the whole paragraph is in brackets (settle it with --keep-paragraph or --drop-paragraph)` });
  }
  for (const b of parsed.brackets) {
    if (itemIndex !== undefined && b.slot.itemIndex !== itemIndex) continue;
    out.push({ kind: 'bracket', description: `bracket ${b.n} in ${b.slot.name}: ${abbreviate(printNotation(b.bracket))}` });
  }
  for (const slot of parsed.slots) {
    if (slot.kind !== 'text' && slot.kind !== 'item') continue;
    if (itemIndex !== undefined && slot.itemIndex !== itemIndex) continue;
    for (const mark of slot.spans ?? []) {
      const how = mark.edge === 'opens' ? 'opens in' : mark.edge === 'closes' ? 'closes in' : 'covers';
      out.push({ kind: 'span', description: `bracket span ${mark.span} ${how} ${slot.name} (settle it with --span ${mark.span} --keep or --drop)` });
    }
  }
  paragraph.items.forEach((item, i) => {
    if (itemIndex !== undefined && i !== itemIndex) return;
    for (const alt of item.alternatives ?? []) out.push({ kind: 'alternative', description: `alternative "${alt.label}" of item ${item.label}` });
  });
  if (itemIndex === undefined) {
    for (const alt of paragraph.alternatives) out.push({ kind: 'alternative', description: `alternative "${alt.label}"` });
  }
  return out;
}

/** Marks a paragraph or one item agreed (or agreed ad ref); refuses while anything there is unresolved. */
export function agree(paragraph: Paragraph, options: { item?: string; adRef?: boolean }): Resolution {
  const status: Status = options.adRef ? 'agreed-ad-ref' : 'agreed';
  const word = options.adRef ? 'agreed ad ref' : 'agreed';
  const next = structuredClone(paragraph);
  if (paragraph.status === 'deleted') throw inputError(`paragraph ${paragraphName(paragraph)} is deleted; reopen it before agreeing it`);
  if (options.item !== undefined) {
    const { item, index } = findItem(paragraph, options.item);
    if (item.status === status) throw inputError(`item ${item.label} of paragraph ${paragraphName(paragraph)} is already ${word}`);
    refuseUnresolved(unresolvedPlaces(paragraph, index), `item ${item.label} of paragraph ${paragraphName(paragraph)}`);
    (next.items[index] as NonNullable<(typeof next.items)[number]>).status = status;
    return { paragraph: next, summary: `item ${item.label} of paragraph ${paragraphName(paragraph)} is now ${word}` };
  }
  if (paragraph.status === status) throw inputError(`paragraph ${paragraphName(paragraph)} is already ${word}`);
  refuseUnresolved(unresolvedPlaces(paragraph), `paragraph ${paragraphName(paragraph)}`);
  next.status = status;
  return { paragraph: next, summary: `paragraph ${paragraphName(paragraph)} is now ${word}` };
}

/** Opens an agreed (or deleted) paragraph, or an agreed item, again. */
export function reopen(paragraph: Paragraph, options: { item?: string }): Resolution {
  const next = structuredClone(paragraph);
  if (options.item !== undefined) {
    const { item, index } = findItem(paragraph, options.item);
    if (!isAgreed(item.status) && item.status !== 'deleted') throw inputError(`item ${item.label} of paragraph ${paragraphName(paragraph)} is not agreed; there is nothing to reopen`);
    delete (next.items[index] as NonNullable<(typeof next.items)[number]>).status;
    return { paragraph: next, summary: `item ${item.label} of paragraph ${paragraphName(paragraph)} is open again` };
  }
  if (paragraph.status === 'open') throw inputError(`paragraph ${paragraphName(paragraph)} is already open`);
  next.status = 'open';
  return { paragraph: next, summary: `paragraph ${paragraphName(paragraph)} is open again (it was ${paragraph.status})` };
}

function refuseUnresolved(unresolved: readonly Unresolved[], what: string): void {
  if (unresolved.length === 0) return;
  throw inputError(
    `${what} cannot be agreed: ${unresolved.length} place${unresolved.length === 1 ? ' is' : 's are'} unresolved`,
    unresolved.map((u) => ({ code: 'UNRESOLVED', severity: 'error', message: u.description })),
  );
}

function abbreviate(text: string): string {
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}
