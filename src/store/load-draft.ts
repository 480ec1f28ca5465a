import { existsSync, readdirSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { firstInvalidUtf8 } from '../encoding/utf8.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import type { Counts } from '../report/counts.js';
import { DRAFT_FILE, PARAGRAPHS_DIR } from './paragraph-file-name.js';
import { pendingCommit } from './journal.js';
import type { FileBytes } from './parse-files.js';
import { contentHash, openParseCache, type CachedParagraph, type ParseCache } from './parse-cache.js';
import type { YamlFile } from './yaml-file.js';
import { lazyYamlFile, loadParsers } from './yaml-parser.js';
import { quickParseFile } from './quick-parse-file.js';
import { isPlainFolder, isRefusal, readDraftFile, readDraftText, statDraftFile, type Refusal } from './read-draft-file.js';

export interface LoadedParagraph {
  file: string;
  yaml: YamlFile;
  /** The paragraph's address, when the file parsed and matched the schema. */
  address?: string;
  /**
   * Present when the file parsed and matched the schema. Served by the cache, it is read from
   * the cache file only when asked for (`status` and `validate` never ask).
   */
  readonly paragraph?: Paragraph;
  /** SHA-1 of the file's bytes, its key in the parse cache. */
  hash?: string;
  /** What the paragraph's own checks found, when the cache already knows. */
  problems?: Diagnostic[];
  /** Its counts for `status`, when the cache already knows them. */
  counts?: Counts;
  /** Whether a text of it takes part in a bracket span, when the cache already knows (with its counts). */
  spanned?: boolean;
  /** How many of its alternatives list several proposers, when the cache already knows (with its counts). */
  legacy?: number;
}

/** Every file of a draft folder, parsed and checked file by file (rules across files: `checkDraft`). */
export interface LoadedDraft {
  dir: string;
  draftFile: YamlFile;
  meta?: DraftMeta;
  paragraphs: LoadedParagraph[];
  diagnostics: Diagnostic[];
  /** Parsed paragraphs by content; `checkDraft` records what it checked and saves it. */
  cache: ParseCache;
}

/**
 * Reads a draft folder. A file the parse cache knows (by its identity, else by the hash of its
 * bytes) is not parsed again; the YAML parser and the schemas are loaded only for the others.
 * A change made but not yet wholly in place (a writer killed, or at work right now) is read as
 * made: its files are read where they are staged (see `journal.ts`).
 */
export async function loadDraft(dir: string): Promise<LoadedDraft> {
  const diagnostics: Diagnostic[] = [];
  const cache = openParseCache(dir);
  const pending = pendingCommit(dir);

  // draft.yaml as the paragraph files: by its identity, else read and hashed (read on demand).
  const draftPath = join(dir, DRAFT_FILE);
  const draftStaged = pending?.staged(DRAFT_FILE);
  const draftStatus = draftStaged ? undefined : statDraftFile(dir, draftPath);
  const draftStats = draftStatus === undefined || isRefusal(draftStatus) ? undefined : draftStatus;
  let cachedMeta = draftStats ? cache.knownMeta(draftStats) : undefined;
  let draftBytesRead: FileBytes | undefined;
  const draftBytes = (): FileBytes => (draftBytesRead ??= readBytes(dir, draftPath, draftStaged, draftStatus));
  let draftHash: string | undefined;
  if (!cachedMeta) {
    const bytes = draftBytes();
    draftHash = Buffer.isBuffer(bytes) && firstInvalidUtf8(bytes) < 0 ? contentHash(bytes) : undefined;
    cachedMeta = draftHash ? cache.getMeta(draftHash, draftStats) : undefined;
  }

  const paragraphsDir = join(dir, PARAGRAPHS_DIR);
  let names = existsSync(paragraphsDir) ? readdirSync(paragraphsDir) : [];
  if (pending) {
    const removed = (name: string) => pending.removes(`${PARAGRAPHS_DIR}/${name}`);
    names = [...new Set([...names, ...pending.writesIn(PARAGRAPHS_DIR)])].filter((name) => !removed(name));
  }
  names.sort();
  const plainFolder = isPlainFolder(dir, paragraphsDir);
  const paragraphs: LoadedParagraph[] = [];
  const toParse: { at: number; file: string; bytes: FileBytes; hash?: string }[] = [];
  for (const name of names) {
    // A name read from the folder is a plain name: put after the folder's path as it is, since
    // path.join normalising the whole path again was a fifth of stat'ing 5,000 files.
    const plain = !name.includes('/') && !name.includes(sep) && name !== '.' && name !== '..';
    const file = plain ? `${paragraphsDir}${sep}${name}` : join(paragraphsDir, name);
    if (!name.endsWith('.yaml')) {
      if (name.endsWith('.yml')) {
        diagnostics.push({ code: 'STRAY_FILE', severity: 'warning', message: `ignored: paragraph files end in .yaml, not .yml (rename ${name})`, file });
      }
      continue;
    }
    const known = fromCache(cache, `${PARAGRAPHS_DIR}/${name}`, dir, file, plainFolder, pending?.staged(`${PARAGRAPHS_DIR}/${name}`));
    if ('paragraph' in known) paragraphs.push(known.paragraph);
    else {
      toParse.push({ at: paragraphs.length, file, ...known });
      paragraphs.push(TO_PARSE);
    }
  }

  let meta: DraftMeta | undefined = cachedMeta;
  let draftFile = lazyYamlFile(draftPath, () => {
    const bytes = draftBytes();
    return Buffer.isBuffer(bytes) ? bytes.toString('utf8') : '';
  });
  // Files the cache does not know: first without the YAML parser and zod, which load only for what that leaves.
  if (!meta) {
    const quick = quickParseFile('draft', draftPath, draftBytes());
    if (quick) {
      draftFile = quick.yaml;
      meta = quick.meta;
      if (draftHash) cache.setMeta(draftHash, meta, draftStats);
    }
  }
  const leftToParse = toParse.filter(({ at, file, bytes, hash }) => {
    const quick = quickParseFile('paragraph', file, bytes);
    if (!quick) return true;
    paragraphs[at] = { file, yaml: quick.yaml, ...(hash ? { hash } : {}), address: quick.paragraph.address, paragraph: quick.paragraph };
    if (hash) cache.set(hash, { paragraph: quick.paragraph });
    return false;
  });
  if (!meta || leftToParse.length > 0) {
    const parsers = await loadParsers();
    if (!meta) {
      const parsed = parsers.parseDraftFile(draftPath, draftBytes());
      draftFile = parsed.yaml;
      meta = parsed.meta;
      diagnostics.push(...parsed.diagnostics);
      if (meta && draftHash && parsed.yaml.diagnostics.length === 0) cache.setMeta(draftHash, meta, draftStats);
    }
    for (const { at, file, bytes, hash } of leftToParse) {
      const parsed = parsers.parseParagraphFile(file, bytes);
      diagnostics.push(...parsed.diagnostics);
      const { paragraph } = parsed;
      paragraphs[at] = { file, yaml: parsed.yaml, ...(hash ? { hash } : {}), ...(paragraph ? { address: paragraph.address, paragraph } : {}) };
      if (paragraph && hash && parsed.yaml.diagnostics.length === 0) cache.set(hash, { paragraph });
    }
  }

  return { dir, draftFile, ...(meta ? { meta } : {}), paragraphs, diagnostics, cache };
}

/** Where a file still to parse stands in the list until it is parsed, below (each is replaced). */
const TO_PARSE: LoadedParagraph = Object.freeze({ file: '', yaml: lazyYamlFile('', () => '') });

/**
 * A paragraph file served by the cache, or its bytes to parse. When the file's identity is known
 * it is not even read (its text is read later only if a problem must be placed in it). A file
 * still `staged` by a pending change is read there, and by content only.
 */
function fromCache(cache: ParseCache, name: string, dir: string, file: string, plainFolder: boolean, staged?: string): { paragraph: LoadedParagraph } | { bytes: FileBytes; hash?: string } {
  let stats: Stats | undefined;
  if (!staged) {
    const status = statDraftFile(dir, file, plainFolder);
    if (isRefusal(status)) return { bytes: status };
    stats = status;
    const known = cache.knownEntry(name, stats);
    if (known) return { paragraph: served(file, known.hash, known.entry, () => readDraftText(dir, file)) };
  }

  // Read after the stat: an edit in between gives the file an identity other than the one recorded.
  const bytes = readBytes(dir, file, staged, stats);
  if (!Buffer.isBuffer(bytes) || firstInvalidUtf8(bytes) >= 0) return { bytes };
  const hash = contentHash(bytes);
  cache.noteFile(name, hash, stats);
  const entry = cache.get(hash);
  return entry ? { paragraph: served(file, hash, entry, () => bytes.toString('utf8')) } : { bytes, hash };
}

/** A paragraph the cache knows by its hash (also for files read from elsewhere than the folder: git). */
export function served(file: string, hash: string, entry: CachedParagraph, source: () => string): LoadedParagraph {
  return new ServedParagraph(file, hash, entry, lazyYamlFile(file, source));
}

/** A paragraph the cache knows; its text is read from the cache only when asked for. */
class ServedParagraph implements LoadedParagraph {
  readonly address: string;
  readonly problems?: Diagnostic[];
  readonly counts?: Counts;
  readonly spanned?: boolean;
  readonly legacy?: number;

  constructor(
    readonly file: string,
    readonly hash: string,
    private readonly entry: CachedParagraph,
    readonly yaml: YamlFile,
  ) {
    this.address = entry.address;
    if (entry.problems) this.problems = entry.problems.length === 0 ? [] : entry.problems.map((d) => ({ ...d, file }));
    if (entry.counts) this.counts = entry.counts;
    if (entry.spanned !== undefined) this.spanned = entry.spanned;
    if (entry.legacy !== undefined) this.legacy = entry.legacy;
  }

  get paragraph(): Paragraph {
    return this.entry.paragraph;
  }
}

/**
 * The file's bytes, read safely (`readDraftFile`); from `staged` first when a pending change holds
 * it there (inside the draft's own .ndraft/journal; renamed into place meanwhile: then from `file`).
 */
function readBytes(dir: string, file: string, staged: string | undefined, stats?: Stats | Refusal): FileBytes {
  if (staged) {
    const bytes = readDraftFile(dir, staged);
    if (Buffer.isBuffer(bytes) || bytes.unreadable !== 'file not found') return bytes;
  }
  return readDraftFile(dir, file, stats ?? statDraftFile(dir, file));
}
