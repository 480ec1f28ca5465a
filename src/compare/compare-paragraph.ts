import type { Change } from 'diff';
import { diffWordings } from '../diff/wording-diff.js';
import { isAgreed } from '../model/paragraph-slots.js';
import type { Item, Paragraph } from '../model/schemas.js';
import { countParagraph, type Counts } from '../report/counts.js';
import type { ChangeKind, ParagraphComparison, ParagraphPlace, SlotDiff } from './types.js';
import { pairItems } from './pair-items.js';

export interface Side {
  paragraph: Paragraph;
  place: ParagraphPlace;
  /** Its counts, when known already (`countParagraph` parses its notation). */
  counts?: Counts;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;

/**
 * What changed in one paragraph between two sides, or undefined when nothing did. Brackets and
 * alternatives are counted as `status` counts them (`countParagraph`: none in a deleted
 * paragraph), so the figures of a whole compare add up to the difference of the two status
 * reports. A paragraph is "reworded" when its words changed (brackets put around words or taken
 * off them are not a rewording) and no bracket resolved or alternative accepted explains it; the
 * word diffs show every change either way.
 */
export function compareParagraph(
  a: Side | undefined,
  b: Side | undefined,
  alignedBy: 'address' | 'content',
  diff: (before: string, after: string) => Change[] = diffWordings,
): ParagraphComparison | undefined {
  const kinds = new Set<ChangeKind>();
  const countsA = a && (a.counts ?? countParagraph(a.paragraph));
  const countsB = b && (b.counts ?? countParagraph(b.paragraph));
  const bracketsA = countsA?.brackets ?? 0;
  const bracketsB = countsB?.brackets ?? 0;
  const result: ParagraphComparison = {
    ...(a ? { before: a.place } : {}),
    ...(b ? { after: b.place } : {}),
    alignedBy,
    kinds: [],
    bracketsRemoved: Math.max(0, bracketsA - bracketsB),
    bracketsAdded: Math.max(0, bracketsB - bracketsA),
    alternativesAdded: [],
    alternativesDropped: [],
    alternativesAccepted: [],
    itemStatuses: [],
    diffs: [],
  };
  if (result.bracketsRemoved + result.bracketsAdded > 0) kinds.add('brackets');
  if (!a || !b) {
    const only = (a ?? b) as Side;
    kinds.add(a ? 'deleted' : 'added');
    result.diffs = wholeText(only.paragraph, a ? 'removed' : 'added');
    return finish(result, kinds);
  }
  const pa = a.paragraph;
  const pb = b.paragraph;
  if (pa.number !== pb.number) kinds.add('renumbered');
  if (a.place.section !== b.place.section) kinds.add('moved');
  if (pa.status !== pb.status) {
    kinds.add('status');
    if (isAgreed(pb.status) && !isAgreed(pa.status)) kinds.add('agreed');
    if (pb.status === 'deleted') kinds.add('deleted');
  }
  if (pa.bracketed !== pb.bracketed) kinds.add('brackets');

  const altsA = alternativesOf(pa);
  const altsB = alternativesOf(pb);
  let wordings: string[] | undefined;
  for (const [label, text] of altsA) {
    if (altsB.has(label)) continue;
    // Accepted: its words are now the text (or an item's), in place of it or inserted into it.
    wordings ??= [pb.text, ...pb.items.map((item) => item.text)].map(squeeze);
    if (wordings.some((wording) => wording.includes(squeeze(text)))) result.alternativesAccepted.push(label);
    else result.alternativesDropped.push(label);
  }
  for (const label of altsB.keys()) if (!altsA.has(label)) result.alternativesAdded.push(label);
  if (result.alternativesAccepted.length + result.alternativesDropped.length + result.alternativesAdded.length > 0) kinds.add('alternatives');

  let wordsChanged = false;
  const slot = (name: string, before: string | undefined, after: string | undefined) => {
    if (before === after) return;
    const changes: Change[] = diff(before ?? '', after ?? '');
    if (!changes.some((c) => c.added || c.removed)) return;
    result.diffs.push({ name, changes });
    if (!wordsChanged && !name.includes('Alt') && !sameWords(before ?? '', after ?? '')) wordsChanged = true;
  };
  slot('text', pa.text, pb.text);
  // Paired as a diff pairs lines, not by label: bullets all share "·" (`pairItems`).
  for (const pair of pairItems(pa.items, pb.items)) {
    const ia = pair.before === undefined ? undefined : pa.items[pair.before];
    const ib = pair.after === undefined ? undefined : pb.items[pair.after];
    slot(`item ${itemName(pair.after === undefined ? pa.items : pb.items, (pair.after ?? pair.before) as number)}`, ia?.text, ib?.text);
    if (ia && ib && ia.status !== ib.status) {
      result.itemStatuses.push({ item: itemName(pb.items, pair.after as number), before: ia.status, after: ib.status });
      kinds.add('status');
    }
  }
  for (const [label, text] of altsA) if (altsB.has(label)) slot(label, text, altsB.get(label));
  if (result.diffs.length > 0 && kinds.size === 0) kinds.add('reworded');
  else if (wordsChanged && result.bracketsRemoved === 0 && result.alternativesAccepted.length === 0) kinds.add('reworded');
  return finish(result, kinds);
}

function finish(result: ParagraphComparison, kinds: Set<ChangeKind>): ParagraphComparison | undefined {
  if (kinds.size === 0 && result.diffs.length === 0) return undefined;
  result.kinds = [...kinds];
  return result;
}

/** Every alternative of the paragraph and of its items, by a label that says whose: "Alt 2", "item f) Alt 71g1". */
function alternativesOf(paragraph: Paragraph): Map<string, string> {
  const all = new Map<string, string>();
  for (const alt of paragraph.alternatives) all.set(alt.label, alt.text);
  for (const item of paragraph.items) for (const alt of item.alternatives ?? []) all.set(`item ${item.label} ${alt.label}`, alt.text);
  return all;
}

/** A paragraph added or removed whole: its text and items as one run each. */
function wholeText(paragraph: Paragraph, how: 'added' | 'removed'): SlotDiff[] {
  const run = (value: string): Change[] => [{ value, count: 1, added: how === 'added', removed: how === 'removed' }];
  return [{ name: 'text', changes: run(paragraph.text) }, ...paragraph.items.map((item) => ({ name: `item ${item.label}`, changes: run(item.text) }))];
}

/** An item's label, with its place among those of the same label when several share it: "·" is "· (2)". */
function itemName(items: readonly Item[], index: number): string {
  const label = (items[index] as Item).label;
  const same = items.filter((item) => item.label === label);
  return same.length === 1 ? label : `${label} (${items.slice(0, index + 1).filter((item) => item.label === label).length})`;
}

/**
 * Whether two texts have the same words in the same order (letters, digits and marks; whatever
 * stands between them aside): compared in place, stopping at the first difference, since it runs
 * on both sides of every changed slot.
 */
export function sameWords(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && wordCharWidth(a, i) === 0) i++;
    while (j < b.length && wordCharWidth(b, j) === 0) j++;
    if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length;
    // One word from each, unit by unit, up to the end of both.
    for (;;) {
      const wa = i < a.length ? wordCharWidth(a, i) : 0;
      const wb = j < b.length ? wordCharWidth(b, j) : 0;
      if (wa !== wb) return false;
      if (wa === 0) break;
      if (a.charCodeAt(i) !== b.charCodeAt(j) || (wa === 2 && a.charCodeAt(i + 1) !== b.charCodeAt(j + 1))) return false;
      i += wa;
      j += wb;
    }
  }
}

/** 0 when the character at `i` is no word character, else its length in UTF-16 units (2 for a surrogate pair). */
function wordCharWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  const point = text.codePointAt(i) as number;
  return WORD_CHAR.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
