import { diffTokens } from '../diff/diff-tokens.js';
import type { Item } from '../model/schemas.js';

/** An item as it was (`before`, its index there) and as it is (`after`); one is missing when it came or went. */
export interface ItemPair {
  before?: number;
  after?: number;
}

/**
 * The items of two versions of a paragraph, paired in reading order. Labels alone cannot pair
 * them: bullets all share `·`, and a hand edit may re-letter. So the items that are the same on
 * both sides (label and text) are lined up first, as a diff lines up lines; between two such
 * anchors, the items that differ are paired by label where a label matches, then in order. A
 * change in one bullet thus pairs that bullet with itself and leaves the others unchanged.
 */
export function pairItems(before: readonly Item[], after: readonly Item[]): ItemPair[] {
  // Most paragraphs have no items: tracked changes ask about each version of each changed one.
  if (before.length === 0 && after.length === 0) return [];
  const pairs: ItemPair[] = [];
  let o = 0;
  let n = 0;
  let gone: number[] = [];
  let come: number[] = [];
  const flush = () => {
    pairs.push(...pairHunk(gone, come, before, after));
    gone = [];
    come = [];
  };
  for (const change of diffTokens(before, after, (a, b) => a.label === b.label && a.text === b.text)) {
    const count = change.count;
    if (change.removed) for (let k = 0; k < count; k++) gone.push(o++);
    else if (change.added) for (let k = 0; k < count; k++) come.push(n++);
    else {
      flush();
      for (let k = 0; k < count; k++) pairs.push({ before: o++, after: n++ });
    }
  }
  flush();
  return pairs;
}

/** Items that differ between two anchors: by label first, then in order; the rest came or went. */
function pairHunk(gone: readonly number[], come: readonly number[], before: readonly Item[], after: readonly Item[]): ItemPair[] {
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  const label = (item: Item | undefined) => item?.label.trim().toLowerCase();
  for (const j of come) {
    const i = gone.find((g) => !taken.has(g) && label(before[g]) === label(after[j]));
    if (i === undefined) continue;
    partner.set(j, i);
    taken.add(i);
  }
  const free = gone.filter((g) => !taken.has(g));
  for (const j of come) {
    if (partner.has(j) || free.length === 0) continue;
    const i = free.shift() as number;
    partner.set(j, i);
    taken.add(i);
  }
  // Reading order: each item that went stands before the first item after it that is paired or new.
  const pairs: ItemPair[] = [];
  let next = 0;
  const remaining = gone.filter((g) => !taken.has(g));
  for (const j of come) {
    const i = partner.get(j);
    if (i !== undefined) while (next < remaining.length && (remaining[next] as number) < i) pairs.push({ before: remaining[next++] as number });
    pairs.push(i === undefined ? { after: j } : { before: i, after: j });
  }
  while (next < remaining.length) pairs.push({ before: remaining[next++] as number });
  return pairs;
}
