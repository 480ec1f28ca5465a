import { attributionMemo } from '../compare/attribution-memo.js';
import type { TrackedChanges } from '../compare/tracked-changes.js';
import { readValidHistory } from '../history/history-store.js';
import { changesSince } from '../revisions/changes-since.js';
import type { ObjectCache } from '../store/object-cache.js';
import type { OpenedDraft } from './open-draft.js';
import { openedSide } from './opened-side.js';

/** The author given to changes no history entry accounts for, unless `--author` names one. */
export const UNATTRIBUTED = 'unattributed';

/**
 * `export --changes-since`: the opened draft as the working side of a compare (its files'
 * hashes as loaded, so paragraphs unchanged since the revision are never compared), and its
 * changes since `since`, attributed.
 */
export async function trackedSince(opened: OpenedDraft, since: string, author: string | undefined, cache: ObjectCache, format: string): Promise<TrackedChanges> {
  const { dir, draft } = opened;
  const working = openedSide(opened);
  const unattributed = { author: author?.trim() ?? UNATTRIBUTED, date: new Date().toISOString() };
  // The revision's paragraphs, the history entries and (as the formats lay the changes out) the
  // words' attribution are kept in `cache`, which the caller saves after rendering.
  const changes = await changesSince(dir, since, working, draft, () => readValidHistory(dir, cache), unattributed, cache);
  // One memo entry for the draft's changes in each format (see `attributionMemo`), flushed by the caller.
  return { ...changes, memo: attributionMemo(cache, `${format}:${changes.since ?? since}`) };
}
