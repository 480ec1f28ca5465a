/**
 * Every writing command killed (SIGKILL, as kill -9) at each step that writes, renames or removes
 * a file (NDRAFT_FAULT_AT=<n>, see src/store/fault-point.ts), and at random moments. Afterwards
 * the draft validates, it holds either none of the change or all of it, the history agrees with
 * the paragraphs, and the next change (here `undo`) finishes or clears what the kill left.
 * NDRAFT_CRASH_RANDOM=<n> sets how many random kills are added (default 8).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { readHistory } from '../../src/history/history-store.js';
import { findLeftovers } from '../../src/store/leftovers.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BIN, copyBundledDraft, fakeIo, makeTempDir, removeTempDirs, REPO_ROOT, SMALL_TEXT } from '../helpers/sandbox.js';

// Hundreds of draft copies to remove: past vitest's 10 s for a hook on a busy machine.
afterAll(removeTempDirs, 120_000);

const SMALL_REV2 = join(REPO_ROOT, 'test', 'fixtures', 'small-draft-rev2.txt');
const RANDOM_KILLS = Number(process.env.NDRAFT_CRASH_RANDOM ?? 8);
const PARALLEL = 4;

interface Case {
  /** The command; `DIR` stands for the draft, else `--draft <dir>` is added. */
  args: string[];
  /** Changes made first, so that the command has something to work on. */
  prepare?: string[][];
  /** A change to make and undo after this command, when this command itself is not undone (undo, import). */
  next?: string[];
  /** A draft of its own, imported from SMALL_TEXT, rather than the bundled one. */
  small?: boolean;
  /**
   * Killed at every `stride`-th step (1, 1 + stride, …) rather than at every step: the commands
   * whose change takes the same steps as `accept`'s (one paragraph file and its history entry),
   * which is killed at every step. Each still meets kills before and after its change is made.
   */
  stride?: number;
}

const CASES: Case[] = [
  { args: ['accept', '61', 'Alt 3'] },
  { args: ['accept', '56', '--bracket', '1', '--option', '2'], stride: 3 },
  { args: ['agree', '48'], stride: 3 },
  { args: ['reopen', '39'], stride: 3 },
  { args: ['propose', '61', '--text', 'We agree.', '--by', 'EU'], stride: 3 },
  { args: ['support', '61', 'Alt 2', '--by', 'G77'], stride: 3 },
  { args: ['oppose', '61', 'Alt 1', '--by', 'EU'], stride: 3 },
  { args: ['merge', '61', 'Alt 1', 'Alt 2', '--apply'], stride: 3 },
  { args: ['restore', '61', 'Alt 1'], prepare: [['accept', '61', 'Alt 3']], stride: 3 },
  { args: ['undo'], prepare: [['accept', '61', 'Alt 3']], next: ['support', '61', 'Alt 1', '--by', 'Next'] },
  {
    args: ['import', 'TEXT', '--out', 'DIR', '--force', '--discard-history'],
    small: true,
    prepare: [['support', '3', 'Alt 2', '--by', 'EU']],
    next: ['support', '3', 'Alt 1', '--by', 'Next'],
  },
];

/** The commands that write draft.yaml: with a new paragraph file (add), alone (move), with files added, removed and a revision (import --into). */
const OUTLINE_CASES: Case[] = [
  { args: ['add', '61bis', '--after', '61', '--text', 'We note the [growing] threat of spam.'] },
  { args: ['move', '62', '--after', '64'] },
  // The small draft's Rev.2: 1 reworded, 2 dropped (3 is now 2, its positions kept), a new 3.
  { args: ['import', 'REV2', '--into', 'DIR', '--as', 'Rev.2'], small: true, prepare: [['support', '3', 'Alt 2', '--by', 'EU']] },
];

/** The command line for `dir`; TEXT is the small draft's text, REV2 a later revision of it. */
function argsFor(args: readonly string[], dir: string): string[] {
  const given = args.map((a) => (a === 'DIR' ? dir : a === 'TEXT' ? SMALL_TEXT : a === 'REV2' ? SMALL_REV2 : a));
  return args.includes('DIR') ? given : [...given, '--draft', dir];
}

interface State {
  paragraphs: unknown;
  commands: string[];
}

/** Runs ndraft in this process (it is not the one killed), as the user would on the command line. */
async function ndraft(dir: string, args: readonly string[]): Promise<{ status: number; out: string; err: string }> {
  const io = fakeIo(false, { NDRAFT_AUTHOR: 'Tester', NDRAFT_LOCK_TIMEOUT: '0' });
  const status = await main(argsFor(args, dir), io);
  return { status, out: io.out, err: io.err };
}

async function stateOf(dir: string): Promise<State> {
  const checked = await checkDraft(await loadDraft(dir));
  return { paragraphs: checked.draft?.paragraphs, commands: (await readHistory(dir)).entries.map((e) => e.command) };
}

/** The binary run on `dir`; killed at its n-th step, or after `killAfterMs`. */
function spawnWriter(dir: string, args: readonly string[], fault: { at?: number; killAfterMs?: number }): Promise<{ killed: boolean; status: number | null; stderr: string; ms: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NDRAFT_AUTHOR: 'Tester', ...(fault.at ? { NDRAFT_FAULT_AT: String(fault.at) } : {}) };
  delete env.FORCE_COLOR;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argsFor(args, dir)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = fault.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), fault.killAfterMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', status, stderr, ms: Date.now() - started });
    });
  });
}

