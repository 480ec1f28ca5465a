import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftMeta, HistoryEntry, Paragraph } from '../model/schemas.js';
import { HISTORY_DIR, historyFileName, serializeHistoryEntry } from '../history/history-store.js';
import { stageCommit } from './journal.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from './serialize.js';

/** More of a change: files besides the paragraphs, draft.yaml and history, and how the files are staged. */
export interface CommitOptions {
  /** Other files of the draft (a revision's manifest), relative to it, written or removed in the same change. */
  writes?: readonly { path: string; content: string | Uint8Array }[];
  removes?: readonly string[];
  /**
   * For a change to many paragraphs at once (`import --into`): their files are staged as
   * `import --force` stages a whole draft, written but not flushed one by one (a flush costs
   * ~5 ms on this kind of disk: 5 s for 1,000 paragraphs). The journal is flushed as always, so
   * a killed process still leaves all or nothing.
   */
  bulk?: boolean;
}

/**
 * Writes the paragraphs a command changed and the history entry that records the change, all or
 * nothing (see `journal.ts`): a kill at any point leaves either the draft as it was or the whole
 * change, and the history always agrees with the paragraphs. `meta`, when given, is the new
 * draft.yaml, written in the same change; `removed` are the addresses of paragraphs whose files
 * go; `options` adds other files (see `CommitOptions`). Call it holding the draft's lock.
 */
export function commitChanges(dir: string, paragraphs: readonly Paragraph[], entry: HistoryEntry, meta?: DraftMeta, removed: readonly string[] = [], options: CommitOptions = {}): void {
  const commit = stageCommit(dir);
  try {
    for (const address of removed) commit.remove(`${PARAGRAPHS_DIR}/${paragraphFileName(address)}`);
    for (const path of options.removes ?? []) commit.remove(path);
    if (meta !== undefined) commit.write(DRAFT_FILE, serializeYaml(draftMetaForYaml(meta), 'draft', join(dir, DRAFT_FILE)));
    for (const paragraph of paragraphs) {
      const target = `${PARAGRAPHS_DIR}/${paragraphFileName(paragraph.address)}`;
      const content = serializeYaml(paragraphForYaml(paragraph), 'paragraph', join(dir, target));
      if (options.bulk) writeFileSync(commit.stagedPath(target), content);
      else commit.write(target, content);
    }
    commit.write(`${HISTORY_DIR}/${historyFileName(entry.id)}`, serializeHistoryEntry(dir, entry));
    for (const file of options.writes ?? []) commit.write(file.path, file.content);
  } catch (error) {
    commit.abandon();
    throw error;
  }
  commit.commit();
}
