import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Parsing YAML is most of what it costs to open a large draft, so each paragraph file (and
 * draft.yaml), once parsed and checked, is remembered by the SHA-1 of its bytes in
 * `<draft>/.ndraft/cache.json`.
 * Keyed by content, an entry can never be stale: an edited file has another hash. The cache is
 * tied to the ndraft version and the paragraph schema, and is only ever an optimisation: a
 * missing, corrupt or unwritable cache just means parsing again.
 *
 * Reading and hashing every file is itself a good part of opening a large draft, so the cache
 * also remembers, per file name, the file's identity (inode, size, mtime, ctime) and the hash it
 * had. A file whose identity is unchanged is not read again, but only when that identity was
 * recorded safely: its ctime must be older than the cache file's own mtime as it stood before
 * this run, both stamped by the file system's clock. Any later change to the file gets a ctime at
 * least that new (ctime cannot be set back, unlike mtime), so an edit can never hide behind an
 * unchanged identity, even one made within the same clock tick as the previous one (git's
 * "racy clean" problem, solved the same way).
 */
export interface CachedParagraph {
  paragraph: Paragraph;
  /** What the paragraph's own checks found (placed, without the file name), once they have run. */
  problems?: Omit<Diagnostic, 'file'>[];
  /** How many brackets its texts hold, at every depth, once counted. */
  brackets?: number;
}

export interface ParseCache {
  get(hash: string): CachedParagraph | undefined;
  set(hash: string, entry: CachedParagraph): void;
  getMeta(hash: string): DraftMeta | undefined;
  setMeta(hash: string, meta: DraftMeta): void;
  /** The hash of a file's bytes, when its identity (`stat`) shows it unchanged since it was hashed. */
  knownHash(name: string, stats: Stats): string | undefined;
  /** Records the hash of a file just read, with its identity. */
  noteHash(name: string, stats: Stats, hash: string): void;
  /** Writes the cache when it changed, keeping only the entries used since it was opened. */
  save(): void;
}

interface StoredCache {
  key?: string;
  entries?: Record<string, CachedParagraph>;
  draft?: { hash: string; meta: DraftMeta };
  /** File name → its identity (inode, size, mtime, ctime) and the hash of its bytes. */
  files?: Record<string, FileIdentity>;
}

const FOLDER = '.ndraft';
/** Raised whenever what the cache stores changes shape. */
const FORMAT = 3;
const FILE = 'cache.json';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

type FileIdentity = [ino: number, size: number, mtimeMs: number, ctimeMs: number, hash: string];

function sameIdentity(known: FileIdentity, stats: Stats): boolean {
  return known[0] === stats.ino && known[1] === stats.size && known[2] === stats.mtimeMs && known[3] === stats.ctimeMs;
}

export function openParseCache(dir: string): ParseCache {
  const key = cacheKey();
  const path = join(dir, FOLDER, FILE);
  let stored: StoredCache = {};
  /** The cache file's mtime before this run: identities older than it are safe to record. */
  let settledBefore = -Infinity;
  try {
    if (existsSync(path)) {
      settledBefore = statSync(path).mtimeMs;
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as StoredCache;
      if (parsed.key === key && parsed.entries && typeof parsed.entries === 'object') stored = parsed;
    }
  } catch {
    stored = {};
  }
  const entries = stored.entries ?? {};
  const storedFiles = stored.files ?? {};
  const used: Record<string, CachedParagraph> = {};
  const files: Record<string, FileIdentity> = {};
  let changed = false;
  let meta = stored.draft;
  return {
    getMeta(hash) {
      return meta?.hash === hash ? meta.meta : undefined;
    },
    setMeta(hash, value) {
      meta = { hash, meta: value };
      changed = true;
    },
    get(hash) {
      const entry = entries[hash];
      if (entry) used[hash] = entry;
      return entry;
    },
    set(hash, entry) {
      used[hash] = entry;
      changed = true;
    },
    knownHash(name, stats) {
      const known = storedFiles[name];
      if (!known || !sameIdentity(known, stats)) return undefined;
      files[name] = known;
      return known[4];
    },
    noteHash(name, stats, hash) {
      if (stats.ctimeMs >= settledBefore) return;
      files[name] = [stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs, hash];
      changed = true;
    },
    save() {
      if (!changed && Object.keys(used).length === Object.keys(entries).length && Object.keys(files).length === Object.keys(storedFiles).length) return;
      try {
        const folder = join(dir, FOLDER);
        mkdirSync(folder, { recursive: true });
        if (!existsSync(join(folder, '.gitignore'))) writeFileSync(join(folder, '.gitignore'), '*\n');
        const out: StoredCache = { key, ...(meta ? { draft: meta } : {}), files, entries: used };
        writeFileAtomic(path, JSON.stringify(out));
      } catch {
        // A read-only draft is read without a cache.
      }
    },
  };
}

let memoKey: string | undefined;
function cacheKey(): string {
  if (memoKey === undefined) {
    let schema = '';
    try {
      schema = readFileSync(join(PACKAGE_ROOT, 'schemas', 'paragraph.schema.json'), 'utf8');
    } catch {
      schema = String(Math.random());
    }
    memoKey = contentHash(Buffer.from(`${FORMAT}\n${VERSION}\n${schema}`));
  }
  return memoKey;
}
