import type { HistoryEntry } from '../model/schemas.js';

/**
 * The change `undo` reverts: the newest one that is not itself an undo and has not been
 * undone. So `undo` twice reverts the last two changes.
 */
export function undoTarget(entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  const find = undoFinder();
  for (let i = entries.length - 1; i >= 0; i--) {
    const found = find(entries[i] as HistoryEntry);
    if (found) return found;
  }
  return undefined;
}

/** `undoTarget`, reading the entries newest first only as far as the target: an undo is always newer than the change it undid. */
export async function undoTargetNewestFirst(entries: AsyncIterable<HistoryEntry>): Promise<HistoryEntry | undefined> {
  const find = undoFinder();
  for await (const entry of entries) {
    const found = find(entry);
    if (found) return found;
  }
  return undefined;
}

/**
 * `undoTarget` for entries given newest first, one at a time: the target once it is met. An
 * undo always reverts an older change, so the newer entries tell all that is undone, and the
 * history need not be read further back than the target (`undo` on a long history).
 */
export function undoFinder(): (entry: HistoryEntry) => HistoryEntry | undefined {
  const undone = new Set<string>();
  return (entry) => {
    if (entry.undoes !== undefined) {
      undone.add(entry.undoes);
      return undefined;
    }
    return undone.has(entry.id) ? undefined : entry;
  };
}
