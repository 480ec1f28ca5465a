import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { writeFileAtomic } from './atomic-write.js';
import { checksum } from './cache-file.js';
import { contentHash, LEARNED_SHARE_TO_SAVE } from './parse-cache.js';
import { staysInsideDraft } from './read-draft-file.js';
import { VERSION } from '../version.js';

/**
 * What the revisions' files (and the history's) hold, parsed and checked once, by the SHA-1 of their bytes, in
 * `<draft>/.ndraft/objects` (beside the parse cache, git-ignored with it). A hash names its
 * bytes, so an entry is never stale; a revision's manifest and objects never change, so a
 * `compare` or `revisions` run after the first reads neither the YAML parser nor zod, and no
 * pack: it parses the JSON of what it needs. Like the parse cache it is only an optimisation:
 * missing, damaged, from another version, or unwritable, it just means parsing again.
 *
 * The file: a header of fixed length (`ndraft-objects <index bytes> <body bytes>`), an index
 * (JSON: each entry's name, place in the body and CRC-32) and the body, each entry's JSON one
 * after the other, parsed on its own when asked for. Saving keeps the entries of earlier runs
 * byte for byte (never parsed again), up to a size beyond which the oldest go.
 */
const FOLDER = '.ndraft';

/**
 * Each shelf is a file of its own: `summaries` (a line or two per history entry and revision, for
 * `log` and `revisions`) is read without `objects` (whole manifests, draft.yaml and paragraphs
 * of the revisions, megabytes, for `compare`), and `alternatives` (the word diffs of the HTML
 * export's alternatives, kilobytes) without either.
 */
export type CacheShelf = 'summaries' | 'objects' | 'alternatives';
const FORMAT = 1;
const HEADER_LENGTH = 64;
/** Beyond this many bytes of entries, the oldest not used by this run are dropped. */
const MAX_BODY = 48 * 1024 * 1024;

interface Index {
  key: string;
  names: string[];
  /** Offset and length in the body of each entry, flat. */
  slices: number[];
  sums: number[];
}

type Identity = [ino: number, size: number, mtimeMs: number, ctimeMs: number];

interface Stored {
  index: Index;
  body: Buffer;
  /** Each entry's row in the index, by name. */
  at: Map<string, number>;
  mtimeMs: number;
}

export class ObjectCache {
  readonly #path: string;
  readonly #usable: boolean;
  /** The file as read: null when there is none to read (or it is unusable), undefined before reading. */
  #stored: Stored | null | undefined;
  readonly #values = new Map<string, unknown>();
  /** Every entry this run added, as JSON: each save writes them all (a run may save more than once). */
  readonly #added = new Map<string, string>();
  #unsaved = false;
  /**
   * Files `remember` was given this run, and those of them too new to record (changed since the
   * cache was last written: a copy of the draft, a checkout, a pull). When they are over 1 %,
   * `save` writes the cache even with nothing added, so that the next run finds them settled;
   * otherwise a cache older than the files would never be written again, and every run would
   * read every file (as the parse cache reasons).
   */
  #remembered = 0;
  #unsettled = 0;

  constructor(
    readonly dir: string,
    shelf: CacheShelf = 'objects',
  ) {
    this.#path = join(dir, FOLDER, shelf);
    // A cache that is a link out of the draft is neither read nor written (SECURITY.md).
    this.#usable = staysInsideDraft(dir, join(dir, FOLDER)) && staysInsideDraft(dir, this.#path);
  }

  /**
   * When the cache file was last written, before this run (-Infinity without one): a file whose
   * ctime is older was recorded with its final identity, as the parse cache reasons (racy clean).
   */
  get settledBefore(): number {
    return this.#read()?.mtimeMs ?? -Infinity;
  }

  /**
   * What was recorded for a file of the draft (by `remember`) while it had the identity it has
   * now (inode, size, mtime, ctime): the file need not even be read.
   */
  known<T>(kind: string, name: string, stats: Stats): T | undefined {
    const entry = this.get<{ identity: Identity; value: T }>(kind, name);
    return entry && entry.identity[0] === stats.ino && entry.identity[1] === stats.size && entry.identity[2] === stats.mtimeMs && entry.identity[3] === stats.ctimeMs ? entry.value : undefined;
  }

  /**
   * Records `value` for a file under its identity, when that identity is settled: its ctime older
   * than the cache file, so that any later change to the file gives it another (racy clean).
   */
  remember(kind: string, name: string, stats: Stats, value: unknown): void {
    this.#remembered++;
    if (stats.ctimeMs < this.settledBefore) this.set(kind, name, { identity: [stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs], value });
    else this.#unsettled++;
  }

