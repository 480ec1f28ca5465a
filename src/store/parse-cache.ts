import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Counts } from '../report/counts.js';
import { VERSION } from '../version.js';
import { staysInsideDraft } from './read-draft-file.js';
import { contentHash, damaged, encodeParagraphs, readCacheFile, rewriteCacheFile, writeCacheFile, type CountsRow, type Identity, type Row, type StoredParagraph } from './cache-file.js';

/**
 * Parsing YAML is most of what it costs to open a large draft, so each paragraph file (and
 * draft.yaml), once parsed and checked, is remembered by the SHA-1 of its bytes in
 * `<draft>/.ndraft/cache`.
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
 *
 * The file holds an index (identities, addresses, problems, counts) and, after it, the paragraphs
 * themselves, read only when a command asks for one: `status` and `validate` need the index
 * alone, a few hundred kilobytes where the paragraphs are megabytes.
 *
 * Saving rewrites the whole file (megabytes for a large draft), so a run that only learned a
 * little (the identities of a few files, the counts of a few paragraphs: what follows a
 * one-paragraph change) does not save it: the next runs learn the same again, reading and
 * hashing those few files, until they are over 1 % of the files. A writer tells the cache what
 * it wrote (`recordCommitted`), so that the command after it parses nothing.
 */
export interface CachedParagraph {
  address: string;
  /** The parsed paragraph; reading it may read the paragraphs part of the cache file. */
  readonly paragraph: Paragraph;
  /** What the paragraph's own checks found (placed, without the file name), once they have run. */
  problems?: Omit<Diagnostic, 'file'>[];
  /** Its counts for `status`, once they have been made. */
  counts?: Counts;
  /** Whether a text of it takes part in a bracket span, known with its counts: the spans are checked across files. */
  spanned?: boolean;
  /** How many of its alternatives list several proposers (validate's one note for the draft), known with its counts. */
  legacy?: number;
}

/** What of a file's `stat` makes its identity. */
export type FileStats = Pick<Stats, 'ino' | 'size' | 'mtimeMs' | 'ctimeMs'>;

export interface ParseCache {
  /** The entry of a file whose identity (`stat`) shows it unchanged since it was hashed. */
  knownEntry(name: string, stats: FileStats): { hash: string; entry: CachedParagraph } | undefined;
  /** Records which content a file holds; with `stats`, its identity too (when that is safe). */
  noteFile(name: string, hash: string, stats?: FileStats): void;
  get(hash: string): CachedParagraph | undefined;
  set(hash: string, entry: { paragraph: Paragraph; problems?: Omit<Diagnostic, 'file'>[]; counts?: Counts; spanned?: boolean; legacy?: number }): void;
  /** draft.yaml's content when its identity shows it unchanged since it was parsed. */
  knownMeta(stats: FileStats): DraftMeta | undefined;
  /** draft.yaml's content by the hash of its bytes; with `stats`, its identity is recorded too (when safe). */
  getMeta(hash: string, stats?: FileStats): DraftMeta | undefined;
  setMeta(hash: string, meta: DraftMeta, stats?: FileStats): void;
  /** Forgets a file removed from the draft. */
  forget(name: string): void;
  /**
   * The file system's clock as it reads now (the mtime of a file just made): the files stat'ed
   * after this call whose ctime is older changed before it, so their identities are safe to record
   * as if the cache had been saved at that time. A writer of new files uses it (`settleWrittenFiles`).
   */
  settledAt(clockMs: number): void;
  /**
   * Encodes now, as the cache file holds them, the paragraphs of the files seen that are not in
   * the cache file yet, so that saving later only copies them: a writer calls it while its files
   * are being written on another thread (the JSON of 5,000 paragraphs is most of saving's cost).
   */
  encodeParagraphs(): void;
  /** Writes the cache when it changed, keeping only the files seen since it was opened. */
  save(): void;
}

const FOLDER = '.ndraft';
const FILE = 'cache';
/** Raised whenever what the cache stores changes shape. */
const FORMAT = 9;
export { contentHash } from './cache-file.js';

function countsRow(c: Counts): CountsRow {
  const p = c.paragraphs;
  return [p.total, p.agreed, p.agreedAdRef, p.open, p.deleted, c.itemsAgreed, c.brackets, c.bracketedParagraphs, c.alternatives];
}

function countsOf(r: CountsRow): Counts {
  return {
    paragraphs: { total: r[0], agreed: r[1], agreedAdRef: r[2], open: r[3], deleted: r[4] },
    itemsAgreed: r[5],
    brackets: r[6],
    bracketedParagraphs: r[7],
    alternatives: r[8],
  };
}

/**
 * An entry of the stored index. A class with a getter on its prototype, not an object literal
 * with one: a large draft makes thousands of these, and literals with accessors are slow to build.
 */
class StoredEntry implements CachedParagraph {
  readonly address: string;
  readonly problems?: Omit<Diagnostic, 'file'>[];
  readonly counts?: Counts;
  readonly spanned?: boolean;
  readonly legacy?: number;

