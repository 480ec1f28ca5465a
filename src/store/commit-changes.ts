import { join } from 'node:path';
import type { DraftMeta, HistoryEntry, Paragraph } from '../model/schemas.js';
import { HISTORY_DIR, historyFileName, serializeHistoryEntry } from '../history/history-store.js';
import { stageCommit, type StagedCommit } from './journal.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { contentHash, recordCommitted, type CommittedFile } from './parse-cache.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from './serialize.js';

/** More of a change: files besides the paragraphs, draft.yaml and history. */
export interface CommitOptions {
  /** Other files of the draft (a revision's manifest), relative to it, written or removed in the same change. */
  writes?: readonly { path: string; content: string | Uint8Array }[];
  removes?: readonly string[];
  /** Paragraphs' YAML the caller has made already (`serializeYaml` of `paragraphForYaml`), by address: written as it is, not made again. */
  serialized?: ReadonlyMap<string, string>;
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
  const staged = stageChange(commit, dir, paragraphs, entry, meta, removed, options, (name, bytes) => commit.write(name, bytes));
  commit.commit();
  learn(dir, staged);
}

/**
 * `commitChanges` for a change to many paragraphs at once (`import --into` and its undo: ~1,000
 * on the benchmark draft): the paragraph files are staged and put in place a few at a time
 * (`StagedCommit.writeMany`, `commitMany`), as all or nothing as one by one.
 */
export async function commitManyChanges(dir: string, paragraphs: readonly Paragraph[], entry: HistoryEntry, meta?: DraftMeta, removed: readonly string[] = [], options: CommitOptions = {}): Promise<void> {
  const commit = stageCommit(dir);
  const many: [string, Uint8Array][] = [];
  const staged = stageChange(commit, dir, paragraphs, entry, meta, removed, options, (name, bytes) => many.push([name, bytes]));
  try {
    await commit.writeMany(many);
  } catch (error) {
    commit.abandon();
    throw error;
  }
  await commit.commitMany();
  learn(dir, staged);
}

interface StagedChange {
  committed: CommittedFile[];
  removedNames: string[];
}

/** Stages everything of a change but its paragraph files, which it hands to `writeParagraph`; abandons the change if anything fails. */
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
  try {
    for (const name of removedNames) commit.remove(name);
    for (const path of options.removes ?? []) commit.remove(path);
    if (meta !== undefined) {
      const value = draftMetaForYaml(meta);
      const bytes = Buffer.from(serializeYaml(value, 'draft', join(dir, DRAFT_FILE)), 'utf8');
      commit.write(DRAFT_FILE, bytes);
      committed.push({ name: DRAFT_FILE, hash: contentHash(bytes), meta: value });
    }
    for (const paragraph of paragraphs) {
      const name = `${PARAGRAPHS_DIR}/${paragraphFileName(paragraph.address)}`;
      // What is written is what reading the file gives (`paragraphForYaml`): the cache may hold it as it is.
      const value = paragraphForYaml(paragraph);
      const text = options.serialized?.get(paragraph.address) ?? serializeYaml(value, 'paragraph', join(dir, name));
      const bytes = Buffer.from(text, 'utf8');
      writeParagraph(name, bytes);
      committed.push({ name, hash: contentHash(bytes), paragraph: value });
    }
    commit.write(`${HISTORY_DIR}/${historyFileName(entry.id)}`, serializeHistoryEntry(dir, entry));
    for (const file of options.writes ?? []) commit.write(file.path, file.content);
  } catch (error) {
    commit.abandon();
    throw error;
  }
  return { committed, removedNames };
}

/** Once the change is made, the parse cache learns its files. */
function learn(dir: string, { committed, removedNames }: StagedChange): void {
  try {
    recordCommitted(dir, committed, removedNames);
  } catch {
    // Only an optimisation: the change is made, and the next command parses the files instead.
  }
}
