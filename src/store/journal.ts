import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';
import { faultPoint } from './fault-point.js';
import { inLanes } from './in-lanes.js';
import { LOCAL_FOLDER, localFolder } from './local-folder.js';
import { startWriting } from './write-files.js';

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
 * A folder without `journal.json` is a change that never happened: the next writer removes it.
 * One with it is a change that happened but may be only partly in place: the next writer, under
 * the draft's lock, finishes it (`recoverCommits`; renaming what is still staged is idempotent).
 * Readers never write: they read the draft as the journal says it is (`pendingCommit`), the
 * staged file where it is still staged, so they see the whole change, never half of it.
 */
export const JOURNAL_FOLDER = 'journal';
const JOURNAL_FILE = 'journal.json';
/** The mode of a staged file, kept when it is renamed into the draft. */
const STAGED_MODE = 0o644;
/** How many staged files go to the writing thread in one message (`writeMany`). */
const WRITE_BATCH = 250;

interface Journal {
  ndraftJournal: 1;
  /** Paths relative to the draft, in the order they are put in place. */
  writes: string[];
  removes: string[];
}

export interface StagedCommit {
  /** The staging folder: `stagedPath(target)` is `target` inside it. */
  readonly folder: string;
  /** Where the new content of `target` (relative to the draft) is to be written; the caller writes it. */
  stagedPath(target: string): string;
  /** Writes the new content of `target` into the staging folder (flushed to disk with the others when the change is made). */
  write(target: string, content: string | Uint8Array): void;
  /**
   * For a change to many files at once (`import --into` and its undo: ~1,000 paragraphs): writes
   * their new contents into the staging folder, on another thread when they are many
   * (`startWriting`), not flushed one by one (a flush costs ~5 ms on this kind of disk: 5 s for
   * 1,000 files); the journal is flushed as always, so a killed process still leaves all or nothing.
   */
  writeMany(files: readonly (readonly [target: string, content: Uint8Array])[]): Promise<void>;
  remove(target: string): void;
  /** Makes the change: journal, renames, removals. */
  commit(): void;
  /**
   * `commit`, the staged files renamed into the draft a few at a time: on ext4, renaming a file
   * over an older one first writes the new one out to disk ("auto_da_alloc"), and one rename after
   * the other waits for the disk ~1,000 times in a row (1–3 s for 2,000 files on a busy disk,
   * against 0.3–0.7 s four at a time; on a quiet disk both take ~0.4 s, four at a time with
   * ~0.1 s more system CPU). Each rename still replaces its file whole.
   */
  commitMany(): Promise<void>;
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
  /** The folders made inside the staging folder so far: each is made once, not once a file. */
  const stagingFolders = new Set<string>();
  const stagedPath = (target: string) => {
    const path = safeTarget(target);
    journal.writes.push(path);
    // The draft's own folders (paragraphs/, history/, .ndraft/), never deeper: a name with a
    // slash in it is no file of a draft, and fails to be written.
    const top = path.split(sep)[0] as string;
    if (top !== path && !stagingFolders.has(top)) {
      mkdirSync(join(folder, top), { recursive: true });
      stagingFolders.add(top);
    }
    return join(folder, path);
  };
  /** Puts the journal in place: from then on the change is made. */
  const makeJournal = () => {
    // Every staged file is on disk before the journal that puts it in place can be.
    for (const path of unflushed.splice(0)) flushFile(path);
    const temporary = join(folder, `${JOURNAL_FILE}.tmp`);
    writeDurably(temporary, Buffer.from(JSON.stringify(journal), 'utf8'));
    faultPoint();
    made = true;
    renameSync(temporary, join(folder, JOURNAL_FILE));
    syncFolder(folder);
    faultPoint();
  };
  return {
    folder,
    stagedPath,
    write(target, content) {
      const path = stagedPath(target);
      writeFileSync(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, { mode: STAGED_MODE });
      unflushed.push(path);
      faultPoint();
    },
    async writeMany(files) {
      // On the writing thread (`startWriting`) for many: each file opened, written and closed
      // there in one go, while this thread stages the next batch, instead of three round trips
      // through the I/O threads for each (0.4–0.5 s of waiting for 1,000 files on this machine).
      const writer = startWriting(files.length, STAGED_MODE);
      try {
        for (let from = 0; from < files.length; from += WRITE_BATCH) {
          writer.write(files.slice(from, from + WRITE_BATCH).map(([target, content]) => [stagedPath(target), content] as const));
        }
        await writer.done();
      } catch (error) {
        await writer.stop();
        throw error;
      }
    },
    remove(target) {
      journal.removes.push(safeTarget(target));
    },
    commit() {
      makeJournal();
      finish(dir, folder, journal);
    },
    async commitMany() {
      makeJournal();
      await finishInLanes(dir, folder, journal, true);
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
  /** The file holding `target`'s new content while it is still staged; undefined once in place. */
  staged(target: string): string | undefined;
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
  const staged = new Map<string, string>();
  const removed = new Set<string>();
  for (const { folder, journal } of found) {
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
  const made = new Set<string>();
  for (const target of journal.writes) {
    const move = placement(dir, folder, target, made);
    if (move === undefined) continue;
    renameSync(move.staged, move.path);
    touched.add(dirname(move.path));
    faultPoint();
  }
  finishRemovals(dir, folder, journal, touched);
}

/**
 * `finish`, the staged files renamed a few at a time (see `StagedCommit.commitMany`). `staged`:
 * the change this process has just staged, every file of it a plain file it wrote (not one an
 * earlier run left, which may be renamed already), so none is looked at before it is renamed.
 */
async function finishInLanes(dir: string, folder: string, journal: Journal, staged = false): Promise<void> {
  const touched = new Set<string>();
  const made = new Set<string>();
  await inLanes(journal.writes, async (target) => {
    const move = placement(dir, folder, target, made, staged);
    if (move === undefined) return;
    await rename(move.staged, move.path);
    touched.add(dirname(move.path));
    faultPoint();
  });
  finishRemovals(dir, folder, journal, touched);
}

/**
 * Where a staged file goes, its folder made (once per change: `made` remembers which, sparing two
 * system calls a file); undefined when an earlier, interrupted run of this same change renamed it
 * already. `written`: staged by this process just now, so a plain file still there.
 */
function placement(dir: string, folder: string, target: string, made: Set<string>, written = false): { staged: string; path: string } | undefined {
  const staged = join(folder, safeTarget(target));
  const path = join(dir, target);
  const kind = written ? 'file' : kindOf(staged);
  if (kind === 'none') return undefined;
  // ndraft stages plain files only: a link here would plant a link in the draft.
  if (kind === 'other') throw inputError(`${staged} is not a plain file, so the interrupted change cannot be finished; remove ${folder} and check the draft with "ndraft validate"`);
  if (!made.has(dirname(path))) {
    mkdirSync(dirname(path), { recursive: true });
    made.add(dirname(path));
  }
  return { staged, path };
}

/** The rest of a change once its files are in place: removals, the folders flushed, the journal removed last. */
function finishRemovals(dir: string, folder: string, journal: Journal, touched: Set<string>): void {
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
  if (journal?.ndraftJournal === 1 && Array.isArray(journal.writes) && Array.isArray(journal.removes)) {
    for (const target of [...journal.writes, ...journal.removes]) safeTarget(target);
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
