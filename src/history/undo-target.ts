import type { HistoryEntry } from '../model/schemas.js';

/**
 * The change `undo` reverts: the newest one that is not itself an undo and has not been
 * undone. So `undo` twice reverts the last two changes.
 */
export function undoTarget(entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  const undone = new Set(entries.map((e) => e.undoes).filter((id): id is string => id !== undefined));
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as HistoryEntry;
    if (entry.undoes === undefined && !undone.has(entry.id)) return entry;
  }
  return undefined;
}

/** `undoTarget`, reading the entries newest first only as far as the target: an undo is always newer than the change it undid. */
export async function undoTargetNewestFirst(entries: AsyncIterable<HistoryEntry>): Promise<HistoryEntry | undefined> {
  const undone = new Set<string>();
  for await (const entry of entries) {
    if (entry.undoes !== undefined) undone.add(entry.undoes);
    else if (!undone.has(entry.id)) return entry;
  }
  return undefined;
}
