import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Parsing YAML is most of what it costs to open a large draft, so each paragraph file (and
 * draft.yaml), once parsed and checked, is remembered by the SHA-1 of its bytes in
 * `<draft>/.ndraft/cache.json`.
 * Keyed by content, an entry can never be stale: an edited file has another hash. The cache is
 * tied to the ndraft version and the paragraph schema, and is only ever an optimisation: a
 * missing, corrupt or unwritable cache just means parsing again.
 */
export interface CachedParagraph {
  paragraph: Paragraph;
  /** What the paragraph's own checks found (placed, without the file name), once they have run. */
  problems?: Omit<Diagnostic, 'file'>[];
}

export interface CachedDraftMeta {
  meta: DraftMeta;
}

export interface ParseCache {
  get(hash: string): CachedParagraph | undefined;
  set(hash: string, entry: CachedParagraph): void;
  getMeta(hash: string): DraftMeta | undefined;
  setMeta(hash: string, meta: DraftMeta): void;
  /** Writes the cache when it changed, keeping only the entries used since it was opened. */
  save(): void;
}

const FOLDER = '.ndraft';
const FILE = 'cache.json';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function openParseCache(dir: string): ParseCache {
  const key = cacheKey();
  const path = join(dir, FOLDER, FILE);
  let stored: Record<string, CachedParagraph> = {};
  let storedMeta: { hash: string; meta: DraftMeta } | undefined;
  try {
    if (existsSync(path)) {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as { key?: string; entries?: Record<string, CachedParagraph>; draft?: { hash: string; meta: DraftMeta } };
      if (parsed.key === key && parsed.entries && typeof parsed.entries === 'object') {
        stored = parsed.entries;
        storedMeta = parsed.draft;
      }
    }
  } catch {
    stored = {};
  }
  const used: Record<string, CachedParagraph> = {};
  let changed = false;
  let meta = storedMeta;
  return {
    getMeta(hash) {
      return meta?.hash === hash ? meta.meta : undefined;
    },
    setMeta(hash, value) {
      meta = { hash, meta: value };
      changed = true;
    },
    get(hash) {
      const entry = stored[hash];
      if (entry) used[hash] = entry;
      return entry;
    },
    set(hash, entry) {
      used[hash] = entry;
      changed = true;
    },
    save() {
      if (!changed && Object.keys(used).length === Object.keys(stored).length) return;
      try {
        const folder = join(dir, FOLDER);
        mkdirSync(folder, { recursive: true });
        if (!existsSync(join(folder, '.gitignore'))) writeFileSync(join(folder, '.gitignore'), '*\n');
        writeFileAtomic(path, JSON.stringify({ key, ...(meta ? { draft: meta } : {}), entries: used }));
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
      schema = readFileSync(new URL('../../schemas/paragraph.schema.json', import.meta.url), 'utf8');
    } catch {
      schema = String(Math.random());
    }
    memoKey = contentHash(Buffer.from(`${VERSION}\n${schema}`));
  }
  return memoKey;
}
