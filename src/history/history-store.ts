import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { HistoryEntry } from '../model/schemas.js';
import { pendingCommit, type PendingCommit } from '../store/journal.js';
import { serializeYaml } from '../store/serialize.js';
import { ObjectCache } from '../store/object-cache.js';
import { contentHash } from '../store/parse-cache.js';
import { isRefusal, readDraftFile, refusalDiagnostic, statDraftFile } from '../store/read-draft-file.js';
import { quickParseHistoryEntry } from '../store/quick-parse-file.js';
import { loadParsers, type Parsers } from '../store/yaml-parser.js';

/**
 * The history of a draft is a folder of small files, one per change: `history/<id>.yaml`.
 * Recording a change adds one file and never rewrites the others, so it stays cheap at
 * thousands of entries, travels with the draft, and merges cleanly in git. Ids start with the
 * UTC time, so names sort in the order the changes were made.
 */
export const HISTORY_DIR = 'history';

export function historyFileName(id: string): string {
  return `${id}.yaml`;
}

const ID = /^(\d{8}T\d{9}Z)-[0-9a-f]{4,}$/;

/**
 * A new id, later than every id already in the folder (and than `after`, ids about to join it)
 * even when the clock is not. Its random part is 8 hex digits: copies of a draft merged through
 * git or `reconcile` never hold two different entries under one name (two changes made in the
 * same millisecond in two copies share the time part).
 */
