import { inputError } from '../diagnostics/diagnostic.js';
import { allAlternatives, findAlternative, findItem } from '../model/find-wording.js';
import type { Alternative, Paragraph } from '../model/schemas.js';
import { foldName } from '../model/did-you-mean.js';
import { paragraphName } from '../model/paragraph-name.js';
import { STANCE_FIELDS, STANCES, stancePhrases, type Stance } from '../model/stances.js';
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
    throw inputError(`paragraph ${paragraphName(paragraph)} already has an alternative "${label}"; choose another --label`);
  }
  const alternative: Alternative = { label, text, proposedBy: [options.by] };
  if (options.item !== undefined) {
    const { item, index } = findItem(paragraph, options.item);
    if (item.status === 'agreed' || item.status === 'agreed-ad-ref') {
      throw inputError(`item ${item.label} of paragraph ${paragraphName(paragraph)} is agreed and locked; reopen it first with "ndraft reopen ${paragraph.address} --item ${item.label.replace(/[()]/g, '')}"`);
    }
    const target = next.items[index] as NonNullable<(typeof next.items)[number]>;
    target.alternatives = [...(target.alternatives ?? []), alternative];
    return { paragraph: next, summary: `added "${label}" to item ${item.label} of paragraph ${paragraphName(paragraph)}, proposed by ${options.by}` };
  }
  next.alternatives = [...next.alternatives, alternative];
  return { paragraph: next, summary: `added "${label}" to paragraph ${paragraphName(paragraph)}, proposed by ${options.by}` };
}

/** The next free `Alt N` label. */
function nextLabel(paragraph: Paragraph): string {
  const used = allAlternatives(paragraph).map((f) => /^Alt\.?\s*(\d+)$/i.exec(f.alternative.label.trim())?.[1]);
  const highest = Math.max(0, ...used.filter((n): n is string => n !== undefined).map(Number));
  return `Alt ${highest + 1}`;
}

/** The position a delegation holds on an alternative, if any (names compared as people type them). */
export function stanceOf(alternative: Alternative, delegation: string): Stance | undefined {
  const key = foldName(delegation);
  return STANCES.find((stance) => (alternative[STANCE_FIELDS[stance]] ?? []).some((name) => foldName(name) === key));
}

/**
 * Records that a delegation supports or opposes an alternative. A delegation holds one position
 * on it: supporting takes it out of `opposedBy` and the other way round. Its proposer supports it
 * already, and takes it back with `withdraw` rather than opposing it.
 */
export function recordPosition(paragraph: Paragraph, label: string, by: string, position: 'support' | 'oppose'): Resolution {
  return changeAlternative(paragraph, label, (alternative, where) => {
    const held = stanceOf(alternative, by);
    const wanted: Stance = position === 'support' ? 'supported' : 'opposed';
    if (held === wanted || (held === 'proposed' && wanted === 'supported')) {
      throw inputError(`${by} already ${position}s "${alternative.label}" of ${where}${held === 'proposed' ? ' (it is listed as proposing it)' : ''}`);
    }
    if (held === 'proposed') {
      const typed = (word: string) => (/^[\w.-]+$/u.test(word) ? word : JSON.stringify(word));
      throw inputError(`${by} is listed as proposing "${alternative.label}" of ${where}; to take the proposal back: ndraft withdraw ${paragraph.address} ${typed(alternative.label)} --by ${typed(by)}`);
    }
    if (held !== undefined) setStance(alternative, by, held, undefined);
    setStance(alternative, by, undefined, wanted);
    const moved = held === undefined ? '' : ` (it no longer ${held === 'opposed' ? 'opposes' : 'supports'} it)`;
    return `${by} ${position}s "${alternative.label}" of ${where}${moved}`;
  });
}

/**
 * Takes back a delegation's position on an alternative. A proposer withdrawing its proposal
 * leaves the alternative to the others who propose or support it; when there are none, the
 * alternative leaves the paragraph (history keeps it: `ndraft restore` brings it back).
 */
export function withdrawPosition(paragraph: Paragraph, label: string, by: string): Resolution {
  return changeAlternative(paragraph, label, (alternative, where, remove) => {
    const held = stanceOf(alternative, by);
    if (held === undefined) {
      throw inputError(`${by} holds no position on "${alternative.label}" of ${where}${describeStances(alternative) === '' ? '' : ` (${describeStances(alternative)})`}`);
    }
    setStance(alternative, by, held, undefined);
    if (held !== 'proposed') return `${by} withdrew its ${held === 'supported' ? 'support for' : 'opposition to'} "${alternative.label}" of ${where}`;
    const backers = [...(alternative.proposedBy ?? []), ...(alternative.supportedBy ?? [])];
    if (backers.length > 0) return `${by} withdrew its proposal "${alternative.label}" of ${where}; it stays, ${describeStances(alternative)}`;
    remove();
    return `${by} withdrew "${alternative.label}" of ${where}; nobody else proposes or supports it, so it left the paragraph (ndraft restore ${paragraph.address} ${JSON.stringify(alternative.label)} brings it back)`;
  });
}

/** `proposed by EU; supported by G77; opposed by US`, or '' when nobody holds a position. */
export function describeStances(alternative: Alternative): string {
  return stancePhrases(alternative).join('; ');
}

/** Moves `by` out of the list of `from` and into that of `to`; an emptied list goes. For an alternative, or a bracket's positions. */
export function setStance(alternative: { proposedBy?: string[] | undefined; supportedBy?: string[] | undefined; opposedBy?: string[] | undefined }, by: string, from: Stance | undefined, to: Stance | undefined): void {
  if (from !== undefined) {
    const field = STANCE_FIELDS[from];
    const left = (alternative[field] ?? []).filter((name) => foldName(name) !== foldName(by));
    if (left.length > 0) alternative[field] = left;
    else delete alternative[field];
  }
  if (to !== undefined) alternative[STANCE_FIELDS[to]] = [...(alternative[STANCE_FIELDS[to]] ?? []), by];
}

/** Applies `change` to a copy of the labelled alternative (`remove` takes it out); returns the copy of the paragraph and what was done. */
function changeAlternative(paragraph: Paragraph, label: string, change: (alternative: Alternative, where: string, remove: () => void) => string): Resolution {
  const found = findAlternative(paragraph, label);
  const next = structuredClone(paragraph);
  const list = found.itemIndex === undefined ? next.alternatives : (next.items[found.itemIndex]?.alternatives ?? []);
  const alternative = list[found.index] as Alternative;
  let removed = false;
  const summary = change(alternative, `paragraph ${paragraphName(paragraph)}`, () => {
    removed = true;
  });
  if (removed) {
    list.splice(found.index, 1);
    const item = found.itemIndex === undefined ? undefined : next.items[found.itemIndex];
    if (item && list.length === 0) delete item.alternatives;
  }
  return { paragraph: next, summary };
}
