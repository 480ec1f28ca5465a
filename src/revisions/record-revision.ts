import { inputError } from '../diagnostics/diagnostic.js';
import type { Revision, RevisionFigures } from '../model/revision-schema.js';
import type { Counts } from '../report/counts.js';
import { contentHash } from '../store/parse-cache.js';
import { ObjectStore } from './object-store.js';
import { checkNewRevisionName, writeRevision } from './revision-store.js';

/** One file of the draft as a revision keeps it: its SHA-1, and its bytes, read only if no revision holds them yet. */
export interface RevisionFile {
  hash: string;
  bytes: () => Uint8Array;
  /**
   * true: `hash` was taken from the very bytes `bytes()` gives, held in memory (a file just
   * written, `import`), so they are not hashed again; otherwise they are read from the file and
   * checked against it.
   */
  hashedFromBytes?: boolean;
}

export interface RevisionRequest {
  name: string;
  time: Date;
  author: string;
  message?: string;
  /** The draft's status counts at this point. */
  figures: Counts;
  draft: RevisionFile;
  /** Each paragraph file, by address. */
  paragraphs: ReadonlyMap<string, RevisionFile>;
  /** Record the draft under a name already taken, replacing that revision. */
  force?: boolean;
  /**
   * false: `dir` is a new draft's folder not yet in place, put in place whole by one rename
   * (`import`): its revision files need no flush of their own, no more than its paragraph files
   * beside them, since nothing of it is seen before the rename. Flushing the pack (the whole
   * draft's bytes) could take 10–200 ms of waiting on a busy disk.
   */
  durable?: boolean;
}

/**
 * Records the draft's files as revision `name`: the bytes no revision holds yet go into one new
 * pack, then the manifest is written. Storage thus grows with what changed since the revisions
 * already stored, not with the size of the draft. Returns the revision and how many objects
 * were written. Call it holding the draft's lock.
 */
export function recordRevision(dir: string, request: RevisionRequest): { revision: Revision; written: number } {
  const store = new ObjectStore(dir);
  const { revision, objects } = prepareRevision(dir, request, store);
  return { revision, written: writeRevision(dir, revision, objects, store, request.durable !== false) };
}

/**
 * The revision `request` describes and the objects it needs that no revision holds yet, written
 * nowhere: `import --into` stores the objects, then puts the manifest in place in the same
 * all-or-nothing change as the paragraphs it records.
 */
export function prepareRevision(dir: string, request: RevisionRequest, store = new ObjectStore(dir)): { revision: Revision; objects: Map<string, Uint8Array> } {
  checkNewRevisionName(dir, request.name, request.force === true);
  const objects = new Map<string, Uint8Array>();
  const keep = (file: RevisionFile) => {
    if (objects.has(file.hash) || store.has(file.hash)) return;
    const bytes = file.bytes();
    // A file edited by hand since it was read would be stored under a hash that is not its own.
    if (file.hashedFromBytes !== true && contentHash(bytes) !== file.hash) throw inputError('a file of the draft changed while the revision was being recorded; nothing was recorded: run the command again');
    objects.set(file.hash, bytes);
  };
  keep(request.draft);
  const paragraphs: Record<string, string> = {};
  for (const [address, file] of request.paragraphs) {
    keep(file);
    paragraphs[address] = file.hash;
  }
  const revision: Revision = {
    name: request.name,
    time: request.time.toISOString(),
    author: request.author,
    ...(request.message !== undefined && request.message !== '' ? { message: request.message } : {}),
    draft: request.draft.hash,
    figures: revisionFigures(request.figures),
    paragraphs,
  };
  return { revision, objects };
}

export function revisionFigures(counts: Counts): RevisionFigures {
  const p = counts.paragraphs;
  return {
    paragraphs: p.total,
    agreed: p.agreed,
    agreedAdRef: p.agreedAdRef,
    open: p.open,
    deleted: p.deleted,
    itemsAgreed: counts.itemsAgreed,
    brackets: counts.brackets,
    bracketedParagraphs: counts.bracketedParagraphs,
    alternatives: counts.alternatives,
  };
}
