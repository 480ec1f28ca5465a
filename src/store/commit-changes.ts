import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftMeta, HistoryEntry, Paragraph } from '../model/schemas.js';
import { HISTORY_DIR, historyFileName, serializeHistoryEntry } from '../history/history-store.js';
import { stageCommit, type StagedCommit } from './journal.js';
import { localFolder } from './local-folder.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { contentHash, recordCommitted, type CommittedFile } from './parse-cache.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from './serialize.js';
import { clockPast } from './settle-written-files.js';

/** More of a change: files besides the paragraphs, draft.yaml and history. */
export interface CommitOptions {
  /** Other files of the draft (a revision's manifest), relative to it, written or removed in the same change. */
  writes?: readonly { path: string; content: string | Uint8Array }[];
  removes?: readonly string[];
  /** Paragraphs' YAML the caller has made already (`serializeYaml` of `paragraphForYaml`), by address: written as it is, not made again. */
  serialized?: ReadonlyMap<string, string>;
  /** draft.yaml's YAML the caller has made already (`serializeYaml` of `draftMetaForYaml` of `meta`). */
  serializedMeta?: string;
}

/**
 * Writes the paragraphs a command changed and the history entry that records the change, all or
 * nothing (see `journal.ts`): a kill at any point leaves either the draft as it was or the whole
 * change, and the history always agrees with the paragraphs. `meta`, when given, is the new
 * draft.yaml, written in the same change; `removed` are the addresses of paragraphs whose files
 * go; `options` adds other files (see `CommitOptions`). Call it holding the draft's lock. Once
 * the change is made, the parse cache learns the new files (`recordCommitted`), so that the next
 * command need not parse them.
 */
export function commitChanges(dir: string, paragraphs: readonly Paragraph[], entry: HistoryEntry, meta?: DraftMeta, removed: readonly string[] = [], options: CommitOptions = {}): void {
  const commit = stageCommit(dir);
  let staged: StagedChange;
  try {
    staged = stageChange(commit, dir, paragraphs, entry, meta, removed, options, (name, bytes) => commit.write(name, bytes));
  } catch (error) {
    commit.abandon();
    throw error;
  }
  commit.commit();
  learn(dir, staged);
}

/**
 * `commitChanges` for a change to many paragraphs at once (`import --into` and its undo: ~1,000
 * on the benchmark draft): the paragraph files are staged and put in place a few at a time
 * (`beginManyChanges`), as all or nothing as one by one.
 */
export async function commitManyChanges(dir: string, paragraphs: readonly Paragraph[], entry: HistoryEntry, meta?: DraftMeta, removed: readonly string[] = [], options: CommitOptions = {}): Promise<void> {
  await beginManyChanges(dir, paragraphs, options.serialized).commit(entry, meta, removed, options);
}

/** A change to many paragraphs whose files are being staged while the caller goes on (`beginManyChanges`). */
export interface ManyChanges {
  /** Each paragraph's file as staged, by address: its bytes and their SHA-1 (what a revision records of it). */
  readonly files: ReadonlyMap<string, { bytes: Buffer; hash: string }>;
  /** Makes the change, once its paragraph files are written: the rest staged, then the journal, renames, removals (`commitManyChanges`' arguments). */
  commit(entry: HistoryEntry, meta?: DraftMeta, removed?: readonly string[], options?: Omit<CommitOptions, 'serialized'>): Promise<void>;
  /** Forgets the change (a check failed): once nothing more is being written, its staging folder is removed. */
  abandon(): Promise<void>;
}

/**
 * Begins a change to many paragraphs (call it holding the draft's lock): their files are staged at
 * once (`StagedCommit.writeMany`, on another thread when they are many) while the caller checks
 * them and prepares the rest of the change (`import --into`: ~0.3 s of checking, a revision and
 * a history entry, during which the disk is otherwise idle). Nothing is in the draft until
 * `commit`; a kill before then leaves a change folder without a journal, which the next writer
 * removes. Exactly one of `commit` and `abandon` must be awaited.
 */
