import { isAgreed } from '../model/paragraph-slots.js';
import type { Alternative, Item, Paragraph } from '../model/schemas.js';
import type { MergeContext } from './merge-context.js';
import { align, keptUnlessUnchanged, mergeAlternatives, mergeNotes } from './merge-lists.js';
import { mergeText } from './merge-text.js';
import { pickThreeWay, sameValue } from './three-way.js';

/**
 * A paragraph's items, matched by label (bullets sharing one by rank): each merges like the
 * paragraph's own text (a text both sides changed gets both wordings as alternatives of the
 * item), an item one side added is kept, and both sides adding one keeps both.
 */
export function mergeItems(ctx: MergeContext, base: Paragraph, ours: Paragraph, theirs: Paragraph): Item[] {
  const merged: Item[] = [];
  for (const a of align(ctx, base.items, ours.items, theirs.items, (item) => item.label, 'items')) {
    const { base: b, ours: o, theirs: t } = a;
    if (b && o && t) merged.push(mergeItem(ctx, b, o, t, a.key));
    else if (o && t) {
      merged.push(o);
      if (sameValue(o, t)) continue;
      merged.push(t);
      ctx.warn(`both copies added an item ${o.label}: both are kept`);
    } else if (b) keptUnlessUnchanged(ctx, b, o, t, `item ${b.label}`, merged);
    else merged.push((o ?? t) as Item);
  }
  return merged;
}

function mergeItem(ctx: MergeContext, b: Item, o: Item, t: Item, key: string): Item {
  const where = `item ${b.label}`;
  // The item in another version of the paragraph, found as the alignment found it (label, then rank).
  const rank = Number(key.split('\u0000')[1] ?? '1');
  const itemIn = (p: Paragraph) => p.items.filter((item) => item.label === b.label)[rank - 1];
  const spans = pickThreeWay(b.spans, o.spans, t.spans);
  if (!spans.agreed) ctx.fail(`both copies changed the bracket spans of ${where}, differently`);

  // An item agreed on one side and changed on the other is reopened, as a paragraph is.
  const agreedNow = (item: Item) => isAgreed(item.status) && !isAgreed(b.status);
  const itemAgreedSide = agreedNow(o) && t.text !== b.text ? 'ours' : agreedNow(t) && o.text !== b.text ? 'theirs' : undefined;
  if (itemAgreedSide !== undefined && ctx.agreedSide === undefined) ctx.warn(`${where} was agreed in ${itemAgreedSide} but changed in ${itemAgreedSide === 'ours' ? 'theirs' : 'ours'}: reopened`);
  const added: Alternative[] = [];
  const text = mergeText(ctx, b.text, o.text, t.text, where, (p) => itemIn(p)?.text, added, ctx.agreedSide ?? itemAgreedSide);
  const alternatives = [...mergeAlternatives(ctx, b.alternatives ?? [], o.alternatives ?? [], t.alternatives ?? [], { of: ` of ${where}`, list: (p) => itemIn(p)?.alternatives }), ...added];
  const notes = mergeNotes(ctx, b.notes, o.notes, t.notes);
  const status = itemAgreedSide !== undefined || ctx.agreedSide !== undefined ? undefined : pickThreeWay(b.status, o.status, t.status);
  if (status !== undefined && !status.agreed) ctx.warn(`the status of ${where} was changed differently (ours ${o.status ?? 'open'}, theirs ${t.status ?? 'open'}): kept open`);
  const kept = status?.agreed ? status.value : undefined;
  return {
    label: o.label,
    text,
    ...(spans.agreed && spans.value !== undefined ? { spans: spans.value } : {}),
    ...(kept !== undefined && !(added.length > 0 && isAgreed(kept)) ? { status: kept } : {}),
    ...(alternatives.length > 0 || o.alternatives !== undefined || t.alternatives !== undefined ? { alternatives } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
}