export function nextHistoryId(dir: string, now: Date, after: readonly string[] = []): string {
  const last = [...listHistoryIds(dir), ...after].sort().at(-1);
  const lastTime = last === undefined ? undefined : idTime(last);
  // Same millisecond, or a clock set back: the new id takes the millisecond after the last one.
  const time = lastTime !== undefined && lastTime >= now.getTime() ? new Date(lastTime + 1) : now;
  return `${time.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
}

function idTime(id: string): number | undefined {
  const stamp = ID.exec(id)?.[1];
  if (stamp === undefined) return undefined;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  return Date.parse(iso);
}

/** The ids of the entries, oldest first; files not named like an entry are not entries. */
export function listHistoryIds(dir: string, pending = pendingCommit(dir)): string[] {
  return historyFileNames(dir, pending)
    .map((name) => name.slice(0, -'.yaml'.length))
    .filter((id) => ID.test(id))
    .sort();
}

/** The entries' file names, as a pending change (see `journal.ts`) will leave them. */
function historyFileNames(dir: string, pending = pendingCommit(dir)): string[] {
  const folder = join(dir, HISTORY_DIR);
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.yaml')) : [];
  if (!pending) return names;
  return [...new Set([...names, ...pending.writesIn(HISTORY_DIR).filter((name) => name.endsWith('.yaml'))])].filter((name) => !pending.removes(`${HISTORY_DIR}/${name}`));
}

/**
 * An entry's bytes, read safely (`readDraftFile`: no link out of the draft, within the limits),
 * from where a pending change staged it while it is still there.
 */
function readEntryBytes(dir: string, name: string, pending: PendingCommit | undefined): ReturnType<typeof readDraftFile> {
  const staged = pending?.staged(`${HISTORY_DIR}/${name}`);
  if (staged) {
    const bytes = readDraftFile(dir, staged);
    if (Buffer.isBuffer(bytes) || bytes.unreadable !== 'file not found') return bytes;
  }
  return readDraftFile(dir, join(dir, HISTORY_DIR, name));
}

/** The YAML text of an entry, with the schema line editors use. */
export function serializeHistoryEntry(dir: string, entry: HistoryEntry): string {
  return serializeYaml(entry, 'history', join(dir, HISTORY_DIR, historyFileName(entry.id)));
}

/** Every entry, oldest first, for a command that needs them all: a history file with an error refuses it, naming each. */
export async function readValidHistory(dir: string, cache?: ObjectCache): Promise<HistoryEntry[]> {
  const { entries, diagnostics } = await readHistory(dir, cache);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw inputError('the history has files that cannot be read (see "ndraft validate")', errors);
  return entries;
}

/**
 * The entries newest first, each file read and parsed only when the iteration reaches it: `log -n 5`
 * and `undo` read a few files of a history of thousands. A file that cannot be read or parsed
 * stops the iteration with an error naming it, as `readValidHistory` does (`validate` lists them all).
 */
export async function* newestEntriesFirst(dir: string): AsyncGenerator<HistoryEntry> {
  const pending = pendingCommit(dir);
  const ids = listHistoryIds(dir, pending);
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i] as string;
    yield readEntry(dir, id, historyEntryBytes(dir, id, pending));
  }
}

/** An entry read and checked, without the YAML parser and zod when the quick reading is sure (`quickParseHistoryEntry`); an error naming its problems when it does not read. */
export async function readEntry(dir: string, id: string, bytes: Buffer): Promise<HistoryEntry> {
  return quickParseHistoryEntry(join(dir, HISTORY_DIR, historyFileName(id)), bytes) ?? parseEntry(dir, id, bytes, await loadParsers());
}

/** An entry's bytes, from where a pending change staged it while it is still there; an error naming the file when they cannot be read. */
export function historyEntryBytes(dir: string, id: string, pending: PendingCommit | undefined): Buffer {
  const bytes = readEntryBytes(dir, historyFileName(id), pending);
  if (!Buffer.isBuffer(bytes)) throw inputError('the history has files that cannot be read (see "ndraft validate")', [refusalDiagnostic(join(dir, HISTORY_DIR, historyFileName(id)), bytes)]);
  return bytes;
}

/** An entry parsed and checked; an error naming its problems when it does not read. */
export function parseEntry(dir: string, id: string, bytes: Buffer, parsers: Parsers): HistoryEntry {
  const parsed = parsers.parseHistoryFile(join(dir, HISTORY_DIR, historyFileName(id)), bytes.toString('utf8'));
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.entry || errors.length > 0) throw inputError('the history has files that cannot be read (see "ndraft validate")', errors);
  return parsed.entry;
}

/** Every entry, oldest first; a file that does not parse or match the schema is a diagnostic, not a crash. */
export async function readHistory(dir: string, cache?: ObjectCache): Promise<{ entries: HistoryEntry[]; diagnostics: Diagnostic[] }> {
  const entries: HistoryEntry[] = [];
  const pending = pendingCommit(dir);
  const diagnostics = strayFiles(dir, pending);
  let parsers: Parsers | undefined;
  for (const id of listHistoryIds(dir, pending)) {
    const name = historyFileName(id);
    const file = join(dir, HISTORY_DIR, name);
    // With a cache, an entry whose file has the identity it had when last read (see
    // `ObjectCache.remember`) is found by the hash its bytes had then, without reading them: a
    // long history is thousands of files, an import --into entry a megabyte.
    const status = cache === undefined || pending?.staged(`${HISTORY_DIR}/${name}`) !== undefined ? undefined : statDraftFile(dir, file);
    const stats = status === undefined || isRefusal(status) ? undefined : status;
    const settled = stats && cache?.known<string>('history-file-hash', id, stats);
    const found = settled ? cache?.get<HistoryEntry>('history-entry', settled) : undefined;
    if (found) {
      entries.push(found);
      continue;
    }
    const bytes = readEntryBytes(dir, name, pending);
    if (!Buffer.isBuffer(bytes)) {
      diagnostics.push(refusalDiagnostic(file, bytes));
      continue;
    }
    // With a cache, an entry read before is found by the hash of its bytes: its JSON, without the
    // YAML parser and zod (an import --into entry holds a thousand paragraphs, before and after).
    const hash = cache && contentHash(bytes);
    if (hash !== undefined && stats) cache?.remember('history-file-hash', id, stats, hash);
    const known = hash === undefined ? undefined : cache?.get<HistoryEntry>('history-entry', hash);
    if (known) {
      entries.push(known);
      continue;
    }
    const quick = quickParseHistoryEntry(file, bytes);
    if (quick) {
      entries.push(quick);
      if (hash !== undefined) cache?.set('history-entry', hash, quick);
      continue;
    }
    // No history yet (a fresh import), every entry cached or read quickly: the YAML parser need not even be loaded.
    parsers ??= await loadParsers();
    const parsed = parsers.parseHistoryFile(file, bytes.toString('utf8'));
    diagnostics.push(...parsed.diagnostics);
    if (parsed.entry) entries.push(parsed.entry);
    if (parsed.entry && parsed.diagnostics.length === 0 && hash !== undefined) cache?.set('history-entry', hash, parsed.entry);
  }
  return { entries, diagnostics };
}

/**
 * What `validate` reports of the history: the problems of every entry file. An entry found
 * without any is remembered as such in the summaries cache, by the hash of its bytes and, once
 * settled, by the file's identity (see `ObjectCache.remember`), so that a validate after the
 * first parses no entry again and loads neither the YAML parser nor zod for them.
 */
export async function historyProblems(dir: string, cache = new ObjectCache(dir, 'summaries')): Promise<Diagnostic[]> {
  const pending = pendingCommit(dir);
  const diagnostics = strayFiles(dir, pending);
  for (const id of listHistoryIds(dir, pending)) {
    const name = historyFileName(id);
    const file = join(dir, HISTORY_DIR, name);
    const status = pending?.staged(`${HISTORY_DIR}/${name}`) !== undefined ? undefined : statDraftFile(dir, file);
    const stats = status === undefined || isRefusal(status) ? undefined : status;
    if (stats && cache.known<true>('history-clean-file', id, stats)) continue;
    const bytes = readEntryBytes(dir, name, pending);
    if (!Buffer.isBuffer(bytes)) {
      diagnostics.push(refusalDiagnostic(file, bytes));
      continue;
    }
    const hash = contentHash(bytes);
    if (!cache.has('history-clean', hash)) {
      const parsed = (await loadParsers()).parseHistoryFile(file, bytes.toString('utf8'));
      diagnostics.push(...parsed.diagnostics);
      if (parsed.diagnostics.length > 0 || !parsed.entry) continue;
      cache.set('history-clean', hash, true);
    }
    if (stats) cache.remember('history-clean-file', id, stats, true);
  }
  cache.save();
  return diagnostics;
}

/** Files of the history folder not named like an entry: ignored, with a warning. */
function strayFiles(dir: string, pending: PendingCommit | undefined): Diagnostic[] {
  return historyFileNames(dir, pending)
    .filter((name) => !ID.test(name.slice(0, -'.yaml'.length)))
    .map((name) => ({ code: 'STRAY_FILE', severity: 'warning', message: `ignored: ${name} is not named like a history entry (<time>-<id>.yaml)`, file: join(dir, HISTORY_DIR, name) }));
}
