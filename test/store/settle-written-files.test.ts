import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Draft } from '../../src/model/schemas.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { contentHash, openParseCache } from '../../src/store/parse-cache.js';
import { settleWrittenFiles } from '../../src/store/settle-written-files.js';
import { BACKGROUND_WRITE_MIN_FILES } from '../../src/store/write-files.js';
import { writeDraftFolder } from '../../src/store/write-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT, fakeIo, makeTempDir, REPO_ROOT, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const HEADER = 128;
const cacheFile = (dir: string) => join(dir, '.ndraft', 'cache');

/** The cache file read whole: the index, and each row's paragraph JSON by file name. */
function readCache(dir: string): { draft: unknown; rows: Map<string, unknown[]>; paragraphs: Map<string, string> } {
  const bytes = readFileSync(cacheFile(dir));
  const indexLength = Number(/^ndraft-cache (\d+) /.exec(bytes.subarray(0, HEADER).toString('latin1'))?.[1]);
  const index = JSON.parse(bytes.subarray(HEADER, HEADER + indexLength).toString('utf8')) as { draft: unknown; rows: unknown[][]; slices: number[] };
  const body = bytes.subarray(HEADER + indexLength);
  const rows = new Map<string, unknown[]>();
  const paragraphs = new Map<string, string>();
  index.rows.forEach((row, i) => {
    rows.set(row[0] as string, row);
    const start = index.slices[2 * i] as number;
    paragraphs.set(row[0] as string, body.toString('utf8', start, start + (index.slices[2 * i + 1] as number)));
  });
  return { draft: index.draft, rows, paragraphs };
}

const run = async (args: readonly string[]): Promise<string> => {
  const io = fakeIo();
  expect(await main(args as string[], io), io.err).toBe(0);
  return io.out;
};

/** The draft folder once a command has run on it with no cache, then once more: what that cache holds when settled. */
async function cacheAfterValidate(dir: string): Promise<ReturnType<typeof readCache>> {
  rmSync(join(dir, '.ndraft', 'cache'));
  await run(['validate', '--draft', dir]);
  await run(['validate', '--draft', dir]);
  return readCache(dir);
}

