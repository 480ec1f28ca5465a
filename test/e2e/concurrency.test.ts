/**
 * Twenty writers at once on one draft, each the built binary: no change is lost, and a writer
 * that gives up says so (exit 1, "draft is busy …") and has indeed changed nothing.
 * Readers never wait for the lock nor fail because a writer holds it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { acquireDraftLock } from '../../src/store/draft-lock.js';
import { BIN, copyBundledDraft, removeTempDirs, runNdraft, snapshotFiles, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const WRITERS = 20;
const BUSY = /^ndraft: draft is busy \(held by pid \d+ on host \S+ since \d{4}-\d\d-\d\dT[\d:.]+Z(, running "[^\n]*")?\); nothing was changed/m;

function runAsync(args: readonly string[], env: Record<string, string>): Promise<RunResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete childEnv.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Delegations D1…D20: the odd ones support "Alt 2" of 61, the even ones oppose "Alt 1" of 61. */
function writerArgs(dir: string, i: number): string[] {
  return i % 2 === 1 ? ['support', '61', 'Alt 2', '--by', `D${i}`, '--draft', dir] : ['oppose', '61', 'Alt 1', '--by', `D${i}`, '--draft', dir];
}

interface Alternative {
  label: string;
  proposedBy?: string[];
  supportedBy?: string[];
  opposedBy?: string[];
}

/** Which delegations paragraph 61 records, and those the history entries were entered for. */
function recorded(dir: string): { positions: string[]; authors: string[] } {
  const p61 = parse(readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8')) as { alternatives: Alternative[] };
  const positions = p61.alternatives.flatMap((a) => [...(a.proposedBy ?? []), ...(a.supportedBy ?? []), ...(a.opposedBy ?? [])]).filter((d) => /^D\d+$/.test(d));
  const log = JSON.parse(runNdraft(['log', '--json', '--draft', dir]).stdout) as { onBehalfOf: string }[];
  return { positions: positions.sort(), authors: log.map((e) => e.onBehalfOf).sort() };
}

async function runWriters(dir: string, env: Record<string, string>): Promise<RunResult[]> {
  return Promise.all(Array.from({ length: WRITERS }, (_, k) => runAsync(writerArgs(dir, k + 1), env)));
}

describe(`${WRITERS} writers at once`, () => {
  it('lose no change when they may wait long enough', async () => {
    const dir = copyBundledDraft();
    const results = await runWriters(dir, { NDRAFT_LOCK_TIMEOUT: '60' });
    for (const r of results) expect(r.status, r.stderr).toBe(0);
    const all = Array.from({ length: WRITERS }, (_, k) => `D${k + 1}`).sort();
    expect(recorded(dir)).toEqual({ positions: all, authors: all });
    expect(runNdraft(['validate', '--draft', dir]).status).toBe(0);
  }, 60_000);

  it('with a short wait: each one either made its change or said it is busy and made none', async () => {
    const dir = copyBundledDraft();
    const results = await runWriters(dir, { NDRAFT_LOCK_TIMEOUT: '0.2' });
    const made = new Set<string>();
    results.forEach((r, k) => {
      const delegation = `D${k + 1}`;
      if (r.status === 0) {
        expect(r.stdout).toMatch(new RegExp(`^✓ ${delegation} (supports|opposes) `));
        made.add(delegation);
      } else {
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toMatch(BUSY);
        expect(r.stdout).toBe('');
      }
    });
    expect(made.size).toBeGreaterThan(0);
    expect(recorded(dir)).toEqual({ positions: [...made].sort(), authors: [...made].sort() });
    expect(runNdraft(['validate', '--draft', dir]).status).toBe(0);
  }, 60_000);

  it('all give up while the lock is held, the draft unchanged; readers are not held up', async () => {
    const dir = copyBundledDraft();
    const before = snapshotFiles(dir);
    const release = await acquireDraftLock(dir, { timeoutMs: 0, command: 'test' });
    try {
      const results = await runWriters(dir, { NDRAFT_LOCK_TIMEOUT: '0.1' });
      for (const r of results) {
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toMatch(BUSY);
        expect(r.stderr).toContain(`held by pid ${process.pid} `);
        expect(r.stderr).toContain('running "test"');
      }
      expect(snapshotFiles(dir)).toEqual(before);
      const readers = [['status'], ['show', '61'], ['validate'], ['export'], ['log'], ['diff', '61']];
      const read = await Promise.all(readers.map((args) => runAsync([...args, '--draft', dir], { NDRAFT_LOCK_TIMEOUT: '0' })));
      read.forEach((r, k) => expect(r.status, `${readers[k]?.join(' ')}: ${r.stderr}`).toBe(0));
    } finally {
      release();
    }
  }, 60_000);
});