  /** The value stored under `kind` for the content of that hash, if any. */
  get<T>(kind: string, hash: string): T | undefined {
    const name = `${kind}:${hash}`;
    if (this.#values.has(name)) return this.#values.get(name) as T;
    const stored = this.#read();
    const i = stored?.at.get(name);
    if (stored === undefined || i === undefined) return undefined;
    const start = stored.index.slices[2 * i] as number;
    const bytes = stored.body.subarray(start, start + (stored.index.slices[2 * i + 1] as number));
    if (checksum(bytes) !== stored.index.sums[i]) return undefined;
    const value = JSON.parse(bytes.toString('utf8')) as T;
    this.#values.set(name, value);
    return value;
  }

  /** Whether an entry is there, without parsing it. */
  has(kind: string, hash: string): boolean {
    const name = `${kind}:${hash}`;
    return this.#values.has(name) || this.#read()?.at.has(name) === true;
  }

  set(kind: string, hash: string, value: unknown): void {
    const name = `${kind}:${hash}`;
    this.#values.set(name, value);
    this.#added.set(name, JSON.stringify(value));
    this.#unsaved = true;
  }

  /** Writes the cache when entries were added since the last save: this run's first, then the earlier ones that fit. */
  save(): void {
    // The file read at the start does not hold what an earlier save of this run wrote, so the
    // entries added stay in #added and are written again, not dropped by the second save.
    const settle = this.#unsettled > 0 && this.#unsettled >= this.#remembered * LEARNED_SHARE_TO_SAVE;
    if ((!this.#unsaved && !settle) || !this.#usable) return;
    this.#unsettled = 0;
    try {
      const pieces: Buffer[] = [];
      const index: Index = { key: cacheKey(), names: [], slices: [], sums: [] };
      let offset = 0;
      const push = (name: string, bytes: Buffer, sum?: number) => {
        index.names.push(name);
        index.slices.push(offset, bytes.length);
        index.sums.push(sum ?? checksum(bytes));
        pieces.push(bytes);
        offset += bytes.length;
      };
      for (const [name, json] of this.#added) push(name, Buffer.from(json, 'utf8'));
      const stored = this.#read();
      if (stored) {
        stored.index.names.forEach((name, i) => {
          const length = stored.index.slices[2 * i + 1] as number;
          if (this.#added.has(name) || offset + length > MAX_BODY) return;
          const start = stored.index.slices[2 * i] as number;
          push(name, stored.body.subarray(start, start + length), stored.index.sums[i]);
        });
      }
      const indexBytes = Buffer.from(JSON.stringify(index), 'utf8');
      const header = Buffer.alloc(HEADER_LENGTH, ' ');
      header.write(`ndraft-objects ${indexBytes.length} ${offset}\n`, 'latin1');
      const folder = join(this.dir, FOLDER);
      mkdirSync(folder, { recursive: true });
      if (!existsSync(join(folder, '.gitignore'))) writeFileSync(join(folder, '.gitignore'), '*\n');
      writeFileAtomic(this.#path, Buffer.concat([header, indexBytes, ...pieces]), { durable: false });
      this.#unsaved = false;
    } catch {
      // A read-only draft is read without this cache.
    }
  }

  #read(): Stored | undefined {
    if (this.#stored === undefined) {
      try {
        this.#stored = (this.#usable && readCache(this.#path)) || null;
      } catch {
        this.#stored = null;
      }
    }
    return this.#stored ?? undefined;
  }
}

function readCache(path: string): Stored | undefined {
  if (!existsSync(path)) return undefined;
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    const stats = fstatSync(fd);
    const size = stats.size;
    mtimeMs = stats.mtimeMs;
    bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const read = readSync(fd, bytes, done, size - done, done);
      if (read === 0) return undefined;
      done += read;
    }
  } finally {
    closeSync(fd);
  }
  const header = /^ndraft-objects (\d+) (\d+)\n */.exec(bytes.toString('latin1', 0, HEADER_LENGTH));
  if (!header || header[0].length !== HEADER_LENGTH) return undefined;
  const indexLength = Number(header[1]);
  // A file cut short (a crash before the data reached the disk) is no cache at all.
  if (bytes.length !== HEADER_LENGTH + indexLength + Number(header[2])) return undefined;
  const index = JSON.parse(bytes.toString('utf8', HEADER_LENGTH, HEADER_LENGTH + indexLength)) as Index;
  if (index.key !== cacheKey() || !Array.isArray(index.names) || index.slices?.length !== 2 * index.names.length || index.sums?.length !== index.names.length) return undefined;
  const body = bytes.subarray(HEADER_LENGTH + indexLength);
  const at = new Map<string, number>();
  index.names.forEach((name, i) => {
    if ((index.slices[2 * i] as number) + (index.slices[2 * i + 1] as number) <= body.length) at.set(name, i);
  });
  return { index, body, at, mtimeMs };
}

let memoKey: string | undefined;
/** Tied to the ndraft version and the schemas of what it stores: a change to either empties it. */
function cacheKey(): string {
  if (memoKey === undefined) {
    let schemas = '';
    for (const name of ['paragraph', 'draft', 'revision', 'history-entry']) {
      try {
        schemas += readFileSync(join(PACKAGE_ROOT, 'schemas', `${name}.schema.json`), 'utf8');
      } catch {
        schemas += String(Math.random());
      }
    }
    memoKey = contentHash(Buffer.from(`${FORMAT}\n${VERSION}\n${schemas}`));
  }
  return memoKey;
}
