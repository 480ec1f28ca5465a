import { lstatSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftMeta } from '../model/schemas.js';
import type { FileStats, ParseCache } from './parse-cache.js';

/** A file just written into a new draft folder: its name in the folder, the SHA-1 of its bytes, its identity once written; draft.yaml's content. */
export interface JustWritten {
  name: string;
  hash: string;
  stats: FileStats;
  meta?: DraftMeta;
}

/** How many times the clock is read, at most, waiting for it to move past the last file written. */
const READINGS = 4;

/** A file made to read the file system's clock (its mtime), removed at once. */
const CLOCK_FILE = '.ndraft-clock';

/**
 * Records in the parse cache the identity (inode, size, mtime, ctime) of every file of a new
 * draft folder, written and not yet put in place, so that the first command on the new draft
 * reads none of them: without it, that command reads and hashes every file (5,001 for the
 * benchmark draft) and rewrites the whole cache to record what is recorded here.
 *
 * Safe by the cache's own rule (parse-cache.ts): an identity is recorded only when the file's
 * ctime is older than a reading of the file system's clock taken after it was recorded, so that
 * any later change gives the file a ctime at least as new as that reading, even within the same
 * clock tick. Each identity was taken from the open file just written (`startWriting`), and nothing
 * else changes a folder that is not in place yet, so the clock is read once all are written; it
 * ticks coarsely (4 ms here), so when the last files share the tick of the reading, it is read
 * again a moment later. A file still as new as the last reading keeps no identity (the next
 * command reads it). A file later moved into place by a rename gets a new ctime, so its recorded
 * identity no longer matches and it is read: never wrong, only slower.
 */
export function settleWrittenFiles(cache: ParseCache, dir: string, files: readonly JustWritten[]): void {
  let newest = -Infinity;
  for (const file of files) newest = Math.max(newest, file.stats.ctimeMs);
  const clock = clockPast(dir, newest);
  cache.settledAt(clock);
  for (const file of files) {
    if (!(file.stats.ctimeMs < clock)) continue;
    if (file.meta) cache.setMeta(file.hash, file.meta, file.stats);
    else cache.noteFile(file.name, file.hash, file.stats);
  }
}

/**
 * A reading of the file system's clock (a file made in `dir` and removed) newer than `past` when
 * a few short pauses bring it there, else the last one taken. Without `past`, newer than its
 * first reading: newer than the ctime of any file changed before the call, so that those stat'ed
 * after it with an older ctime may have their identities recorded (the cache's rule, parse-cache.ts).
 */
export function clockPast(dir: string, past?: number): number {
  let clock = readClock(dir);
  const mark = past ?? clock;
  for (let reading = 1; reading < READINGS + (past === undefined ? 1 : 0) && !(mark < clock); reading++) {
    pause(2);
    clock = readClock(dir);
  }
  return clock;
}

/** The file system's clock now: the mtime it gives a file made now (the clock that stamps ctimes). */
function readClock(dir: string): number {
  const probe = join(dir, CLOCK_FILE);
  writeFileSync(probe, '');
  try {
    return lstatSync(probe).mtimeMs;
  } finally {
    rmSync(probe, { force: true });
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
