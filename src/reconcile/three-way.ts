import { isDeepStrictEqual } from 'node:util';

/**
 * The rules every part of a three-way merge shares: a side that left a value as it was defers
 * to the side that changed it, and the same change made on both sides is one change. Anything
 * else is a real disagreement, left to the caller (which knows whether it can be represented).
 */
export type Picked<T> = { agreed: true; value: T } | { agreed: false };

export function pickThreeWay<T>(base: T, ours: T, theirs: T): Picked<T> {
  if (isDeepStrictEqual(ours, theirs)) return { agreed: true, value: ours };
  if (isDeepStrictEqual(base, ours)) return { agreed: true, value: theirs };
  if (isDeepStrictEqual(base, theirs)) return { agreed: true, value: ours };
  return { agreed: false };
}

/** Names (delegations) as sets: each side's additions and removals both apply; ours' order first. */
export function mergeNames(base: readonly string[] | undefined, ours: readonly string[] | undefined, theirs: readonly string[] | undefined): string[] | undefined {
  const b = new Set(base ?? []);
  const o = ours ?? [];
  const t = theirs ?? [];
  const removedByTheirs = new Set([...b].filter((name) => !t.includes(name)));
  const merged = [...o.filter((name) => !removedByTheirs.has(name)), ...t.filter((name) => !b.has(name) && !o.includes(name))];
  if (merged.length > 0) return merged;
  // Nobody left: keep the field's shape (absent or []) as the sides do, absent when they differ.
  const shape = pickThreeWay(base, ours, theirs);
  return shape.agreed && shape.value !== undefined && shape.value.length === 0 ? [] : undefined;
}

/** One entry of keyed lists lined up: what each side holds under that key (absent where it holds nothing). */
export interface Aligned<T> {
  key: string;
  base?: T;
  ours?: T;
  theirs?: T;
}

/**
 * Lines up three versions of a list whose entries have keys (an item's label, an alternative's,
 * a note's content), in the merged order: the order of the side that reordered the entries both
 * kept (ours when neither did), with each entry only one side holds placed after the entry it
 * follows there. Undefined when both sides reordered the same entries differently: no order
 * would keep both.
 */
export function alignKeyed<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], keyOf: (entry: T) => string): Aligned<T>[] | undefined {
  const keyed = (list: readonly T[]) => {
    const seen = new Map<string, number>();
    return list.map((entry) => {
      const key = keyOf(entry);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      // Entries that share a key (bullets all labelled "·") are told apart by their rank.
      return { key: n === 1 ? key : `${key}\u0000${n}`, entry };
    });
  };
  const b = keyed(base);
  const o = keyed(ours);
  const t = keyed(theirs);
  const inAll = (list: typeof b) => list.map((e) => e.key).filter((key) => b.some((x) => x.key === key) && o.some((x) => x.key === key) && t.some((x) => x.key === key));
  const [bOrder, oOrder, tOrder] = [inAll(b), inAll(o), inAll(t)];
  const oursMoved = !isDeepStrictEqual(bOrder, oOrder);
  const theirsMoved = !isDeepStrictEqual(bOrder, tOrder);
  if (oursMoved && theirsMoved && !isDeepStrictEqual(oOrder, tOrder)) return undefined;
  const [first, second] = theirsMoved && !oursMoved ? [t, o] : [o, t];
  const order: string[] = first.map((e) => e.key);
  // Entries only the other side (or only the base) holds go after the entry they follow there.
  for (const list of [second, b]) {
    list.forEach((entry, i) => {
      if (order.includes(entry.key)) return;
      const before = list
        .slice(0, i)
        .reverse()
        .find((e) => order.includes(e.key));
      order.splice(before === undefined ? 0 : order.indexOf(before.key) + 1, 0, entry.key);
    });
  }
  const find = (list: typeof b, key: string) => list.find((e) => e.key === key)?.entry;
  return order.map((key) => {
    const aligned: Aligned<T> = { key };
    const [be, oe, te] = [find(b, key), find(o, key), find(t, key)];
    if (be !== undefined) aligned.base = be;
    if (oe !== undefined) aligned.ours = oe;
    if (te !== undefined) aligned.theirs = te;
    return aligned;
  });
}

/** Which side changed a value the other left as it was, for messages. */
export function changedSide<T>(base: T, ours: T): 'ours' | 'theirs' {
  return isDeepStrictEqual(base, ours) ? 'theirs' : 'ours';
}

export { isDeepStrictEqual as sameValue };
