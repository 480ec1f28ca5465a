import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { contentHash } from '../../../src/store/parse-cache.js';
import { fakeIo, makeTempDir, REPO_ROOT, removeTempDirs } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

const HEADER = 128;

/** The rows of the parse cache's index, by file name: [name, ino, size, mtimeMs, ctimeMs, hash, …]. */
function cacheRows(dir: string): Map<string, unknown[]> {
  const bytes = readFileSync(join(dir, '.ndraft', 'cache'));
  const indexLength = Number(/^ndraft-cache (\d+) /.exec(bytes.subarray(0, HEADER).toString('latin1'))?.[1]);
  const index = JSON.parse(bytes.subarray(HEADER, HEADER + indexLength).toString('utf8')) as { rows: unknown[][] };
  return new Map(index.rows.map((row) => [row[0] as string, row]));
}

const run = async (args: readonly string[]): Promise<string> => {
  const io = fakeIo();
  expect(await main(args as string[], io), io.err).toBe(0);
  return io.out;
};

describe('import --into: the parse cache', () => {
  let text: string;
  beforeAll(() => {
    text = makeTempDir('into-cache-text');
    const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'generate-draft.mjs'), '--paragraphs', '300', '--seed', '5', '--out', text], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
  });

  it('is saved by the change with what the check learned of the files it left alone', async () => {
    const dir = join(makeTempDir('into-cache'), 'draft');
    await run(['import', join(text, 'rev1.txt'), '--out', dir]);
    const names = readdirSync(join(dir, 'paragraphs')).map((name) => `paragraphs/${name}`);
    const identityKnown = (name: string) => cacheRows(dir).get(name)?.[1] === statSync(join(dir, name)).ino && cacheRows(dir).get(name)?.[4] === statSync(join(dir, name)).ctimeMs;
    // Files touched (a checkout, a copy): their identity changed, their content did not; a command
    // saves the cache (so that they are older than it), but cannot record them yet.
    const touched = names.filter((_, i) => i % 5 === 0);
    for (const name of touched) utimesSync(join(dir, name), new Date(), new Date());
    await new Promise((resolve) => setTimeout(resolve, 20));
    await run(['status', '--draft', dir]);
    expect(touched.filter(identityKnown)).toEqual([]);
    const before = new Map(names.map((name) => [name, contentHash(readFileSync(join(dir, name)))]));

    expect(await run(['import', join(text, 'rev2.txt'), '--into', dir, '--as', 'Rev.2', '-m', 'Rev.2'])).toContain('as revision Rev.2');
    const rows = cacheRows(dir);
    const left = touched.filter((name) => before.get(name) === contentHash(readFileSync(join(dir, name))));
    expect(left.length).toBeGreaterThan(touched.length / 2);
    expect(left.filter((name) => !identityKnown(name))).toEqual([]);
    // Every file's current content is in the cache, under its name.
    for (const name of names) expect(rows.get(name)?.[5], name).toBe(contentHash(readFileSync(join(dir, name))));
  });
});
