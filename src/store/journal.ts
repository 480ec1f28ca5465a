import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fsyncSync, ftruncateSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';
import { faultPoint } from './fault-point.js';
import { LOCAL_FOLDER, localFolder } from './local-folder.js';

/**
 * All-or-nothing changes to a set of files of a draft (paragraphs, draft.yaml, history entries),
 * even when the process is killed at any instruction. A change is one folder
 * `<draft>/.ndraft/journal/<id>/`:
 *
 * 1. every new file is written inside it, under the path it will have in the draft, then all are
 *    flushed to disk together (one after the other, so that the file system commits them in one
 *    go rather than one commit per file);
 * 2. then `journal.json`, naming each file to put in place and each to remove, is written beside
 *    them and renamed into place: that rename is the moment the change is made;
 * 3. then each file is renamed into the draft and each removal done, the journal removed last.
 *
 * A change to many files at once (`import --into`: a thousand paragraphs) may instead carry their
 * new contents inside `journal.json` itself (`rewrite`), and step 3 then writes each file over
 * the old one in place. Creating a thousand files and renaming each over one (which frees the old
 * one) costs this kind of disk 0.3–1 ms a file, rewriting one in place some 0.03 ms: for 1,000
 * paragraphs, the better part of a second. A file that is not a plain file of its own (a link,
 * one with other hard links) is replaced instead, never written through.
 *
 * A folder without `journal.json` is a change that never happened: the next writer removes it.
 * One with it is a change that happened but may be only partly in place: the next writer, under
 * the draft's lock, finishes it (`recoverCommits`; renaming what is still staged is idempotent).
 * Readers never write: they read the draft as the journal says it is (`pendingCommit`), the
 * staged file where it is still staged, so they see the whole change, never half of it.
 */
export const JOURNAL_FOLDER = 'journal';
const JOURNAL_FILE = 'journal.json';

interface Journal {
  /** 2 when it carries `rewrite`, so that an older ndraft refuses it rather than finish half of it. */
  ndraftJournal: 1 | 2;
  /** Paths relative to the draft, in the order they are put in place. */
  writes: string[];
  removes: string[];
  /** Files written in place, each with its whole new content (UTF-8 text), before `writes`. */
  rewrite?: [string, string][];
}

export interface StagedCommit {
  /** The staging folder: `stagedPath(target)` is `target` inside it. */
  readonly folder: string;
  /** Where the new content of `target` (relative to the draft) is to be written; the caller writes it. */
  stagedPath(target: string): string;
  /** Writes the new content of `target` into the staging folder (flushed to disk with the others when the change is made). */
  write(target: string, content: string | Uint8Array): void;
  /** Gives `target` (relative to the draft) this new UTF-8 content, carried in the journal and written in place (see above). */
  rewrite(target: string, content: string): void;
  remove(target: string): void;
  /** Makes the change: journal, renames, removals. */
  commit(): void;
  /** Forgets the change unless it was made (a failure after the journal is finished by the next writer). */
  abandon(): void;
}

