import { join } from 'node:path';
import type { DraftMeta, HistoryEntry, Paragraph } from '../model/schemas.js';
import { HISTORY_DIR, historyFileName, serializeHistoryEntry } from '../history/history-store.js';
import { stageCommit } from './journal.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from './serialize.js';

/** Files of the draft other than its paragraphs, draft.yaml and history, changed with them. */
export interface OtherFiles {
  writes?: readonly { path: string; content: string | Uint8Array }[];
  removes?: readonly string[];
}

/**
 * Writes the paragraphs a command changed and the history entry that records the change, all or
 * nothing (see `journal.ts`): a kill at any point leaves either the draft as it was or the whole
 * change, and the history always agrees with the paragraphs. `meta`, when given, is the new
 * draft.yaml, written in the same change; `removed` are the addresses of paragraphs whose files
 * go. `other` are files besides (a revision's manifest, relative to the draft) written or removed
 * in the same change. Call it holding the draft's lock.
 */
export function commitChanges(dir: string, paragraphs: readonly Paragraph[], entry: HistoryEntry, meta?: DraftMeta, removed: readonly string[] = [], other: OtherFiles = {}): void {
  const commit = stageCommit(dir);
  try {
    for (const address of removed) commit.remove(`${PARAGRAPHS_DIR}/${paragraphFileName(address)}`);
    for (const path of other.removes ?? []) commit.remove(path);
    if (meta !== undefined) commit.write(DRAFT_FILE, serializeYaml(draftMetaForYaml(meta), 'draft', join(dir, DRAFT_FILE)));
    for (const paragraph of paragraphs) {
      const target = `${PARAGRAPHS_DIR}/${paragraphFileName(paragraph.address)}`;
      commit.write(target, serializeYaml(paragraphForYaml(paragraph), 'paragraph', join(dir, target)));
    }
    commit.write(`${HISTORY_DIR}/${historyFileName(entry.id)}`, serializeHistoryEntry(dir, entry));
    for (const file of other.writes ?? []) commit.write(file.path, file.content);
  } catch (error) {
    commit.abandon();
    throw error;
  }
  commit.commit();
}