  constructor(
    row: Row,
    private readonly index: number,
    private readonly paragraphAt: (index: number) => Paragraph,
    private readonly storedAt: (index: number) => StoredParagraph,
  ) {
    this.address = row[6];
    // Counts are made when the checks run: with them and no problems listed, there were none.
    if (row[7]) {
      this.problems = row[8] ?? [];
      this.counts = countsOf(row[7]);
      this.spanned = row[9] === 1;
      this.legacy = row[10] ?? 0;
    }
  }

  #paragraph: Paragraph | undefined;

  /** Parsed when first asked for, then kept: every reader gets the same object. */
  get paragraph(): Paragraph {
    this.#paragraph ??= this.paragraphAt(this.index);
    return this.#paragraph;
  }

  /** The paragraph's JSON text as the cache file holds it, to be copied as it is when saving. */
  get stored(): StoredParagraph {
    return this.storedAt(this.index);
  }
}

/** Whether `values[at…at+3]` are the file's inode, size, mtime and ctime (a row holds them from index 1). */
function sameIdentity(values: readonly unknown[], at: number, stats: FileStats): boolean {
  return values[at] === stats.ino && values[at + 1] === stats.size && values[at + 2] === stats.mtimeMs && values[at + 3] === stats.ctimeMs;
}

/** A run that learned less than this share of the files' identities and facts does not save (see above); the object cache settles by the same share. */
export const LEARNED_SHARE_TO_SAVE = 0.01;

/** The cache each draft folder was last opened with in this process (by `loadDraft`), for `recordCommitted`. */
const openedInThisRun = new Map<string, ParseCache>();

