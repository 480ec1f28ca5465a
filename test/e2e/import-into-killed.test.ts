/**
 * `import --into` of a large draft (its ~20 % changed paragraphs staged on the writing thread,
 * `beginManyChanges`, while they are checked) killed (SIGKILL) at any moment: the draft reads as
 * it was or as the whole change left it, never half of it; it validates, and the next writer
 * finishes or clears what the kill left, so that the import then works or is already made.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_WRITE_MIN_FILES } from '../../src/store/write-files.js';
import { BIN, makeTempDir, removeTempDirs, REPO_ROOT, runNdraft } from '../helpers/sandbox.js';

// Each draft is 3,500 files: removing them all takes a while on a busy disk.
afterAll(removeTempDirs, 120_000);

/** Moments to kill at, as shares of an uninterrupted run's time: from the reading of the text to after the renames. */
const MOMENTS = [0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 1.05];
const env = { NDRAFT_AUTHOR: 'Tester', NO_COLOR: '1' };

function importIntoKilledAfter(text: string, dir: string, ms: number | undefined): Promise<{ killed: boolean; status: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', text, '--into', dir, '--as', 'Rev.2'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const timer = ms === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', status, ms: Date.now() - started });
    });
  });
}

/**
 * The draft as a reader sees it (a change whose journal is in place included): every paragraph
 * and the outline. Without the revision it matches: a reader finds revisions in their folder,
 * where a change's manifest appears when the change is finished, not while it is pending.
 */
function readerView(dir: string): string {
  const out = join(dir, '..', 'view.json');
  const exported = runNdraft(['export', '--format', 'json', '--draft', dir, '-o', out, '--force'], { env });
  expect(exported.status, exported.stderr).toBe(0);
  const { revision: _, ...view } = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
  return JSON.stringify(view);
}

describe('import --into of a large draft, killed while its files are staged and put in place', () => {
  let texts: string;
  let before: string;
  let after: string;
  let ms: number;
  const imported = (name: string) => {
    const dir = join(makeTempDir(`into-killed-${name}`), 'draft');
    const run = runNdraft(['import', join(texts, 'rev1.txt'), '--out', dir], { env });
    expect(run.status, run.stderr).toBe(0);
    return dir;
  };
  beforeAll(async () => {
    texts = makeTempDir('into-killed-text');
    const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'generate-draft.mjs'), '--paragraphs', String(BACKGROUND_WRITE_MIN_FILES * 7), '--seed', '3', '--out', texts], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    const complete = imported('complete');
    before = readerView(complete);
    const started = Date.now();
    const run = runNdraft(['import', join(texts, 'rev2.txt'), '--into', complete, '--as', 'Rev.2'], { env });
    ms = Date.now() - started;
    expect(run.status, run.stderr).toBe(0);
    // ~20 % of the paragraphs changed: enough for them to be staged on the writing thread.
    expect(Number(/updated +(\d+)/u.exec(run.stdout)?.[1])).toBeGreaterThan(BACKGROUND_WRITE_MIN_FILES);
    after = readerView(complete);
    expect(after).not.toBe(before);
  }, 120_000);

  it('leaves the draft as it was or as the whole change left it at every moment; the next writer goes on from there', async () => {
    const outcomes: string[] = [];
    for (const share of MOMENTS) {
      const dir = imported(String(share));
      const run = await importIntoKilledAfter(join(texts, 'rev2.txt'), dir, share * ms);
      const view = readerView(dir);
      expect([before, after], `killed at ${share} of the import`).toContain(view);
      const validate = runNdraft(['validate', '--draft', dir], { env });
      expect(validate.status, validate.stdout + validate.stderr).toBe(0);
      outcomes.push(!run.killed ? 'finished' : view === before ? 'before' : 'after');
      // Importing again finishes or clears what the kill left, under the lock: made once, whole.
      const again = runNdraft(['import', join(texts, 'rev2.txt'), '--into', dir, '--as', 'Rev.2'], { env });
      if (view === before) expect(again.status, again.stderr).toBe(0);
      else expect(again.stderr).toContain('there is already a revision "Rev.2"');
      expect(readerView(dir)).toBe(after);
      expect(readdirSync(join(dir, 'revisions')).filter((name) => name.endsWith('.yaml')).sort()).toEqual(['Rev.2.yaml', 'import.yaml']);
      expect(readdirSync(join(dir, '.ndraft', 'journal'))).toEqual([]);
      rmSync(dirname(dir), { recursive: true, force: true });
    }
    // Most moments fall while the import runs (the machine's load moves them; not all need be kills).
    expect(outcomes.filter((o) => o !== 'finished').length, outcomes.join(', ')).toBeGreaterThan(0);
  }, 300_000);
});