export function beginManyChanges(dir: string, paragraphs: readonly Paragraph[], serialized?: ReadonlyMap<string, string>): ManyChanges {
  const commit = stageCommit(dir);
  const files = new Map<string, { bytes: Buffer; hash: string }>();
  const many: [string, Uint8Array][] = [];
  let committed: CommittedFile[];
  try {
    committed = stageParagraphs(dir, paragraphs, serialized, (name, address, bytes, hash) => {
      many.push([name, bytes]);
      files.set(address, { bytes, hash });
    });
  } catch (error) {
    commit.abandon();
    throw error;
  }
  const written = commit.writeMany(many);
  // Awaited by `commit` or `abandon`; until then a failure must not be an unhandled rejection.
  const settled = written.then(
    () => undefined,
    () => undefined,
  );
  return {
    files,
    async commit(entry, meta, removed = [], options = {}) {
      let staged: StagedChange;
      try {
        staged = stageChange(commit, dir, [], entry, meta, removed, options, () => undefined);
        await written;
      } catch (error) {
        await settled;
        commit.abandon();
        throw error;
      }
      await commit.commitMany();
      learn(dir, { committed: [...staged.committed, ...committed], removedNames: staged.removedNames }, true);
    },
    async abandon() {
      await settled;
      commit.abandon();
    },
  };
}

interface StagedChange {
  committed: CommittedFile[];
  removedNames: string[];
}

/** Stages everything of a change but its paragraph files, which it hands to `writeParagraph`; the caller abandons the change if it fails. */
function stageChange(
  commit: StagedCommit,
  dir: string,
  paragraphs: readonly Paragraph[],
  entry: HistoryEntry,
  meta: DraftMeta | undefined,
  removed: readonly string[],
  options: CommitOptions,
  writeParagraph: (name: string, bytes: Buffer) => void,
): StagedChange {
  const committed: CommittedFile[] = [];
  const removedNames = removed.map((address) => `${PARAGRAPHS_DIR}/${paragraphFileName(address)}`);
  for (const name of removedNames) commit.remove(name);
  for (const path of options.removes ?? []) commit.remove(path);
  if (meta !== undefined) {
    const value = draftMetaForYaml(meta);
    const bytes = Buffer.from(options.serializedMeta ?? serializeYaml(value, 'draft', join(dir, DRAFT_FILE)), 'utf8');
    commit.write(DRAFT_FILE, bytes);
    committed.push({ name: DRAFT_FILE, hash: contentHash(bytes), meta: value });
  }
  committed.push(...stageParagraphs(dir, paragraphs, options.serialized, (name, _, bytes) => writeParagraph(name, bytes)));
  commit.write(`${HISTORY_DIR}/${historyFileName(entry.id)}`, serializeHistoryEntry(dir, entry));
  for (const file of options.writes ?? []) commit.write(file.path, file.content);
  return { committed, removedNames };
}

/** Each paragraph's file (made once: `serialized` when the caller has it), handed to `stage`; what the cache learns of them once they are in place. */
function stageParagraphs(
  dir: string,
  paragraphs: readonly Paragraph[],
  serialized: ReadonlyMap<string, string> | undefined,
  stage: (name: string, address: string, bytes: Buffer, hash: string) => void,
): CommittedFile[] {
  return paragraphs.map((paragraph) => {
    const name = `${PARAGRAPHS_DIR}/${paragraphFileName(paragraph.address)}`;
    // What is written is what reading the file gives (`paragraphForYaml`): the cache may hold it as it is.
    const value = paragraphForYaml(paragraph);
    const bytes = Buffer.from(serialized?.get(paragraph.address) ?? serializeYaml(value, 'paragraph', join(dir, name)), 'utf8');
    const hash = contentHash(bytes);
    stage(name, paragraph.address, bytes, hash);
    return { name, hash, paragraph: value };
  });
}

/**
 * Once the change is made, the parse cache learns its files; with `identities`, their identities
 * too, stat'ed after a reading of the clock newer than their renames (`clockPast`), so that the
 * next command reads none of them (~1,000 files after `import --into` or its undo; for a few,
 * reading them costs less than the clock).
 */
function learn(dir: string, { committed, removedNames }: StagedChange, identities = false): void {
  try {
    if (!identities) return recordCommitted(dir, committed, removedNames);
    const clock = clockPast(localFolder(dir));
    const placed = committed.map((file) => {
      const stats = lstatSync(join(dir, file.name), { throwIfNoEntry: false });
      return stats?.isFile() ? { ...file, stats } : file;
    });
    recordCommitted(dir, placed, removedNames, clock);
  } catch {
    // Only an optimisation: the change is made, and the next command parses the files instead.
  }
}