export function openParseCache(dir: string): ParseCache {
  const key = cacheKey();
  const path = join(dir, FOLDER, FILE);
  let stored: ReturnType<typeof readCacheFile>;
  // A cache that is a link out of the draft is neither read nor written (SECURITY.md).
  const usable = staysInsideDraft(dir, join(dir, FOLDER)) && staysInsideDraft(dir, path);
  try {
    stored = usable && existsSync(path) ? readCacheFile(path, key) : undefined;
  } catch {
    stored = undefined;
  }
  /** The cache file's mtime before this run (or a later reading of the clock, `settledAt`): identities older than it are safe to record. */
  let settledBefore = stored?.mtimeMs ?? -Infinity;
  const rows = stored?.index.rows ?? [];
  const storedParagraph = stored?.paragraph;
  const rowByName = new Map<string, number>();
  rows.forEach((row, i) => rowByName.set(row[0], i));
  let rowByHash: Map<string, number> | undefined;

  /** Entries by hash: those met in this run, from the store or set anew. */
  const entries = new Map<string, CachedParagraph>();
  /** Files seen in this run: name → hash and identity (when safe to record). */
  const files = new Map<string, { hash: string; identity: Identity | null }>();
  /** Something the cache must keep: content it did not hold, a file gone or renamed. */
  let changed = false;
  /** Identities and facts (problems, counts) learned of content it held: saved only when many. */
  let learned = 0;
  /**
   * Files of content it held whose identity is too new to record (changed since the cache was
   * last saved: a copy of the draft, a checkout, a pull). When many, saving is what settles
   * them: the next run finds them older than the cache and records them. Without it, a cache
   * older than the files is never rewritten and every run reads and hashes every file.
   */
  let unsettled = 0;
  /** What the last save wrote, while nothing has changed since: saving again rewrites it as it is. */
  let written: Buffer | undefined;
  /** Paragraphs already encoded (`encodeParagraphs`); one object is never changed once cached. */
  const encoded = new WeakMap<Paragraph, StoredParagraph>();
  let meta = stored?.index.draft;

  const paragraphAt = (i: number): Paragraph => {
    if (!storedParagraph) throw damaged(path);
    return storedParagraph(i);
  };
  const storedAt = (i: number): StoredParagraph => {
    if (!stored) throw damaged(path);
    return stored.stored(i);
  };
  const safeIdentity = (stats: FileStats | undefined): Identity | undefined =>
    stats !== undefined && stats.ctimeMs < settledBefore ? [stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs] : undefined;
  const fromRow = (i: number): CachedParagraph => {
    const row = rows[i] as Row;
    const cached = entries.get(row[5]);
    if (cached) return cached;
    const entry = new StoredEntry(row, i, paragraphAt, storedAt);
    entries.set(row[5], entry);
    return entry;
  };

  const cache: ParseCache = {
    knownEntry(name, stats) {
      const i = rowByName.get(name);
      const row = i === undefined ? undefined : rows[i];
      if (i === undefined || !row || !sameIdentity(row, 1, stats)) return undefined;
      files.set(name, { hash: row[5], identity: [stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs] });
      written = undefined;
      return { hash: row[5], entry: fromRow(i) };
    },
    noteFile(name, hash, stats) {
      const identity = safeIdentity(stats) ?? null;
      files.set(name, { hash, identity });
      written = undefined;
      const i = rowByName.get(name);
      const row = i === undefined ? undefined : rows[i];
      if (row?.[5] !== hash) changed = true;
      else if (identity) learned++;
      else if (stats) unsettled++;
    },
    get(hash) {
      const known = entries.get(hash);
      if (known) return known;
      if (!rowByHash) {
        rowByHash = new Map();
        rows.forEach((row, i) => rowByHash?.set(row[5], i));
      }
      const i = rowByHash.get(hash);
      return i === undefined ? undefined : fromRow(i);
    },
    set(hash, entry) {
      // Counts and problems of a paragraph already held are learned facts; anything else is new content.
      if (this.get(hash)?.address === entry.paragraph.address) learned++;
      else changed = true;
      written = undefined;
      entries.set(hash, { address: entry.paragraph.address, ...entry });
    },
    knownMeta(stats) {
      return meta?.identity && sameIdentity(meta.identity, 0, stats) ? meta.meta : undefined;
    },
    getMeta(hash, stats) {
      if (meta?.hash !== hash) return undefined;
      const identity = safeIdentity(stats);
      if (identity) {
        meta = { ...meta, identity };
        learned++;
        written = undefined;
      }
      return meta.meta;
    },
    setMeta(hash, value, stats) {
      const identity = safeIdentity(stats);
      meta = { hash, meta: value, ...(identity ? { identity } : {}) };
      changed = true;
      written = undefined;
    },
    forget(name) {
      if (files.delete(name) || rowByName.has(name)) changed = true;
      written = undefined;
    },
    settledAt(clockMs) {
      settledBefore = Math.max(settledBefore, clockMs);
    },
    encodeParagraphs() {
      const fresh: Paragraph[] = [];
      for (const { hash } of files.values()) {
        const entry = entries.get(hash);
        if (entry && !(entry instanceof StoredEntry) && !encoded.has(entry.paragraph)) fresh.push(entry.paragraph);
      }
      encodeParagraphs(fresh).forEach((stored, i) => encoded.set(fresh[i] as Paragraph, stored));
    },
    save() {
      const few = files.size * LEARNED_SHARE_TO_SAVE;
      if (!usable || (!changed && files.size === rows.length && learned < few && unsettled < few)) return;
      try {
        // Saved again with nothing changed since: the same bytes, newer than the files.
        if (written) return rewriteCacheFile(path, written);
        // Encoded once and kept: a run that saves twice (a writer: after its check, then after its
        // change) encodes only what is new the second time.
        cache.encodeParagraphs();
        const out: Row[] = [];
        const paragraphs: (Paragraph | StoredParagraph)[] = [];
        for (const [name, { hash, identity }] of files) {
          const entry = entries.get(hash);
          if (!entry) continue;
          const [ino, size, mtimeMs, ctimeMs] = identity ?? [null, null, null, null];
          out.push([name, ino, size, mtimeMs, ctimeMs, hash, entry.address, entry.counts ? countsRow(entry.counts) : null, entry.problems?.length ? entry.problems : null, entry.spanned ? 1 : null, entry.legacy ? entry.legacy : null]);
          paragraphs.push(entry instanceof StoredEntry ? entry.stored : (encoded.get(entry.paragraph) ?? entry.paragraph));
        }
        const folder = join(dir, FOLDER);
        mkdirSync(folder, { recursive: true });
        if (!existsSync(join(folder, '.gitignore'))) writeFileSync(join(folder, '.gitignore'), '*\n');
        // The cache of ndraft before format 4, one JSON file, is of no use any more.
        rmSync(join(folder, 'cache.json'), { force: true });
        written = writeCacheFile(path, { key, ...(meta ? { draft: meta } : {}), rows: out }, paragraphs);
      } catch {
        // A read-only draft is read without a cache.
      }
    },
  };
  openedInThisRun.set(resolve(dir), cache);
  return cache;
}

/** A file a writer has just put in place: its name in the draft, the SHA-1 of its bytes and what they hold; its identity once in place, when taken. */
export type CommittedFile = { name: string; hash: string; stats?: FileStats } & ({ paragraph: Paragraph } | { meta: DraftMeta });

/**
 * Tells the cache this run opened on `dir` (loading the draft) what a change just put in place,
 * so that the next command serves the new files from the cache rather than parse them (loading
 * the YAML parser and the schemas costs more than the rest of a small change). Their identities
 * are recorded only when given (`stats`) and when `clock`, a reading of the file system's clock
 * taken after they were (`clockPast`), is newer than their ctimes (the cache's rule, see above);
 * otherwise the next command hashes them. Nothing to do when this run did not load the draft.
 */
export function recordCommitted(dir: string, files: readonly CommittedFile[], removed: readonly string[] = [], clock?: number): void {
  const cache = openedInThisRun.get(resolve(dir));
  if (!cache) return;
  if (clock !== undefined) cache.settledAt(clock);
  for (const name of removed) cache.forget(name);
  for (const file of files) {
    if ('meta' in file) {
      cache.setMeta(file.hash, file.meta, file.stats);
      continue;
    }
    if (!cache.get(file.hash)) cache.set(file.hash, { paragraph: file.paragraph });
    cache.noteFile(file.name, file.hash, file.stats);
  }
  cache.save();
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
