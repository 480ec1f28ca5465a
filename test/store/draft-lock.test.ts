/**
 * The draft's lock on real files: one holder at a time, a bounded wait ending in "draft is busy"
 * with the holder named, and a lock left by a killed process recovered at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDraftLock, lockTimeoutMs, withDraftLock } from '../../src/store/draft-lock.js';
import { localFolder } from '../../src/store/local-folder.js';
import { makeTempDir, rejection, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

/** The pid of a process that has run and ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

function writeLock(dir: string, holder: object): string {
  const path = join(localFolder(dir), 'lock');
  writeFileSync(path, JSON.stringify(holder));
  return path;
}

describe('the draft lock', () => {
  it('is taken, released, and leaves nothing but the .gitignore of .ndraft/', async () => {
    const dir = makeTempDir('lock');
    expect(await withDraftLock(dir, { timeoutMs: 0 }, async () => readdirSync(join(dir, '.ndraft')).sort())).toEqual(['.gitignore', 'lock']);
    expect(readdirSync(join(dir, '.ndraft'))).toEqual(['.gitignore']);
    // Released even when the work fails.
    await expect(withDraftLock(dir, { timeoutMs: 0 }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(join(dir, '.ndraft', 'lock'))).toBe(false);
  });

  it('makes a second writer wait the time given, then fail naming the holder; nothing of its work runs', async () => {
    const dir = makeTempDir('lock');
    const release = await acquireDraftLock(dir, { timeoutMs: 0, command: 'accept 61 "Alt 3"' });
    const started = Date.now();
    let ran = false;
    const error = await rejection(withDraftLock(dir, { timeoutMs: 300 }, async () => void (ran = true)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(ran).toBe(false);
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(
      new RegExp(`^draft is busy \\(held by pid ${process.pid} on host ${hostname().replace(/\./g, '\\.')} since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, running "accept 61 "Alt 3""\\); nothing was changed`),
    );
    release();
    await withDraftLock(dir, { timeoutMs: 0 }, async () => undefined);
  });

  it('lets the waiting writer in as soon as the holder releases', async () => {
    const dir = makeTempDir('lock');
    const release = await acquireDraftLock(dir, { timeoutMs: 0 });
    setTimeout(release, 100);
    expect(await withDraftLock(dir, { timeoutMs: 5000 }, async () => 'mine')).toBe('mine');
  });

  it('breaks at once the lock of a process that no longer runs, and an unreadable one', async () => {
    const dir = makeTempDir('lock');
    writeLock(dir, { pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' });
    expect(await withDraftLock(dir, { timeoutMs: 0 }, async () => 'recovered')).toBe('recovered');
    // Unreadable: perhaps being written (no hard links on that file system), so stale only after 2 s.
    const path = writeLock(dir, {});
    writeFileSync(path, '');
    await expect(withDraftLock(dir, { timeoutMs: 0 }, async () => 'taken')).rejects.toThrow(/^draft is busy \(held by another writer\)/);
    const old = (Date.now() - 3000) / 1000;
    utimesSync(path, old, old);
    expect(await withDraftLock(dir, { timeoutMs: 0 }, async () => 'recovered')).toBe('recovered');
  });

  it('respects a lock from another host until it is ten minutes old', async () => {
    const dir = makeTempDir('lock');
    const path = writeLock(dir, { pid: 1, host: 'elsewhere.example', since: '2026-01-01T00:00:00.000Z' });
    expect((await rejection(withDraftLock(dir, { timeoutMs: 50 }, async () => undefined))).message).toMatch(/held by pid 1 on host elsewhere\.example since 2026-01-01T00:00:00\.000Z\)/);
    const old = (Date.now() - 11 * 60 * 1000) / 1000;
    utimesSync(path, old, old);
    expect(await withDraftLock(dir, { timeoutMs: 0 }, async () => 'taken')).toBe('taken');
  });

  it('reads NDRAFT_LOCK_TIMEOUT in seconds; a wrong value is a usage error', async () => {
    expect(lockTimeoutMs({})).toBe(5000);
    expect(lockTimeoutMs({ NDRAFT_LOCK_TIMEOUT: '0.25' })).toBe(250);
    expect(lockTimeoutMs({ NDRAFT_LOCK_TIMEOUT: '30' })).toBe(30_000);
    expect(() => lockTimeoutMs({ NDRAFT_LOCK_TIMEOUT: 'soon' })).toThrow(/NDRAFT_LOCK_TIMEOUT must be a number of seconds, not "soon"/);
  });
});
