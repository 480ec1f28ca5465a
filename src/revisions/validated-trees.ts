import type { TreeEntry } from '../git/read-committed-draft.js';
import type { Counts } from '../report/counts.js';
import type { ObjectCache } from '../store/object-cache.js';

/**
 * What a commit's draft came to once read and validated, kept in the object cache by the git ids
 * of its `draft.yaml` and `paragraphs` folder. Git names a tree by the hash of every name, mode
 * and file in it, so these ids name the draft's files byte for byte: an entry is never stale, and
 * `compare --git HEAD~1 HEAD` run again neither lists nor reads nor hashes the 5,000 files of each
 * commit. It holds no paragraph, only each one's hash: the paragraphs themselves come from the
 * parse cache or the object cache by that hash, or from git by their object id (checked against
 * the hash) when neither has them. Only a draft with no error is recorded.
 */
export interface ValidatedTree {
  /** The SHA-1 of draft.yaml's bytes, as the parse cache keys its content. */
  draft: string;
  /** Each paragraph: its address, the SHA-1 of its file's bytes, its git object id. */
  paragraphs: [address: string, hash: string, object: string][];
  /** The draft's counts (the side's figures). */
  figures: Counts;
  /** The largest file read: with a lower --max-file-size, the commit is read again (and refused). */
  largest: number;
}

export interface ValidatedTrees {
  get(key: string): ValidatedTree | undefined;
  set(key: string, tree: ValidatedTree): void;
}

/** Bumped whenever what a verdict holds, or how a commit is validated, changes shape. */
const KIND = 'git-tree-1';

/** The key of a commit's draft: its draft.yaml and paragraphs folder as git lists them (mode, type, id). */
export function treeKey({ draft, paragraphs }: { draft?: TreeEntry; paragraphs?: TreeEntry }): string | undefined {
  if (draft === undefined) return undefined;
  const id = (entry: TreeEntry | undefined) => (entry === undefined ? '-' : `${entry.mode}.${entry.type}.${entry.object}`);
  return `${id(draft)}:${id(paragraphs)}`;
}

export function validatedTrees(cache: ObjectCache): ValidatedTrees {
  return {
    get(key) {
      const tree = cache.get<ValidatedTree>(KIND, key);
      return tree !== undefined && wellFormed(tree) ? tree : undefined;
    },
    set: (key, tree) => cache.set(KIND, key, tree),
  };
}

/** An entry of another shape (written by hand, say) is not used: the commit is read again. */
function wellFormed(tree: ValidatedTree): boolean {
  const hex = /^[0-9a-f]{40,64}$/;
  return (
    typeof tree === 'object' &&
    tree !== null &&
    typeof tree.draft === 'string' &&
    hex.test(tree.draft) &&
    typeof tree.largest === 'number' &&
    typeof tree.figures?.paragraphs?.total === 'number' &&
    Array.isArray(tree.paragraphs) &&
    tree.paragraphs.every((row) => Array.isArray(row) && row.length === 3 && typeof row[0] === 'string' && typeof row[1] === 'string' && hex.test(row[1]) && typeof row[2] === 'string' && hex.test(row[2]))
  );
}
