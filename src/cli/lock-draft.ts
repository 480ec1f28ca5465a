import { lockTimeoutMs, withDraftLock } from '../store/draft-lock.js';
import { recoverCommits } from '../store/journal.js';
import { removeLeftovers } from '../store/leftovers.js';
import type { Io } from './io.js';

/**
 * Runs a command's reading, checking and writing holding the draft's lock, so that what it
 * writes is computed from the draft as it is now, not as it was before another writer's change.
 * First, under the lock, it finishes a change a killed writer made and clears what one left.
 * Waits NDRAFT_LOCK_TIMEOUT seconds (default 5) for the lock, then fails: "draft is busy".
 */
export async function whileLocked<T>(io: Io, dir: string, command: string, work: () => Promise<T>): Promise<T> {
  return withDraftLock(dir, { timeoutMs: lockTimeoutMs(io.env), command }, async () => {
    recoverCommits(dir);
    removeLeftovers(dir);
    return work();
  });
}
