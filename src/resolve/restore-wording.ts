import { inputError } from '../diagnostics/diagnostic.js';
import { allAlternatives } from '../model/find-wording.js';
import { labelError, listShown, matchLabel, sameLabelKey } from '../model/match-label.js';
import { paragraphName } from '../model/paragraph-name.js';
import { isAgreed } from '../model/paragraph-slots.js';
import type { Alternative, HistoryEntry, Paragraph } from '../model/schemas.js';
import type { Resolution } from './accept-alternative.js';

/** A wording that a change took out of a paragraph and that history still holds. */
export interface DroppedWording {
  label: string;
  text: string;
  /** The item it belonged to, by label, when it was an item's alternative or text. */
  item?: string;
  alternative?: Alternative;
  entry: HistoryEntry;
}

/**
 * Wordings that left the paragraph, newest first: alternatives present before a change and
 * absent after it, and texts that a change replaced (labelled `text`, or `item f) text`).
 */
export function droppedWordings(number: string, entries: readonly HistoryEntry[]): DroppedWording[] {
  const out: DroppedWording[] = [];
  for (const entry of [...entries].reverse()) {
    for (const change of entry.changes) {
      if (change.paragraph !== number || !change.before) continue;
      const before = change.before;
      const after = change.after;
      const afterLabels = after ? allAlternatives(after).map((f) => f.alternative.label) : [];
      for (const f of allAlternatives(before)) {
        if (afterLabels.some((l) => sameLabelKey(l, f.alternative.label))) continue;
        const item = f.itemIndex !== undefined ? before.items[f.itemIndex]?.label : undefined;
        out.push({ label: f.alternative.label, text: f.alternative.text, alternative: f.alternative, ...(item ? { item } : {}), entry });
      }
      if (after && before.text !== after.text) out.push({ label: 'text', text: before.text, entry });
      before.items.forEach((item, i) => {
        const later = after?.items[i];
        if (later && later.label === item.label && later.text !== item.text) out.push({ label: `item ${item.label} text`, text: item.text, item: item.label, entry });
      });
    }
  }
  return out;
}

/** Brings a dropped wording back as an alternative, where it was (its item, if it still exists). */
export function restoreWording(paragraph: Paragraph, label: string, entries: readonly HistoryEntry[], as?: string): Resolution {
  // A wording that stands in the paragraph again (accepted, or already restored) is not offered.
  const present = new Set([paragraph.text, ...paragraph.items.map((i) => i.text), ...allAlternatives(paragraph).map((f) => f.alternative.text)]);
  const dropped = droppedWordings(paragraph.address, entries).filter((d) => !present.has(d.text));
  // The newest wording dropped under a label answers to it (the list is newest first).
  const candidates = dropped.filter((d, i) => dropped.findIndex((e) => e.label === d.label) === i).map((d) => ({ label: d.label, value: d }));
  const matches = matchLabel(candidates, label);
  const found = matches.length === 1 ? matches[0]?.value : undefined;
  if (!found) {
    const name = paragraphName(paragraph);
    if (matches.length > 1) throw labelError(candidates, matches, label, { owner: `the history of paragraph ${name}`, thing: 'dropped wording', things: 'dropped wordings' });
    throw inputError(
      candidates.length === 0
        ? `history holds no dropped wording of paragraph ${name}`
        : `history holds no dropped wording "${label}" of paragraph ${name}; it holds ${listShown(candidates)}`,
    );
  }
  const newLabel = as ?? (found.alternative ? found.alternative.label : found.label === 'text' ? 'Former text' : `Former ${found.label}`);
  if (allAlternatives(paragraph).some((f) => sameLabelKey(f.alternative.label, newLabel))) {
    throw inputError(`paragraph ${paragraphName(paragraph)} already has an alternative "${newLabel}"; restore it under another name with --as`);
  }
  const alternative: Alternative = found.alternative ? { ...structuredClone(found.alternative), label: newLabel } : { label: newLabel, text: found.text };
  const next = structuredClone(paragraph);
  const itemIndex = found.item !== undefined ? next.items.findIndex((i) => i.label === found.item) : -1;
  const target = next.items[itemIndex];
  // Agreed text is locked: a wording restored into it would leave an agreed item with an open alternative.
  if (target && isAgreed(target.status)) {
    throw inputError(`item ${target.label} of paragraph ${paragraphName(paragraph)} is agreed and locked; reopen it first with "ndraft reopen ${paragraph.address} --item ${target.label.replace(/[()\s]/g, '')}"`);
  }
  if (target) target.alternatives = [...(target.alternatives ?? []), alternative];
  else next.alternatives = [...next.alternatives, alternative];
  const where = target ? `item ${target.label} of paragraph ${paragraphName(paragraph)}` : `paragraph ${paragraphName(paragraph)}`;
  return { paragraph: next, summary: `restored "${found.label}" as alternative "${newLabel}" of ${where} (dropped on ${found.entry.time.slice(0, 10)} by: ${found.entry.command})` };
}
