import type { Change } from 'diff';
import type { ObjectCache } from '../store/object-cache.js';

/**
 * The word diffs of one pair of paragraph versions, kept in the object cache by the hashes of the
 * two files: a revision never changes, so `compare Rev.1 Rev.2` (or a compare with the working
 * draft, whose unchanged paragraphs keep their hashes) diffs each pair once, and later runs,
 * with another --format or --only, read the result back. The diffs are those of
 * `compareParagraph`, in the order it asks for them, which its two paragraphs alone decide.
 */
export interface WordDiffMemo {
  get(hashA: string, hashB: string): Change[][] | undefined;
  set(hashA: string, hashB: string, diffs: Change[][]): void;
}

/**
 * Bumped whenever the word diff's output changes (tokens, alignment, tidying), so that a cache
 * written by an earlier build of the same version is not read.
 */
const FORMAT = 1;
const KIND = `word-diffs-${FORMAT}`;

export function wordDiffMemo(cache: ObjectCache): WordDiffMemo {
  return {
    get: (hashA, hashB) => cache.get<Change[][]>(KIND, `${hashA}:${hashB}`),
    set: (hashA, hashB, diffs) => cache.set(KIND, `${hashA}:${hashB}`, diffs),
  };
}
