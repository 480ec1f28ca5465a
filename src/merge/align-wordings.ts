import { diffArrays } from 'diff';

/**
 * A token every wording has at the same aligned place: `anchor[k]` is its index in wording k.
 * Anchors are strictly increasing in every wording.
 */
export type Anchor = number[];

/**
 * Aligns several token sequences and returns their common anchors. Tokens come as numbers, one
 * per distinct comparison key, so jsdiff's default `===` is the comparator. An exact longest
 * common subsequence of many sequences is NP-hard, so this chains pairwise LCS (jsdiff's Myers
 * O(ND) `diffArrays`): the tokens of one base wording are matched against each other wording in
 * turn, keeping those that match every time. Every wording is tried as the base and the longest
 * chain wins (only the shortest wording, for long stretches). Then each gap between anchors is
 * aligned again on its own, so a token that all wordings share inside a gap, but that the first
 * pass lost to another pairing, still becomes an anchor; this repeats until no gap has a token
 * that all wordings share in a consistent order.
 */
export function alignWordings(sequences: readonly (readonly number[])[]): Anchor[] {
  const anchors: Anchor[] = [];
  alignRange(
    sequences,
    sequences.map(() => 0),
    sequences.map((s) => s.length),
    anchors,
  );
  return anchors;
}

/**
 * Up to this many candidate tokens (summed over the wordings) every wording is tried as the base;
 * above it only the shortest, which costs a fifth of the time for five wordings and, on texts
 * that are edits of one another, finds nearly as many anchors (the gaps are refined anyway).
 */
const EVERY_BASE_LIMIT = 400;

function alignRange(seqs: readonly (readonly number[])[], from: number[], to: number[], out: Anchor[]): void {
  const lo = [...from];
  const hi = [...to];
  // Shared ends first: cheap, and what every diff does.
  while (lo.every((l, k) => l < (hi[k] as number)) && allSame(seqs.map((s, k) => s[lo[k] as number]))) {
    out.push([...lo]);
    for (let k = 0; k < lo.length; k++) lo[k] = (lo[k] as number) + 1;
  }
  const tail: Anchor[] = [];
  while (lo.every((l, k) => l < (hi[k] as number)) && allSame(seqs.map((s, k) => s[(hi[k] as number) - 1]))) {
    for (let k = 0; k < hi.length; k++) hi[k] = (hi[k] as number) - 1;
    tail.push([...hi]);
  }
  const middle = lo.some((l, k) => l === hi[k]) ? [] : bestChain(seqs, lo, hi);
  let start = lo;
  for (const anchor of middle) {
    alignRange(seqs, start, anchor, out);
    out.push(anchor);
    start = anchor.map((i) => i + 1);
  }
  if (middle.length > 0) alignRange(seqs, start, hi, out);
  out.push(...tail.reverse());
}

/** The longest chained common subsequence of the ranges, over every choice of base wording. */
function bestChain(seqs: readonly (readonly number[])[], lo: number[], hi: number[]): Anchor[] {
  const n = seqs.length;
  const order = [...seqs.keys()].sort((a, b) => width(a) - width(b) || a - b);
  function width(k: number): number {
    return (hi[k] as number) - (lo[k] as number);
  }
  // Only tokens found in every range can anchor; dropping the rest keeps the diffs small and
  // stops a pair from matching a token that a third wording lacks.
  let common = new Set(slice(order[0] as number));
  for (const k of order.slice(1)) {
    const present = new Set(slice(k));
    common = new Set([...common].filter((t) => present.has(t)));
  }
  if (common.size === 0) return [];
  const positions = seqs.map((_, k) => range(lo[k] as number, hi[k] as number).filter((i) => common.has(seqs[k]?.[i] as number)));
  const bound = Math.min(...positions.map((p) => p.length));
  const bases = positions.reduce((sum, p) => sum + p.length, 0) <= EVERY_BASE_LIMIT ? order : order.slice(0, 1);
  let best: Anchor[] = [];
  for (const base of bases) {
    let chain: Anchor[] = (positions[base] as number[]).map((i) => {
      const anchor = new Array<number>(n).fill(-1);
      anchor[base] = i;
      return anchor;
    });
    for (const k of order) {
      if (k === base) continue;
      chain = matchAgainst(chain, base, seqs, k, positions[k] as number[]);
      if (chain.length <= best.length) break;
    }
    if (chain.length > best.length) best = chain;
    if (best.length === bound) break; // no chain can be longer than the shortest range
  }
  return best;

  function slice(k: number): readonly number[] {
    return (seqs[k] as readonly number[]).slice(lo[k], hi[k]);
  }
}

/** Keeps the anchors whose base token the LCS matches in wording k, recording where. */
function matchAgainst(chain: Anchor[], base: number, seqs: readonly (readonly number[])[], k: number, candidates: number[]): Anchor[] {
  const left = chain.map((a) => seqs[base]?.[a[base] as number] as number);
  const right = candidates.map((i) => seqs[k]?.[i] as number);
  const kept: Anchor[] = [];
  let li = 0;
  let ri = 0;
  for (const change of diffArrays(left, right)) {
    if (change.added) ri += change.count;
    else if (change.removed) li += change.count;
    else {
      for (let t = 0; t < change.count; t++) {
        const anchor = chain[li + t] as Anchor;
        anchor[k] = candidates[ri + t] as number;
        kept.push(anchor);
      }
      li += change.count;
      ri += change.count;
    }
  }
  return kept;
}

function allSame(values: readonly (number | undefined)[]): boolean {
  return values.every((v) => v === values[0]);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