export function stageCommit(dir: string): StagedCommit {
  // Named by time (finished in that order), then pid (a folder of a writer no longer running is a leftover).
  const folder = join(localFolder(dir), JOURNAL_FOLDER, `${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(folder, { recursive: true });
  const journal: Journal = { ndraftJournal: 1, writes: [], removes: [] };
  /** Once its journal may be in place, the change belongs to the draft: it is finished, never abandoned. */
  let made = false;
  /** The files written and not yet flushed to disk. */
  const unflushed: string[] = [];
  const stagedPath = (target: string) => {
    const path = safeTarget(target);
    journal.writes.push(path);
    // The draft's own folders (paragraphs/, history/, .ndraft/), never deeper: a name with a
    // slash in it is no file of a draft, and fails to be written.
    const top = path.split(sep)[0] as string;
    if (top !== path) mkdirSync(join(folder, top), { recursive: true });
    return join(folder, path);
  };
  return {
    folder,
    stagedPath,
    write(target, content) {
      const path = stagedPath(target);
      writeFileSync(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, { mode: 0o644 });
      unflushed.push(path);
      faultPoint();
    },
    rewrite(target, content) {
      (journal.rewrite ??= []).push([safeTarget(target), content]);
    },
    remove(target) {
      journal.removes.push(safeTarget(target));
    },
    commit() {
      if (journal.rewrite) journal.ndraftJournal = 2;
      // Every staged file is on disk before the journal that puts it in place can be.
      for (const path of unflushed.splice(0)) flushFile(path);
      const temporary = join(folder, `${JOURNAL_FILE}.tmp`);
      writeDurably(temporary, Buffer.from(JSON.stringify(journal), 'utf8'));
      faultPoint();
      made = true;
      renameSync(temporary, join(folder, JOURNAL_FILE));
      syncFolder(folder);
      faultPoint();
      finish(dir, folder, journal);
    },
    abandon() {
      if (!made) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Finishes the changes a killed writer made and removes those it had not made. Call it holding the lock. */
export function recoverCommits(dir: string): void {
  for (const folder of journalFolders(dir)) {
    const journal = readJournal(folder);
    if (journal) finish(dir, folder, journal);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/** A change made but not yet wholly in place, as readers see it. */
export interface PendingCommit {
  /** `target`'s new content while it is still staged: the file holding it, or the content itself (a rewrite); undefined once in place. */
  staged(target: string): string | Buffer | undefined;
  /** Whether the change removes `target`. */
  removes(target: string): boolean;
  /** The files it writes in `folder` (relative to the draft), so that new ones are listed too. */
  writesIn(folder: string): string[];
}

/** The change a killed (or still running) writer made, when it is not yet wholly in place. */
export function pendingCommit(dir: string): PendingCommit | undefined {
  const root = join(dir, LOCAL_FOLDER, JOURNAL_FOLDER);
  if (!existsSync(root)) return undefined;
  const found = journalFolders(dir).flatMap((folder) => {
    const journal = readJournal(folder);
    return journal ? [{ folder, journal }] : [];
  });
  if (found.length === 0) return undefined;
  const staged = new Map<string, string | Buffer>();
  const removed = new Set<string>();
  for (const { folder, journal } of found) {
    // Until the journal is gone, a rewritten file may be half written: its content is the journal's.
    for (const [target, content] of journal.rewrite ?? []) staged.set(normalize(target), Buffer.from(content, 'utf8'));
    for (const target of journal.writes) {
      const path = join(folder, target);
      if (kindOf(path) === 'file') staged.set(normalize(target), path);
    }
    for (const target of journal.removes) removed.add(normalize(target));
  }
  return {
    staged: (target) => staged.get(normalize(target)),
    removes: (target) => removed.has(normalize(target)),
    writesIn: (folder) => [...staged.keys()].filter((target) => dirname(target) === normalize(folder)).map((target) => target.slice(folder.length + 1)),
  };
}

function finish(dir: string, folder: string, journal: Journal): void {
  const touched = new Set<string>();
  // Idempotent: an interrupted run of this same change wrote some of them already.
  for (const [target, content] of journal.rewrite ?? []) {
    const path = join(dir, safeTarget(target));
    mkdirSync(dirname(path), { recursive: true });
    rewriteInPlace(path, Buffer.from(content, 'utf8'));
    touched.add(dirname(path));
    faultPoint();
  }
  for (const target of journal.writes) {
    const staged = join(folder, safeTarget(target));
    const path = join(dir, target);
    const kind = kindOf(staged);
    // Already renamed by an earlier, interrupted run of this same change.
    if (kind === 'none') continue;
    // ndraft stages plain files only: a link here would plant a link in the draft.
    if (kind === 'other') throw inputError(`${staged} is not a plain file, so the interrupted change cannot be finished; remove ${folder} and check the draft with "ndraft validate"`);
    mkdirSync(dirname(path), { recursive: true });
    renameSync(staged, path);
    touched.add(dirname(path));
    faultPoint();
  }
  for (const target of journal.removes) {
    rmSync(join(dir, safeTarget(target)), { force: true });
    touched.add(dirname(join(dir, target)));
    faultPoint();
  }
  for (const touchedFolder of touched) syncFolder(touchedFolder);
  rmSync(join(folder, JOURNAL_FILE), { force: true });
  faultPoint();
  rmSync(folder, { recursive: true, force: true });
}

function kindOf(path: string): 'file' | 'none' | 'other' {
  try {
    return lstatSync(path).isFile() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

/** The change folders of a draft, oldest first (their names start with the time); never through a link. */
function journalFolders(dir: string): string[] {
  const root = join(dir, LOCAL_FOLDER, JOURNAL_FOLDER);
  if (!existsSync(root) || lstatSync(root).isSymbolicLink()) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, entry.name))
    .sort();
}

function readJournal(folder: string): Journal | undefined {
  let text: string;
  try {
    text = readFileSync(join(folder, JOURNAL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(text) as Journal;
  } catch {
    // Reported below: a journal is renamed into place whole, so this one was damaged afterwards.
  }
  if (
    (journal?.ndraftJournal === 1 || journal?.ndraftJournal === 2) &&
    Array.isArray(journal.writes) &&
    Array.isArray(journal.removes) &&
    (journal.rewrite === undefined || (Array.isArray(journal.rewrite) && journal.rewrite.every((r) => Array.isArray(r) && typeof r[1] === 'string')))
  ) {
    for (const target of [...journal.writes, ...journal.removes, ...(journal.rewrite ?? []).map((r) => r[0])]) safeTarget(target);
    return journal;
  }
  throw inputError(`${join(folder, JOURNAL_FILE)} is damaged, so an interrupted change cannot be finished; remove ${folder} and check the draft with "ndraft validate"`);
}

/** A path inside the draft, never outside it: a journal may come with a draft received from someone else. */
function safeTarget(target: unknown): string {
  const path = typeof target === 'string' ? normalize(target) : '';
  if (path === '' || path === '.' || isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`) || path.split(sep)[0] === LOCAL_FOLDER && path.split(sep)[1] === JOURNAL_FOLDER) {
    throw inputError(`a change journal names a file outside the draft: ${String(target)}`);
  }
  return path;
}

/**
 * Writes `bytes` over the file at `path`, in place when it is a plain file with no other name
 * (the same inode: no file created, none freed), else as a new file replacing whatever is there,
 * so that nothing is ever written through a link to a file outside the draft. A reader never
 * sees a half-written file: until the journal is removed, readers take the content from it.
 */
function rewriteInPlace(path: string, bytes: Buffer): void {
  let stats: ReturnType<typeof lstatSync> | undefined;
  try {
    stats = lstatSync(path);
  } catch {
    // No such file yet: created below.
  }
  const own = stats !== undefined && stats.isFile() && stats.nlink === 1;
  if (stats !== undefined && !own) rmSync(path, { force: true });
  // O_NOFOLLOW (where the system has it): a link put there since the lstat is refused, not followed.
  const fd = openSync(path, (own ? constants.O_RDWR : constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC) | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at, at);
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file written earlier (fsync works on a descriptor opened for reading, too). */
function flushFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w', 0o644);
  try {
    writeFileSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes renames in `folder` durable; not every system can open a folder to flush it, and that is no error. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows, some network file systems.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
