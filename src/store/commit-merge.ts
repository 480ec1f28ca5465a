import type { HistoryEntry } from '../model/schemas.js';
import { HISTORY_DIR, historyFileName, serializeHistoryEntry } from '../history/history-store.js';
import { stageCommit } from './journal.js';

/**
 * Writes the result of a merge (`reconcile`, `resolve-conflicts`) the way `commitChanges` writes
 * a command's change, all or nothing through the journal: the files as merged (`writes`, paths
 * relative to the draft, already serialized, history entries copied from the other copy among
 * them), the files that go, and the one history entry that records the merge itself, so that
 * `undo` reverts it. Call it holding the draft's lock.
 */
export function commitMerge(dir: string, writes: ReadonlyMap<string, string | Uint8Array>, removes: readonly string[], entry: HistoryEntry): void {
  const commit = stageCommit(dir);
  try {
    for (const path of removes) commit.remove(path);
    for (const [path, content] of writes) commit.write(path, content);
    commit.write(`${HISTORY_DIR}/${historyFileName(entry.id)}`, serializeHistoryEntry(dir, entry));
  } catch (error) {
    commit.abandon();
    throw error;
  }
  commit.commit();
}
