import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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

  it('records the identities of the files the change wrote, and so does its undo: the next command reads none; an edit right after is still seen', async () => {
    const dir = join(makeTempDir('into-identities'), 'draft');
    await run(['import', join(text, 'rev1.txt'), '--out', dir]);
    const names = readdirSync(join(dir, 'paragraphs')).map((name) => `paragraphs/${name}`);
    const contents = () => new Map(names.map((name) => [name, contentHash(readFileSync(join(dir, name)))]));
    const identityKnown = (name: string) => {
      const row = cacheRows(dir).get(name);
      const stats = statSync(join(dir, name));
      return row?.[1] === stats.ino && row[4] === stats.ctimeMs && row[5] === contentHash(readFileSync(join(dir, name)));
    };
    const before = contents();
    await run(['import', join(text, 'rev2.txt'), '--into', dir, '--as', 'Rev.2']);
    const written = names.filter((name) => contents().get(name) !== before.get(name));
    expect(written.length).toBeGreaterThan(20);
    expect(written.filter((name) => !identityKnown(name))).toEqual([]);
    await run(['undo', '--draft', dir]);
    expect(written.filter((name) => contents().get(name) !== before.get(name))).toEqual([]);
    expect(written.filter((name) => !identityKnown(name))).toEqual([]);

    // Edited at once, keeping its size: a new ctime, so the next command reads it.
    const edited = written[0] as string;
    const yaml = readFileSync(join(dir, edited), 'utf8');
    const changed = yaml.replace(/(text: .*?)([a-z])(?=[^a-z])/u, (_, head: string, letter: string) => `${head}${letter === 'x' ? 'y' : 'x'}`);
    expect(changed).not.toBe(yaml);
    expect(changed.length).toBe(yaml.length);
    writeFileSync(join(dir, edited), changed);
    const address = /^address: "?([^"\n]*)"?$/mu.exec(yaml)?.[1] as string;
    expect(await run(['show', address, '--json', '--draft', dir])).toContain(/(text: )(.*)$/mu.exec(changed)?.[2]?.slice(0, 60) ?? '?');
  });
});
