import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { inputError, usageError } from '../diagnostics/diagnostic.js';
import { faultPoint } from './fault-point.js';
import { localFolder } from './local-folder.js';

/**
 * One writer at a time per draft: `<draft>/.ndraft/lock`, a small JSON file naming its holder
 * (pid, host, since, command). A writer takes it before it reads what it will change and drops it
 * once its change is in place; readers never look at it.
 *
 * Taking it is atomic: the holder's record is written in full to a file of its own, then
 * hard-linked as `lock`, which fails when `lock` exists. A lock whose holder is gone is stale and
 * is broken: on the same host when its pid no longer runs (a killed writer), from another host
 * (a shared folder) only once it is older than STALE_ELSEWHERE_MS, since no writer holds the lock
 * for long (never while a person is asked anything). Breaking happens under `lock.break`, taken
 * the same way, so that two writers that find the same stale lock cannot break a fresh one.
 *
 * Our own code rather than proper-lockfile: that library tells a stale lock by its mtime alone,
 * so a killed writer blocks everyone for the whole stale period and a writer busy for longer
 * than that has its lock declared compromised; and it records no holder to name in a message.
 */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command?: string;
}

export const LOCK_FILE = 'lock';
/** How long a second writer waits for the lock before giving up, unless NDRAFT_LOCK_TIMEOUT says otherwise. */
export const DEFAULT_LOCK_TIMEOUT_MS = 5000;
const STALE_ELSEWHERE_MS = 10 * 60 * 1000;
/** A `lock.break` (or an unreadable lock) older than this was left by a writer killed while making it. */
const STALE_BREAK_MS = 2000;

/** NDRAFT_LOCK_TIMEOUT, in seconds (decimals allowed), as milliseconds. */
export function lockTimeoutMs(env: NodeJS.ProcessEnv): number {
  const value = env.NDRAFT_LOCK_TIMEOUT;
  if (value === undefined || value.trim() === '') return DEFAULT_LOCK_TIMEOUT_MS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw usageError(`NDRAFT_LOCK_TIMEOUT must be a number of seconds, not "${value}"`);
  return Math.round(seconds * 1000);
}

/** Runs `work` holding the draft's lock; waits up to `timeoutMs` for it, then fails with "draft is busy". */
export async function withDraftLock<T>(dir: string, options: { timeoutMs: number; command?: string }, work: () => Promise<T>): Promise<T> {
  const release = await acquireDraftLock(dir, options);
  try {
    return await work();
  } finally {
    release();
  }
}

export async function acquireDraftLock(dir: string, options: { timeoutMs: number; command?: string }): Promise<() => void> {
  const path = join(localFolder(dir), LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), ...(options.command ? { command: options.command } : {}) };
  const record = JSON.stringify(mine);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (createExclusive(path, record)) break;
    const held = readHolder(path);
    if (held === 'gone') continue;
    // Broken, try again at once; not broken (another writer is breaking it), wait like the others.
    if (isStale(held, path) && breakStaleLock(path, held)) continue;
    if (Date.now() >= deadline) throw busyError(held);
    await sleep(Math.min(20 + Math.random() * 40, Math.max(1, deadline - Date.now())));
  }
  faultPoint();
  return () => {
    faultPoint();
    if (readText(path) === record) rmSync(path, { force: true });
  };
}

/** The holder of a lock that exists; `'gone'` when it was released meanwhile; undefined when it cannot be read. */
function readHolder(path: string): LockHolder | undefined | 'gone' {
  const text = readText(path);
  if (text === undefined) return 'gone';
  try {
    const held = JSON.parse(text) as LockHolder;
    return typeof held.pid === 'number' && typeof held.host === 'string' && typeof held.since === 'string' ? held : undefined;
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(held: LockHolder | undefined, path: string): boolean {
  // Unreadable: damaged, or being written where the file system has no hard links (see createWithFlag).
  if (!held) return Date.now() - modifiedMs(path) > STALE_BREAK_MS;
  if (held.host !== hostname()) return Date.now() - modifiedMs(path) > STALE_ELSEWHERE_MS;
  return !isRunning(held.pid);
}

/** Whether a process of this host runs with that pid. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock, unless it changed since it was judged stale (another writer broke it and
 * took it). False when another writer is breaking it right now.
 */
function breakStaleLock(path: string, stale: LockHolder | undefined): boolean {
  const breaker = `${path}.break`;
  if (!createExclusive(breaker, String(process.pid))) {
    // Left by a writer killed while breaking a lock: removed, and the lock judged again.
    if (Date.now() - modifiedMs(breaker) <= STALE_BREAK_MS) return false;
    rmSync(breaker, { force: true });
    return true;
  }
  try {
    const now = readHolder(path);
    if (now !== 'gone' && JSON.stringify(now) === JSON.stringify(stale)) unlinkSync(path);
  } finally {
    rmSync(breaker, { force: true });
  }
  return true;
}

/** Creates `path` holding `content` in one step; false when it exists. */
function createExclusive(path: string, content: string): boolean {
  const own = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(own, content);
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: exclusive creation, then the record.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createWithFlag(path, content);
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

function createWithFlag(path: string, content: string): boolean {
  try {
    writeFileSync(path, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function modifiedMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

function busyError(held: LockHolder | undefined): Error {
  const who = held ? `held by pid ${held.pid} on host ${held.host} since ${held.since}${held.command ? `, running "${held.command}"` : ''}` : 'held by another writer';
  return inputError(`draft is busy (${who}); nothing was changed. Try again, or wait longer with NDRAFT_LOCK_TIMEOUT=<seconds>`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
