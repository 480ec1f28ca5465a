import { join } from 'node:path';
import type { DraftMeta, HistoryEntry, Paragraph } from '../model/schemas.js';
import { HISTORY_DIR, historyFileName, serializeHistoryEntry } from '../history/history-store.js';
import { stageCommit } from './journal.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { contentHash, recordCommitted, type CommittedFile } from './parse-cache.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from './serialize.js';

/**
 * Writes the paragraphs a command changed and the history entry that records the change, all or
 * nothing (see `journal.ts`): a kill at any point leaves either the draft as it was or the whole
 * change, and the history always agrees with the paragraphs. `meta`, when given, is the new
 * draft.yaml, written in the same change; `removed` are the addresses of paragraphs whose files
 * go. Call it holding the draft's lock. Once the change is made, the parse cache learns the new
 * files (`recordCommitted`), so that the next command need not parse them.
 */
export function commitChanges(dir: string, paragraphs: readonly Paragraph[], entry: HistoryEntry, meta?: DraftMeta, removed: readonly string[] = []): void {
  const commit = stageCommit(dir);
  const committed: CommittedFile[] = [];
  const removedNames = removed.map((address) => `${PARAGRAPHS_DIR}/${paragraphFileName(address)}`);
  try {
    for (const name of removedNames) commit.remove(name);
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
      const bytes = Buffer.from(serializeYaml(value, 'paragraph', join(dir, name)), 'utf8');
      commit.write(name, bytes);
      committed.push({ name, hash: contentHash(bytes), paragraph: value });
    }
    commit.write(`${HISTORY_DIR}/${historyFileName(entry.id)}`, serializeHistoryEntry(dir, entry));
  } catch (error) {
    commit.abandon();
    throw error;
  }
  commit.commit();
  try {
    recordCommitted(dir, committed, removedNames);
  } catch {
    // Only an optimisation: the change is made, and the next command parses the files instead.
  }
}
