import type { Change } from 'diff';
import type { ObjectCache } from '../store/object-cache.js';
import { contentHash } from '../store/cache-file.js';

/**
 * The word diffs of one pair of paragraph versions, kept in the object cache by the hashes of the
 * two files: a revision never changes, so `compare Rev.1 Rev.2` (or a compare with the working
 * draft, whose unchanged paragraphs keep their hashes) diffs each pair once, and later runs,
 * with another --format or --only, read the result back. The diffs are those of
 * `compareParagraph`, in the order it asks for them, which its two paragraphs alone decide.
 */
export interface WordDiffMemo {
  /** The diffs kept for the pair, read one by one and checked against their texts (`KeptDiffs`). */
  get(hashA: string, hashB: string): KeptDiffs | undefined;
  /** Keeps the pair's diffs, each with the two texts it was made from. */
  set(hashA: string, hashB: string, diffs: readonly DiffOf[]): void;
}

/** A word diff and the two texts it was made from. */
export interface DiffOf {
  before: string;
  after: string;
  changes: Change[];
}

export interface KeptDiffs {
  /**
   * The `index`-th diff, when it fits `before` and `after`: its words are cut from them, so an
   * entry (damaged, edited by hand, or made for other texts) can never show a word that is not
   * there; undefined when it does not fit, or there is none.
   */
  diff(index: number, before: string, after: string): Change[] | undefined;
}

/**
 * Bumped whenever the word diff's output changes (tokens, alignment, tidying), or how it is kept,
 * so that a cache written by an earlier build of the same version is not read. 2: lengths, not
 * the words themselves.
 */
const FORMAT = 2;
const KIND = `word-diffs-${FORMAT}`;

export function wordDiffMemo(cache: ObjectCache): WordDiffMemo {
  return {
    get(hashA, hashB) {
      const stored = cache.get<unknown>(KIND, `${hashA}:${hashB}`);
      return Array.isArray(stored) ? { diff: (index, before, after) => fromStored(stored[index], before, after) } : undefined;
    },
    set(hashA, hashB, diffs) {
      const stored = diffs.map(toStored);
      // A diff whose unchanged words are spelt otherwise on the two sides cannot be cut from both: not kept.
      if (stored.every((entry) => entry !== undefined)) cache.set(KIND, `${hashA}:${hashB}`, stored);
    },
  };
}

/**
 * The word diff of two texts, kept by the hash of the pair: an alternative against the first, as
 * the HTML export highlights it. Read back, it is cut from the two texts like a pair's
 * (`KeptDiffs`); `make` diffs them when nothing fits.
 */
export interface TextDiffMemo {
  diff(before: string, after: string, make: () => Change[]): Change[];
}

const TEXTS_KIND = `text-diff-${FORMAT}`;

export function textDiffMemo(cache: ObjectCache): TextDiffMemo {
  return {
    diff(before, after, make) {
      // The first text's length ends it: no two pairs of texts make the same key.
      const key = contentHash(`${before.length}:${before}${after}`);
      const kept = fromStored(cache.get<unknown>(TEXTS_KIND, key), before, after);
      if (kept !== undefined) return kept;
      const changes = make();
      const stored = toStored({ before, after, changes });
      if (stored !== undefined) cache.set(TEXTS_KIND, key, stored);
      return changes;
    },
  };
}

/**
 * A diff as kept: numbers only, three for each change: its kind (0 the same on both sides, 1
 * removed, 2 added), its length in the text it stands in, and its count of tokens. Undefined when
 * the changes do not spell the two texts (an unchanged stretch spelt otherwise on one side).
 */
function toStored({ before, after, changes }: DiffOf): number[] | undefined {
  const stored: number[] = [];
  let b = 0;
  let a = 0;
  for (const change of changes) {
    const { value } = change;
    if (!change.added && !before.startsWith(value, b)) return undefined;
    if (!change.removed && !after.startsWith(value, a)) return undefined;
    if (!change.added) b += value.length;
    if (!change.removed) a += value.length;
    stored.push(change.added ? 2 : change.removed ? 1 : 0, value.length, change.count ?? 0);
  }
  return b === before.length && a === after.length ? stored : undefined;
}

/** A kept diff cut from the two texts, or undefined when it does not fit them (see `toStored`). */
function fromStored(stored: unknown, before: string, after: string): Change[] | undefined {
  if (!Array.isArray(stored) || stored.length % 3 !== 0) return undefined;
  const changes: Change[] = [];
  let b = 0;
  let a = 0;
  for (let i = 0; i < stored.length; i += 3) {
    const kind: unknown = stored[i];
    const length: unknown = stored[i + 1];
    const count: unknown = stored[i + 2];
    if (!Number.isInteger(length) || (length as number) < 0 || !Number.isInteger(count) || (count as number) < 0) return undefined;
    const end = (at: number) => at + (length as number);
    let value: string;
    if (kind === 0) {
      value = after.slice(a, end(a));
      if (value.length !== length || before.slice(b, end(b)) !== value) return undefined;
      b += value.length;
      a += value.length;
    } else if (kind === 1) {
      value = before.slice(b, end(b));
      if (value.length !== length) return undefined;
      b += value.length;
    } else if (kind === 2) {
      value = after.slice(a, end(a));
      if (value.length !== length) return undefined;
      a += value.length;
    } else return undefined;
    // The fields in the order the diff library gives them.
    changes.push({ count: count as number, added: kind === 2, removed: kind === 1, value });
  }
  return b === before.length && a === after.length ? changes : undefined;
}
