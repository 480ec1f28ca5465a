import type { Paragraph } from '../model/schemas.js';

export interface AlignedPair {
  a?: string;
  b?: string;
  alignedBy: 'address' | 'content';
}

/** Below this share of words in common, a paragraph gone and one new are told apart, not matched. */
export const MATCH_THRESHOLD = 0.6;
/** Beyond this many candidate pairs, only paragraphs of identical wording are matched: the rest would cost more than the whole compare. */
const MAX_CANDIDATE_PAIRS = 250_000;

/**
 * Pairs each paragraph of `a` with its counterpart in `b`: by address first (an address is never
 * changed once given, so a hand renumbering keeps it), then, among those left on each side, by
 * content: the pair sharing the most words, best first, when they share at least 60% of them
 * (a text imported again gives new addresses to paragraphs whose numbers changed). What is left
 * is deleted (only in `a`) or added (only in `b`).
 */
export function alignParagraphs(aAddresses: readonly string[], bAddresses: readonly string[], paragraphA: (address: string) => Paragraph, paragraphB: (address: string) => Paragraph): AlignedPair[] {
  const inB = new Set(bAddresses);
  const inA = new Set(aAddresses);
  const pairs: AlignedPair[] = [];
  for (const address of aAddresses) if (inB.has(address)) pairs.push({ a: address, b: address, alignedBy: 'address' });
  const onlyA = aAddresses.filter((address) => !inB.has(address));
  const onlyB = bAddresses.filter((address) => !inA.has(address));
  const matched = matchByContent(onlyA, onlyB, paragraphA, paragraphB);
  for (const [a, b] of matched) pairs.push({ a, b, alignedBy: 'content' });
  const matchedA = new Set(matched.map(([a]) => a));
  const matchedB = new Set(matched.map(([, b]) => b));
  for (const a of onlyA) if (!matchedA.has(a)) pairs.push({ a, alignedBy: 'address' });
  for (const b of onlyB) if (!matchedB.has(b)) pairs.push({ b, alignedBy: 'address' });
  return pairs;
}

/** Pairs paragraphs of two lists by the words they share, best first, at least MATCH_THRESHOLD (used by `import --into` too). */
export function matchByContent(onlyA: readonly string[], onlyB: readonly string[], paragraphA: (address: string) => Paragraph, paragraphB: (address: string) => Paragraph): [string, string][] {
  if (onlyA.length === 0 || onlyB.length === 0) return [];
  const bagsA = onlyA.map((address) => wordBag(paragraphA(address)));
  const bagsB = onlyB.map((address) => wordBag(paragraphB(address)));
  const exactOnly = onlyA.length * onlyB.length > MAX_CANDIDATE_PAIRS;
  const candidates: { i: number; j: number; score: number }[] = [];
  for (let i = 0; i < onlyA.length; i++) {
    for (let j = 0; j < onlyB.length; j++) {
      const a = bagsA[i] as WordBag;
      const b = bagsB[j] as WordBag;
      const score = exactOnly ? (a.key === b.key ? 1 : 0) : dice(a, b);
      if (score >= MATCH_THRESHOLD) candidates.push({ i, j, score });
    }
  }
  // Best first; on a tie, the pair nearer in reading order.
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matched: [string, string][] = [];
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    matched.push([onlyA[i] as string, onlyB[j] as string]);
  }
  return matched;
}

interface WordBag {
  counts: Map<string, number>;
  size: number;
  key: string;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The paragraph's words (text, items and alternatives), lower-cased, counted. */
function wordBag(paragraph: Paragraph): WordBag {
  const texts = [paragraph.text, ...paragraph.items.map((item) => item.text), ...paragraph.alternatives.map((alt) => alt.text)];
  const words = texts.join(' ').toLowerCase().match(WORD) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return { counts, size: words.length, key: words.join(' ') };
}

/** The share of words two paragraphs have in common (text, items and alternatives), from 0 to 1. */
export function sharedWords(a: Paragraph, b: Paragraph): number {
  return dice(wordBag(a), wordBag(b));
}

/** Words shared over all words of both (the Dice coefficient); two paragraphs without words are alike. */
function dice(a: WordBag, b: WordBag): number {
  if (a.size + b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  for (const [word, n] of small.counts) shared += Math.min(n, large.counts.get(word) ?? 0);
  return (2 * shared) / (a.size + b.size);
}
