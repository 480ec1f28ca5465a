import { nextHistoryId } from '../history/history-store.js';
import type { HistoryEntry } from '../model/schemas.js';
import type { Io } from './io.js';

/**
 * The fields every history entry starts with: its id and time, the person who entered the change
 * (`--author`, else NDRAFT_AUTHOR, git's user.name or the OS user), the delegation it was entered
 * for (`--by` of the position commands, as stored) and the command as typed, with its `-m`.
 * Loaded only to write: finding the author may run git (node:child_process), which a preview
 * never needs.
 */
export async function historyHeader(dir: string, options: { author?: string; onBehalfOf?: string; message?: string; authorSoon?: () => Promise<string> }, io: Io, command: string): Promise<Pick<HistoryEntry, 'id' | 'time' | 'author' | 'onBehalfOf' | 'command' | 'message'>> {
  const author = options.authorSoon !== undefined ? await options.authorSoon() : (await import('./resolve-author.js')).resolveAuthor(options.author, io.env, dir);
  const now = new Date();
  return {
    id: nextHistoryId(dir, now),
    time: now.toISOString(),
    author,
    ...(options.onBehalfOf !== undefined ? { onBehalfOf: options.onBehalfOf } : {}),
    command,
    ...(options.message ? { message: options.message } : {}),
  };
}
