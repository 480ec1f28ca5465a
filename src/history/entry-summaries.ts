import { join } from 'node:path';
import type { HistoryEntry } from '../model/schemas.js';
import { pendingCommit } from '../store/journal.js';
import type { ObjectCache } from '../store/object-cache.js';
import { contentHash } from '../store/parse-cache.js';
import { isRefusal, statDraftFile } from '../store/read-draft-file.js';
import { describeChange } from './describe-change.js';
import { describeOutlineChange } from './describe-outline-change.js';
import { HISTORY_DIR, historyEntryBytes, historyFileName, listHistoryIds, readEntry } from './history-store.js';
import { paragraphShifts } from './outline-differences.js';

/**
 * What `ndraft log` prints of a history entry: who, when, which command, and what it did to each
 * paragraph, in words. An entry holds each paragraph before and after (kilobytes); its summary
 * is a line or two, made once and kept in the object cache by the hash of the entry's bytes, so
 * a log of ten thousand entries parses neither YAML nor the schemas again.
 */
export interface EntrySummary {
  id: string;
  time: string;
  author: string;
  onBehalfOf?: string;
  command: string;
  message?: string;
  undoes?: string;
  /** What the change did to draft.yaml, when it touched it. */
  outline?: string;
  changes: { paragraph: string; description: string }[];
  /** The paragraphs the entry concerns (`entryTouches`): those it changed, and those it added, removed or moved in the outline. */
  touches: string[];
}

export function summarizeEntry(entry: HistoryEntry): EntrySummary {
  const shifted = entry.outline ? paragraphShifts(entry.outline.before.sections, entry.outline.after.sections).map((s) => s.address) : [];
  return {
    id: entry.id,
    time: entry.time,
    author: entry.author,
    ...(entry.onBehalfOf !== undefined ? { onBehalfOf: entry.onBehalfOf } : {}),
    command: entry.command,
    ...(entry.message !== undefined ? { message: entry.message } : {}),
    ...(entry.undoes !== undefined ? { undoes: entry.undoes } : {}),
    ...(entry.outline ? { outline: describeOutlineChange(entry.outline.before, entry.outline.after) } : {}),
    changes: entry.changes.map((change) => ({ paragraph: change.paragraph, description: describeChange(change.before, change.after) })),
    touches: [...new Set([...entry.changes.map((change) => change.paragraph), ...shifted])],
  };
}

/**
 * The entries' summaries, newest first, each read when the iteration reaches it (see
 * `newestEntriesFirst`); save the cache when done. An entry file whose identity (inode, size,
 * mtime, ctime) is the one recorded with its summary is not even read, on the parse cache's
 * terms: only an identity recorded after the file last changed (its ctime older than the cache
 * file) is trusted, so an edit can never hide behind it.
 */
export async function* newestSummariesFirst(dir: string, cache: ObjectCache): AsyncGenerator<EntrySummary> {
  const pending = pendingCommit(dir);
  const ids = listHistoryIds(dir, pending);
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i] as string;
    const staged = pending?.staged(`${HISTORY_DIR}/${historyFileName(id)}`) !== undefined;
    const status = staged ? undefined : statDraftFile(dir, join(dir, HISTORY_DIR, historyFileName(id)));
    const stats = status === undefined || isRefusal(status) ? undefined : status;
    const known = stats && cache.known<EntrySummary>('history-file', id, stats);
    if (known) {
      yield known;
      continue;
    }
    const bytes = historyEntryBytes(dir, id, pending);
    const hash = contentHash(bytes);
    let summary = cache.get<EntrySummary>('history-summary', hash);
    // The id is checked again: the same bytes may stand under another file name.
    if (summary === undefined || summary.id !== id) {
      summary = summarizeEntry(await readEntry(dir, id, bytes));
      cache.set('history-summary', hash, summary);
    }
    if (stats) cache.remember('history-file', id, stats, summary);
    yield summary;
  }
}
