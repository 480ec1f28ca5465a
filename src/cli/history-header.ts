import { nextHistoryId } from '../history/history-store.js';
import type { HistoryEntry } from '../model/schemas.js';
import type { Io } from './io.js';

/**
 * The fields every history entry starts with: its id and time, who entered the change (`--by`,
 * else NDRAFT_AUTHOR, git's user.name or the OS user) and the command as typed, with its `-m`.
 * Loaded only to write: finding the author may run git (node:child_process), which a preview
 * never needs.
 */
export async function historyHeader(dir: string, options: { by?: string; message?: string }, io: Io, command: string): Promise<Pick<HistoryEntry, 'id' | 'time' | 'author' | 'command' | 'message'>> {
  const { resolveAuthor } = await import('./resolve-author.js');
  const now = new Date();
  return {
    id: nextHistoryId(dir, now),
    time: now.toISOString(),
    author: resolveAuthor(options.by, io.env, dir),
    command,
    ...(options.message ? { message: options.message } : {}),
  };
}