/** What every kill must leave: a valid draft holding none or all of the change, which the next writer completes. */
async function checkAfterKill(dir: string, c: Case, before: State, after: State): Promise<'none' | 'all'> {
  const validate = await ndraft(dir, ['validate']);
  expect(validate.status, validate.out + validate.err).toBe(0);
  const seen = await stateOf(dir);
  const outcome = JSON.stringify(seen) === JSON.stringify(before) ? 'none' : 'all';
  expect(seen, `${c.args.join(' ')}: neither before nor after`).toEqual(outcome === 'none' ? before : after);

  if (outcome === 'all') {
    // An undo or an import is not undone; another change made and undone shows that undo works all the same.
    if (c.next) expect((await ndraft(dir, c.next)).status).toBe(0);
    const undo = await ndraft(dir, ['undo']);
    expect(undo.status, undo.err).toBe(0);
    expect((await stateOf(dir)).paragraphs).toEqual(c.next ? after.paragraphs : before.paragraphs);
  } else {
    const again = await ndraft(dir, c.args);
    expect(again.status, again.err).toBe(0);
    expect(await stateOf(dir)).toEqual(after);
  }
  expect(findLeftovers(dir)).toEqual([]);
  expect(readdirSync(join(dir, '.ndraft', 'journal'))).toEqual([]);
  expect(existsSync(join(dir, '.ndraft', 'lock'))).toBe(false);
  for (const folder of ['paragraphs', 'history', '.ndraft']) {
    if (existsSync(join(dir, folder))) expect(readdirSync(join(dir, folder)).filter((n) => n.includes('ndraft-tmp'))).toEqual([]);
  }
  return outcome;
}

/** A draft imported from SMALL_TEXT, at `<root>/<name>`. */
async function importSmall(root: string, name: string): Promise<string> {
  const dir = join(root, name);
  expect(await main(['import', SMALL_TEXT, '--out', dir], fakeIo())).toBe(0);
  return dir;
}

/** Runs `jobs` at most PARALLEL at a time. */
async function inParallel<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await (jobs[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

/** Kills each case's command at every step and, `randomKills` times, at a random moment; checks all or nothing each time. */
async function killEverywhere(cases: readonly Case[], randomKills: number, minimumKills: number): Promise<void> {
  const root = makeTempDir('crash');
  const prepared = await Promise.all(
    cases.map(async (c, k) => {
      const base = c.small ? await importSmall(root, `base-${k}`) : copyBundledDraft(`base-${k}`, root);
      for (const args of c.prepare ?? []) expect((await ndraft(base, args)).status).toBe(0);
      const complete = join(root, `complete-${k}`);
      cpSync(base, complete, { recursive: true });
      const run = await spawnWriter(complete, c.args, {});
      expect(run.status, run.stderr).toBe(0);
      return { c, base, before: await stateOf(base), after: await stateOf(complete), ms: run.ms };
    }),
  );

  let copies = 0;
  const copyOf = (base: string) => {
    const dir = join(root, `run-${copies++}`);
    cpSync(base, dir, { recursive: true });
    return dir;
  };
  /** Kills at step 1, 2, … until the command runs to its end: every step of the case. */
  const everyStep = prepared.map((p) => async () => {
    const outcomes: string[] = [];
    for (let at = 1; ; at += p.c.stride ?? 1) {
      const dir = copyOf(p.base);
      const run = await spawnWriter(dir, p.c.args, { at });
      if (!run.killed) {
        expect(run.status, run.stderr).toBe(0);
        expect(await stateOf(dir)).toEqual(p.after);
        return outcomes;
      }
      outcomes.push(await checkAfterKill(dir, p.c, p.before, p.after));
    }
  });
  const random = Array.from({ length: randomKills }, (_, k) => async () => {
    const p = prepared[k % prepared.length] as (typeof prepared)[number];
    const dir = copyOf(p.base);
    const run = await spawnWriter(dir, p.c.args, { killAfterMs: Math.random() * p.ms * 1.2 });
    if (!run.killed) return run.status === 0 ? 'finished' : `failed: ${run.stderr}`;
    return checkAfterKill(dir, p.c, p.before, p.after);
  });

  const steps = await inParallel(everyStep);
  const moments = await inParallel(random);
  const kills = steps.flat().length + moments.filter((m) => m === 'none' || m === 'all').length;
  // Every step kills once before the change is made and after it.
  for (const outcomes of steps) expect(new Set(outcomes)).toEqual(new Set(['none', 'all']));
  expect(moments.filter((m) => m.startsWith('failed'))).toEqual([]);
  expect(steps.flat().length + randomKills).toBeGreaterThanOrEqual(minimumKills);
  expect(kills).toBeGreaterThan(0);
  const perCommand = prepared.map((p, k) => `${p.c.args[0]} ${steps[k]?.length}`).join(', ');
  console.log(`crash test: ${steps.flat().length} kills at every step (${perCommand}); ${randomKills} random moments: ${moments.join(' ')}`);
}

/** Over a hundred spawned writers: ~95 s alone on the shared 2-core machine at load 11, past 120 s while the rest of the suite runs. */
const CRASH_TIMEOUT_MS = 300_000;

describe('a writing command killed at any step', () => {
  it(`leaves all or nothing of its change, for ${CASES.length} commands at every step (or every third) and ${RANDOM_KILLS} random moments`, () => killEverywhere(CASES, RANDOM_KILLS, 40), CRASH_TIMEOUT_MS);
  it('leaves all or nothing of a change to draft.yaml (add, move, import --into), at every step and a few random moments', () => killEverywhere(OUTLINE_CASES, 4, 10), CRASH_TIMEOUT_MS);
});
