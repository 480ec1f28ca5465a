/**
 * The bundled draft is the seed as imported, plus one recorded change: the scope of 61's
 * alternatives. The seed's import with that change made (as the helpers make it) must be
 * drafts/ in the repository byte for byte, history included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundledDraft, removeTempDirs, REPO_ROOT, runNdraft } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const SHIPPED = join(REPO_ROOT, 'drafts', 'wsis-tunis-internet-governance');

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name === '.ndraft') continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('the bundled draft', () => {
  it('is the seed as imported, then "scope 61 --insert-after-sentence 1", file for file', () => {
    const shipped = files(SHIPPED);
    const rebuilt = files(copyBundledDraft('shipped', undefined, { asShipped: true }));
    expect([...shipped.keys()].sort()).toEqual([...rebuilt.keys()].sort());
    for (const [name, text] of rebuilt) expect(shipped.get(name), name).toBe(text);
  });

  it('says so in its history, and 61 reads as the Tunis Agenda did', () => {
    const log = runNdraft(['log', '--draft', SHIPPED, '--json']);
    expect(log.status).toBe(0);
    const entries = JSON.parse(log.stdout) as { command: string; author: string }[];
    expect(entries.map((e) => [e.command, e.author])).toEqual([['scope 61 --insert-after-sentence 1', 'ndraft maintainers']]);
    const show = runNdraft(['show', '61', '--draft', SHIPPED]);
    expect(show.stdout).toContain('Alt 3 — to insert after sentence 1\n');
  });
});
