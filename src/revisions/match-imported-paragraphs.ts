import { matchByContent, MATCH_THRESHOLD, sharedWords } from '../compare/align-paragraphs.js';
import { paragraphSlots } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';

/** Past this many paragraphs left over on each side, weighing each against each costs too much (`matchByContent` then pairs identical ones only). */
const WHOLE_PAIRING_LIMIT = 500;

/** One side of the matching: its addresses in reading order, and each paragraph by address. */
export interface MatchSide {
  addresses: readonly string[];
  paragraph(address: string): Paragraph;
}

export interface ParagraphMatch {
  /** Pairs of (address in the draft, address in the imported text), in the imported text's reading order. */
  pairs: { draft: string; imported: string; by: 'number' | 'content' }[];
  /** Imported paragraphs that match none of the draft's: new in this text. */
  added: string[];
  /** The draft's paragraphs that match none of the imported text's: gone from this text. */
  removed: string[];
}

/**
 * Which paragraph of a later text is which paragraph of the draft. Numbers are stable across
 * revisions, so a paragraph first keeps the one now printed under its address when their words
 * are alike. The rest (a paragraph inserted renumbers every one after it) are paired by their
 * words, as `compare` pairs them (`matchByContent`). A paragraph reworded beyond recognition
 * that still stands under its number, with nothing else taking its place, is the same paragraph
 * reworded. What is left is added or removed.
 */
export function matchImportedParagraphs(draft: MatchSide, imported: MatchSide): ParagraphMatch {
  const importedAddresses = new Set(imported.addresses);
  const byNumber = new Map<string, string>();
  const underSameAddress: string[] = [];
  for (const address of draft.addresses) {
    if (!importedAddresses.has(address)) continue;
    underSameAddress.push(address);
    const a = draft.paragraph(address);
    const b = imported.paragraph(address);
    if (a.text === b.text || sharedWords(a, b) >= MATCH_THRESHOLD) byNumber.set(address, address);
  }
  const usedImported = new Set(byNumber.values());
  const leftDraft = draft.addresses.filter((address) => !byNumber.has(address));
  const leftImported = imported.addresses.filter((address) => !usedImported.has(address));
  const byContent = new Map(pairByContent(leftDraft, leftImported, draft, imported));
  for (const address of byContent.values()) usedImported.add(address);
  // Still under its own address, and nothing else took either side: the same paragraph, reworded.
  for (const address of underSameAddress) {
    if (byNumber.has(address) || byContent.has(address) || usedImported.has(address)) continue;
    byNumber.set(address, address);
    usedImported.add(address);
  }
  const draftOf = new Map<string, { draft: string; by: 'number' | 'content' }>();
  for (const [d, i] of byNumber) draftOf.set(i, { draft: d, by: 'number' });
  for (const [d, i] of byContent) draftOf.set(i, { draft: d, by: d === i ? 'number' : 'content' });
  const pairs: ParagraphMatch['pairs'] = [];
  const added: string[] = [];
  for (const address of imported.addresses) {
    const found = draftOf.get(address);
    if (found) pairs.push({ draft: found.draft, imported: address, by: found.by });
    else added.push(address);
  }
  const matchedDraft = new Set(pairs.map((p) => p.draft));
  return { pairs, added, removed: draft.addresses.filter((address) => !matchedDraft.has(address)) };
}

/**
 * The paragraphs left over on both sides, paired by their words. Few, they are weighed each
 * against each (`matchByContent`). Many (a large draft renumbered from near its start), the
 * ones of identical wording are paired first, and those in reading order on both sides mark
 * out stretches; the rest are weighed within their stretch only, where a renumbered
 * paragraph's counterpart stands.
 */
function pairByContent(leftDraft: readonly string[], leftImported: readonly string[], draft: MatchSide, imported: MatchSide): [string, string][] {
  if (leftDraft.length * leftImported.length <= WHOLE_PAIRING_LIMIT ** 2) return matchByContent(leftDraft, leftImported, draft.paragraph, imported.paragraph);
  const waiting = new Map<string, number[]>();
  leftImported.forEach((address, j) => {
    const key = wordingKey(imported.paragraph(address));
    waiting.set(key, [...(waiting.get(key) ?? []), j]);
  });
  const pairs: [string, string][] = [];
  const anchors: [number, number][] = [];
  const paired = new Set<number>();
  leftDraft.forEach((address, i) => {
    const j = waiting.get(wordingKey(draft.paragraph(address)))?.shift();
    if (j === undefined) return;
    pairs.push([address, leftImported[j] as string]);
    paired.add(j);
    // Only pairs in the same order on both sides bound a stretch.
    if (j > (anchors.at(-1)?.[1] ?? -1)) anchors.push([i, j]);
  });
  const pairedDraft = new Set(pairs.map(([d]) => d));
  let from: [number, number] = [-1, -1];
  for (const to of [...anchors, [leftDraft.length, leftImported.length] as [number, number]]) {
    const gapDraft = leftDraft.slice(from[0] + 1, to[0]).filter((address) => !pairedDraft.has(address));
    const gapImported = leftImported.slice(from[1] + 1, to[1]).filter((_, k) => !paired.has(from[1] + 1 + k));
    pairs.push(...matchByContent(gapDraft, gapImported, draft.paragraph, imported.paragraph));
    from = to;
  }
  return pairs;
}

/** A paragraph's wording, whitespace aside: two paragraphs with the same key read the same. */
function wordingKey(paragraph: Paragraph): string {
  return JSON.stringify([paragraph.bracketed, ...paragraphSlots(paragraph).map((slot) => slot.text.replace(/\s+/gu, ' ').trim())]);
}
