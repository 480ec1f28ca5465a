/**
 * A new draft's import killed (SIGKILL) at any moment, while its files are still being written on
 * the other thread, batch after batch (`startWriting`): the target folder is absent or whole, never
 * half written; what the kill left behind is a leftover (`findLeftovers`), and importing again works.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeftovers } from '../../src/store/leftovers.js';
import { BACKGROUND_WRITE_MIN_FILES } from '../../src/store/write-files.js';
import { BIN, makeTempDir, removeTempDirs, REPO_ROOT, runNdraft, snapshotFiles } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

/** Moments to kill at, as shares of an uninterrupted import's time: before, while and after the files are written. */
const MOMENTS = [0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.05];

function importKilledAfter(text: string, out: string, ms: number | undefined): Promise<{ killed: boolean; status: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', text, '--out', out], { env: { ...process.env, NDRAFT_AUTHOR: 'Tester', NO_COLOR: '1' }, stdio: 'ignore' });
    const timer = ms === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', status, ms: Date.now() - started });
    });
  });
}

/** The folder's files but the lines that differ from one import to the next (the revision's time). */
function contentOf(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotFiles(dir)).map(([name, bytes]) => [name, bytes.toString('utf8').replace(/^time: .*$/m, 'time: …')]));
}

describe('import of a new draft, killed while its files are written on another thread', () => {
  let text: string;
  let whole: Record<string, string>;
  let ms: number;
  beforeAll(async () => {
    const folder = makeTempDir('import-killed-text');
    const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'generate-draft.mjs'), '--paragraphs', String(BACKGROUND_WRITE_MIN_FILES + 300), '--seed', '7', '--out', folder], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    text = join(folder, 'rev1.txt');
    const complete = join(makeTempDir('import-killed-complete'), 'draft');
    const run = await importKilledAfter(text, complete, undefined);
    expect(run.status).toBe(0);
    whole = contentOf(complete);
    ms = run.ms;
  });

  it('leaves the folder absent or whole at every moment; importing again works', async () => {
    expect(Object.keys(whole).filter((name) => name.startsWith('paragraphs/'))).toHaveLength(BACKGROUND_WRITE_MIN_FILES + 300);
    const outcomes: string[] = [];
    for (const share of MOMENTS) {
      const out = join(makeTempDir('import-killed'), 'draft');
      const run = await importKilledAfter(text, out, share * ms);
      if (!run.killed) {
        expect(run.status).toBe(0);
        outcomes.push('finished');
      } else if (existsSync(out)) {
        outcomes.push('whole');
      } else {
        outcomes.push('absent');
        // A kill before the folder is put in place leaves at most its staging folder beside it, a leftover of a dead process.
        expect(readdirSync(dirname(out)).length).toBeLessThanOrEqual(1);
        expect(findLeftovers(out)).toEqual(readdirSync(dirname(out)).map((name) => join(dirname(out), name)));
        const again = runNdraft(['import', text, '--out', out], { env: { NDRAFT_AUTHOR: 'Tester' } });
        expect(again.status, again.stderr).toBe(0);
      }
      expect(contentOf(out), `killed at ${share} of the import`).toEqual(whole);
      const validate = runNdraft(['validate', '--draft', out]);
      expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    }
    // Most moments fall while the import runs (the machine's load moves them; not all need be kills).
    expect(outcomes.filter((o) => o !== 'finished').length, outcomes.join(', ')).toBeGreaterThan(0);
  }, 180_000);
});
