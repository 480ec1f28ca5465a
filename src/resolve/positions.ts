import { inputError } from '../diagnostics/diagnostic.js';
import { allAlternatives, findAlternative, findItem, sameLabel } from '../model/find-wording.js';
import type { Alternative, Paragraph } from '../model/schemas.js';
import { sameLabelKey } from '../model/match-label.js';
import { parseNotation } from '../notation/parse-notation.js';
import type { Resolution } from './accept-alternative.js';

/** Adds a competing wording, to the paragraph or to one of its items, proposed by a delegation. */
export function proposeAlternative(paragraph: Paragraph, options: { text: string; label?: string; by: string; item?: string }): Resolution {
  const text = options.text.trim();
  if (text === '') throw inputError('--text is empty; give the wording you propose');
  const parsed = parseNotation(text);
  if (!parsed.ok) {
    const e = parsed.errors[0];
    throw inputError(`the proposed text does not parse: ${e?.message} at column ${e?.point.column}`);
  }
  const next = structuredClone(paragraph);
  const label = options.label?.trim() || nextLabel(paragraph);
  if (allAlternatives(paragraph).some((f) => sameLabelKey(f.alternative.label, label))) {
    throw inputError(`paragraph ${paragraph.number} already has an alternative "${label}"; choose another --label`);
  }
  const alternative: Alternative = { label, text, proposedBy: [options.by] };
  if (options.item !== undefined) {
    const { item, index } = findItem(paragraph, options.item);
    if (item.status === 'agreed' || item.status === 'agreed-ad-ref') {
      throw inputError(`item ${item.label} of paragraph ${paragraph.number} is agreed and locked; reopen it first with "ndraft reopen ${paragraph.number} --item ${item.label.replace(/[()]/g, '')}"`);
    }
    const target = next.items[index] as NonNullable<(typeof next.items)[number]>;
    target.alternatives = [...(target.alternatives ?? []), alternative];
    return { paragraph: next, summary: `added "${label}" to item ${item.label} of paragraph ${paragraph.number}, proposed by ${options.by}` };
  }
  next.alternatives = [...next.alternatives, alternative];
  return { paragraph: next, summary: `added "${label}" to paragraph ${paragraph.number}, proposed by ${options.by}` };
}

/** The next free `Alt N` label. */
function nextLabel(paragraph: Paragraph): string {
  const used = allAlternatives(paragraph).map((f) => /^Alt\.?\s*(\d+)$/i.exec(f.alternative.label.trim())?.[1]);
  const highest = Math.max(0, ...used.filter((n): n is string => n !== undefined).map(Number));
  return `Alt ${highest + 1}`;
}

/** Records that a delegation supports or opposes an alternative; one position per delegation. */
export function recordPosition(paragraph: Paragraph, label: string, by: string, position: 'support' | 'oppose'): Resolution {
  const found = findAlternative(paragraph, label);
  const next = structuredClone(paragraph);
  const list = found.itemIndex === undefined ? next.alternatives : (next.items[found.itemIndex]?.alternatives ?? []);
  const alternative = list[found.index] as Alternative;
  const proposed = (alternative.proposedBy ?? []).filter((x) => !sameLabel(x, by));
  const opposed = (alternative.opposedBy ?? []).filter((x) => !sameLabel(x, by));
  const already = position === 'support' ? (alternative.proposedBy ?? []).some((x) => sameLabel(x, by)) : (alternative.opposedBy ?? []).some((x) => sameLabel(x, by));
  if (already) throw inputError(`${by} already ${position === 'support' ? 'supports' : 'opposes'} "${alternative.label}" of paragraph ${paragraph.number}`);
  if (position === 'support') proposed.push(by);
  else opposed.push(by);
  if (proposed.length > 0) alternative.proposedBy = proposed;
  else delete alternative.proposedBy;
  if (opposed.length > 0) alternative.opposedBy = opposed;
  else delete alternative.opposedBy;
  return { paragraph: next, summary: `${by} ${position === 'support' ? 'supports' : 'opposes'} "${alternative.label}" of paragraph ${paragraph.number}` };
}