describe('an imported draft: its parse cache is what later commands would write', () => {
  let text: string;
  beforeAll(() => {
    text = makeTempDir('settle-text');
    // More paragraphs than the files written on this thread: those of a large draft are written on another.
    const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'generate-draft.mjs'), '--paragraphs', String(BACKGROUND_WRITE_MIN_FILES + 100), '--seed', '4', '--out', text], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
  });

  it('every file with its identity, problems and counts: the first command reads no file and rewrites nothing', async () => {
    const dir = join(makeTempDir('settle-import'), 'draft');
    await run(['import', join(text, 'rev1.txt'), '--out', dir]);
    const imported = readCache(dir);
    const bytes = readFileSync(cacheFile(dir));
    const files = readdirSync(join(dir, 'paragraphs'));
    expect(imported.rows.size).toBe(files.length);
    for (const name of files) {
      const stats = statSync(join(dir, 'paragraphs', name));
      expect(imported.rows.get(`paragraphs/${name}`)?.slice(1, 6)).toEqual([stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs, contentHash(readFileSync(join(dir, 'paragraphs', name)))]);
    }
    const shown = await run(['validate', '--draft', dir]);
    const status = await run(['status', '--draft', dir]);
    // Nothing learned, so nothing saved: the import left nothing for a command to add.
    expect(readFileSync(cacheFile(dir)).equals(bytes)).toBe(true);

    // The same, row for row, as the cache `validate` builds from the files themselves.
    const rebuilt = await cacheAfterValidate(dir);
    expect(rebuilt.draft).toEqual(imported.draft);
    expect(new Map([...rebuilt.rows].sort())).toEqual(new Map([...imported.rows].sort()));
    expect(new Map([...rebuilt.paragraphs].sort())).toEqual(new Map([...imported.paragraphs].sort()));
    expect(await run(['validate', '--draft', dir])).toBe(shown);
    expect(await run(['status', '--draft', dir])).toBe(status);
  });

  it('an edit made right after the import, of the same size with the mtime put back, is seen', async () => {
    const dir = join(makeTempDir('settle-edit'), 'draft');
    await run(['import', join(text, 'rev1.txt'), '--out', dir]);
    const path = join(dir, 'paragraphs', readdirSync(join(dir, 'paragraphs'))[0] as string);
    const before = statSync(path, { bigint: true });
    const original = readFileSync(path, 'utf8');
    const edited = original.replace(/text: (\S)/, (_, c: string) => `text: ${c === 'Z' ? 'Y' : 'Z'}`);
    expect(edited).not.toBe(original);
    expect(BigInt(Buffer.byteLength(edited))).toBe(before.size);
    writeFileSync(path, edited);
    // The mtime put back to the nanosecond (utimes takes seconds as a double, which cannot say every nanosecond).
    const mtime = `@${before.mtimeNs / 1_000_000_000n}.${String(before.mtimeNs % 1_000_000_000n).padStart(9, '0')}`;
    expect(spawnSync('touch', ['-m', '-d', mtime, path]).status).toBe(0);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    const loaded = await loadDraft(dir);
    expect(loaded.paragraphs.find((p) => p.file === path)?.hash).toBe(contentHash(Buffer.from(edited)));
  });

  it('a tampered cache is not trusted: a changed index is no cache, a changed paragraph is read from its file', async () => {
    const dir = join(makeTempDir('settle-tamper'), 'draft');
    await run(['import', join(text, 'rev1.txt'), '--out', dir]);
    const shown = await run(['export', '--draft', dir]);
    const status = await run(['status', '--draft', dir]);
    const bytes = readFileSync(cacheFile(dir));
    const indexLength = Number(/^ndraft-cache (\d+) /.exec(bytes.subarray(0, HEADER).toString('latin1'))?.[1]);
    // A paragraph's counts in the index changed (its SHA-1 no longer matches): status counts from the files.
    const index = Buffer.from(bytes);
    const at = index.indexOf('[1,', HEADER);
    expect(at).toBeGreaterThan(HEADER);
    index.write('[2,', at, 'latin1');
    writeFileSync(cacheFile(dir), index);
    expect(await run(['status', '--draft', dir])).toBe(status);
    // A word of the first paragraph changed in the paragraphs part (its checksum no longer matches).
    await run(['export', '--draft', dir]);
    const saved = readFileSync(cacheFile(dir));
    const word = saved.indexOf('"text":"', HEADER + indexLength);
    saved[word + 8] = saved[word + 8] === 0x5a ? 0x59 : 0x5a;
    writeFileSync(cacheFile(dir), saved);
    expect(await run(['export', '--draft', dir])).toBe(shown);
  });
});

describe('settleWrittenFiles', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;
  });

  it('a draft written on this thread (few files) is settled as well', async () => {
    const dir = join(makeTempDir('settle-small'), 'draft');
    await writeDraftFolder(draft, dir, { force: false, verify: async (written) => void (await checkDraft(written)) });
    const cached = readCache(dir);
    expect([...cached.rows.values()].filter((row) => row[1] === null)).toEqual([]);
    expect(cached.rows.size).toBe(draft.paragraphs.length);
    const before = readFileSync(cacheFile(dir));
    await checkDraft(await loadDraft(dir));
    expect(readFileSync(cacheFile(dir)).equals(before)).toBe(true);
  });

  it('records no identity for a file whose ctime the clock has not passed', () => {
    const dir = makeTempDir('settle-clock');
    const cache = openParseCache(dir);
    const paragraph = { address: '1', number: '1', status: 'open' as const, bracketed: false, text: 't', items: [], alternatives: [] };
    cache.set('a', { paragraph });
    cache.set('b', { paragraph: { ...paragraph, address: '2', number: '2' } });
    const old = { ino: 1, size: 10, mtimeMs: 1_000, ctimeMs: 1_000 };
    const future = { ino: 2, size: 10, mtimeMs: Date.now() + 3_600_000, ctimeMs: Date.now() + 3_600_000 };
    settleWrittenFiles(cache, dir, [
      { name: 'paragraphs/001.yaml', hash: 'a', stats: old },
      { name: 'paragraphs/002.yaml', hash: 'b', stats: future },
    ]);
    cache.save();
    const rows = readCache(dir).rows;
    expect(rows.get('paragraphs/001.yaml')?.slice(1, 6)).toEqual([1, 10, 1_000, 1_000, 'a']);
    expect(rows.get('paragraphs/002.yaml')).toBeUndefined();
    // The clock file is gone.
    expect(readdirSync(dir)).toEqual(['.ndraft']);
  });
});
