import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { paragraphFileName } from '../../src/store/paragraph-file-name.js';
import { contentHash, openParseCache } from '../../src/store/parse-cache.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { copyBundledDraft, editFile, fakeIo, makeTempDir, REPO_ROOT, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const cacheFile = (dir: string) => join(dir, '.ndraft', 'cache');

const HEADER = 128;

/** The index part of the cache file: after a 128-byte header that gives its length in bytes. */
function indexLengthOf(bytes: Buffer): number {
  return Number(/^ndraft-cache (\d+) \d+ [0-9a-f]{40}\n/.exec(bytes.subarray(0, HEADER).toString('latin1'))?.[1]);
}

function readIndex(dir: string): { rows: unknown[][]; slices: number[] } {
  const bytes = readFileSync(cacheFile(dir));
  return JSON.parse(bytes.subarray(HEADER, HEADER + indexLengthOf(bytes)).toString('utf8'));
}

/** A file's row in the index: [name, ino, size, mtimeMs, ctimeMs, hash, number, counts, problems]. */
const rowOf = (dir: string, name: string) => readIndex(dir).rows.find((row) => row[0] === name);

const paragraph = { address: '1', number: '1', status: 'open' as const, bracketed: false, text: 't', items: [], alternatives: [] };

/** Saves a cache in `dir` once and returns its mtime: identities older than that are settled. */
function savedOnce(dir: string): number {
  const cache = openParseCache(dir);
  cache.setMeta('m', { title: 't', sections: [] });
  cache.save();
  return statSync(cacheFile(dir)).mtimeMs;
}

const stats = (ino: number, size: number, mtimeMs: number, ctimeMs: number) => ({ ino, size, mtimeMs, ctimeMs }) as Stats;

describe('contentHash', () => {
  it('is the SHA-1 of the bytes in hex, as git and the revision store name them', () => {
    expect(contentHash(Buffer.from('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(contentHash(new Uint8Array())).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });
});

describe('the parse cache: file identities', () => {
  it('knows a hash again only for the very same inode, size, mtime and ctime', () => {
    const dir = makeTempDir('cache-identity');
    // Saved once: identities older than that save may now be recorded.
    const settled = savedOnce(dir);
    const cache = openParseCache(dir);
    const old = stats(7, 100, settled - 5000, settled - 5000);
    cache.noteFile('paragraphs/001.yaml', 'h1', old);
    cache.set('h1', { paragraph });
    cache.save();

    const again = openParseCache(dir);
    expect(again.knownEntry('paragraphs/001.yaml', old)?.hash).toBe('h1');
    expect(again.knownEntry('paragraphs/001.yaml', old)?.entry.paragraph).toEqual(paragraph);
    expect(again.knownEntry('paragraphs/001.yaml', stats(8, 100, old.mtimeMs, old.ctimeMs))).toBeUndefined();
    expect(again.knownEntry('paragraphs/001.yaml', stats(7, 101, old.mtimeMs, old.ctimeMs))).toBeUndefined();
    expect(again.knownEntry('paragraphs/001.yaml', stats(7, 100, old.mtimeMs + 1, old.ctimeMs))).toBeUndefined();
    expect(again.knownEntry('paragraphs/001.yaml', stats(7, 100, old.mtimeMs, old.ctimeMs + 0.001))).toBeUndefined();
    expect(again.knownEntry('paragraphs/002.yaml', old)).toBeUndefined();
    // By content, the entry is still there whatever the identity.
    expect(again.get('h1')?.paragraph).toEqual(paragraph);
  });

  it('does not record an identity changed after the cache was last saved (it could change again within the same clock tick)', () => {
    const dir = makeTempDir('cache-racy');
    const settled = savedOnce(dir);
    const cache = openParseCache(dir);
    const racy = stats(7, 100, settled, settled);
    cache.noteFile('paragraphs/001.yaml', 'h1', racy);
    cache.set('h1', { paragraph });
    cache.save();
    expect(openParseCache(dir).knownEntry('paragraphs/001.yaml', racy)).toBeUndefined();
    expect(openParseCache(dir).get('h1')?.address).toBe('1');
  });

  it('records nothing on a draft that has never had a cache', () => {
    const dir = makeTempDir('cache-first');
    const cache = openParseCache(dir);
    const old = stats(7, 100, 1000, 1000);
    cache.noteFile('paragraphs/001.yaml', 'h1', old);
    cache.set('h1', { paragraph });
    cache.save();
    expect(openParseCache(dir).knownEntry('paragraphs/001.yaml', old)).toBeUndefined();
  });

  it('end to end: an edit of the same size with the mtime put back is still seen (the ctime moved)', async () => {
    const dir = copyBundledDraft('cache-e2e');
    const path = join(dir, 'paragraphs', '056.yaml');
    // A whole second, so that utimes can put it back exactly.
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    for (let i = 0; i < 3; i++) await checkDraft(await loadDraft(dir));
    const before = statSync(path);
    // The identity is known: an unchanged file would not even be read.
    expect(rowOf(dir, 'paragraphs/056.yaml')?.slice(1, 5)).toEqual([before.ino, before.size, before.mtimeMs, before.ctimeMs]);
    const edited = readFileSync(path, 'utf8').replace('management/development', 'management/deployments');
    expect(edited.length).toBe(readFileSync(path, 'utf8').length);
    writeFileSync(path, edited);
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    const { draft } = await checkDraft(await loadDraft(dir));
    expect(draft?.paragraphs.find((p) => p.number === '56')?.text).toContain('[management/deployments]');
    // And the cache has the new content under its own hash.
    expect(rowOf(dir, 'paragraphs/056.yaml')?.[5]).toBe(contentHash(Buffer.from(edited)));
  });
});

describe('the parse cache: draft.yaml', () => {
  it('an edit of the same size to draft.yaml, mtime put back, is seen', async () => {
    const dir = copyBundledDraft('cache-meta');
    const path = join(dir, 'draft.yaml');
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    for (let i = 0; i < 3; i++) await checkDraft(await loadDraft(dir));
    const text = readFileSync(path, 'utf8');
    const edited = text.replace('Internet governance', 'Internet Governance');
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const { meta } = await checkDraft(await loadDraft(dir));
    expect(meta?.title).toContain('Internet Governance');
  });
});

describe('the parse cache: index and paragraphs', () => {
  /** A draft loaded three times: identities recorded, problems and counts cached. */
  async function warmDraft(name: string): Promise<string> {
    const dir = copyBundledDraft(name);
    for (let i = 0; i < 3; i++) await checkDraft(await loadDraft(dir));
    return dir;
  }

  it('checks and counts from the index alone; a damaged paragraphs part means parsing the files again, silently', async () => {
    const dir = await warmDraft('cache-index');
    const fresh = (await checkDraft(await loadDraft(copyBundledDraft('cache-index-fresh')))).draft;
    const bytes = readFileSync(cacheFile(dir));
    // Damage the paragraphs part only, keeping its length.
    bytes.fill(0x7e, HEADER + indexLengthOf(bytes));
    writeFileSync(cacheFile(dir), bytes);
    const checked = await checkDraft(await loadDraft(dir));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.counts.get('61')?.alternatives).toBe(3);
    expect(checked.counts.size).toBe(38);
    expect(checked.draft?.paragraphs).toEqual(fresh?.paragraphs);
  });

  it('a paragraph whose checksum fails is parsed from its file; its neighbours are still served', async () => {
    const dir = await warmDraft('cache-one');
    const fresh = (await checkDraft(await loadDraft(copyBundledDraft('cache-one-fresh')))).draft;
    const bytes = readFileSync(cacheFile(dir));
    const index = readIndex(dir);
    const row = index.rows.findIndex((r) => r[0] === 'paragraphs/039.yaml');
    const [start, length] = [index.slices[2 * row] as number, index.slices[2 * row + 1] as number];
    const at = HEADER + indexLengthOf(bytes) + start;
    // A change that keeps the JSON valid: only the checksum tells.
    const text = bytes.toString('utf8', at, at + length).replace('"agreed"', '"open"  ');
    bytes.write(text, at, 'utf8');
    writeFileSync(cacheFile(dir), bytes);
    const loaded = await loadDraft(dir);
    expect(loaded.paragraphs.find((p) => p.file.endsWith('061.yaml'))?.constructor.name).toBe('ServedParagraph');
    expect(loaded.paragraphs.find((p) => p.file.endsWith('039.yaml'))?.constructor.name).not.toBe('ServedParagraph');
    const checked = await checkDraft(loaded);
    expect(checked.paragraph?.('39')).toEqual(fresh?.paragraphs.find((p) => p.number === '39'));
    expect(checked.paragraph?.('39')?.status).toBe('agreed');
  });

  it('a cache file cut short is ignored: every file is parsed again', async () => {
    const dir = await warmDraft('cache-short');
    const bytes = readFileSync(cacheFile(dir));
    writeFileSync(cacheFile(dir), bytes.subarray(0, bytes.length - 10));
    const { draft } = await checkDraft(await loadDraft(dir));
    expect(draft?.paragraphs.find((p) => p.number === '61')?.alternatives).toHaveLength(3);
  });
});

describe('the parse cache saved twice', () => {
  it('a second save with nothing learned in between writes the same bytes again, newer than what was written meanwhile', () => {
    const dir = makeTempDir('cache-twice');
    const cache = openParseCache(dir);
    cache.noteFile('paragraphs/001.yaml', 'h1');
    cache.set('h1', { paragraph });
    cache.save();
    const first = readFileSync(cacheFile(dir));
    const firstInode = statSync(cacheFile(dir)).ino;
    cache.save();
    expect(readFileSync(cacheFile(dir)).equals(first)).toBe(true);
    // Written anew (a new file renamed into place), so its mtime is that of the second save.
    expect(statSync(cacheFile(dir)).ino).not.toBe(firstInode);
    cache.noteFile('paragraphs/002.yaml', 'h1');
    cache.save();
    expect(rowOf(dir, 'paragraphs/002.yaml')?.[5]).toBe('h1');
  });
});

describe('the parse cache after a change', () => {
  const run = async (args: readonly string[]) => {
    const io = fakeIo();
    expect(await main(args as string[], io), io.err).toBe(0);
    return io.out;
  };

  it('a writer tells the cache what it wrote: the next command reads the new files from the cache, not parsing them', async () => {
    const dir = copyBundledDraft('cache-seeded');
    for (let i = 0; i < 3; i++) await checkDraft(await loadDraft(dir));
    await run(['note', '61', 'Chair to consult', '--draft', dir]);
    const file = join(dir, 'paragraphs', '061.yaml');
    expect(rowOf(dir, 'paragraphs/061.yaml')?.[5]).toBe(contentHash(readFileSync(file)));
    const loaded = await loadDraft(dir);
    expect(loaded.paragraphs.find((p) => p.file === file)?.constructor.name).toBe('ServedParagraph');
    expect((await checkDraft(loaded)).paragraph?.('61')?.notes?.[0]?.text).toBe('Chair to consult');

    // A paragraph added (draft.yaml changed too), then taken back by undo (its file removed).
    await run(['add', '61bis', '--after', '61', '--text', 'We note the [new] text.', '--draft', dir]);
    expect(rowOf(dir, 'paragraphs/061bis.yaml')?.[5]).toBe(contentHash(readFileSync(join(dir, 'paragraphs', '061bis.yaml'))));
    const index = readIndex(dir) as unknown as { draft: { hash: string } };
    expect(index.draft.hash).toBe(contentHash(readFileSync(join(dir, 'draft.yaml'))));
    await run(['undo', '--draft', dir]);
    expect(rowOf(dir, 'paragraphs/061bis.yaml')).toBeUndefined();
    const after = await checkDraft(await loadDraft(dir));
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(after.paragraph?.('61bis')).toBeUndefined();
  });

  /** A 300-paragraph draft from the benchmark's generator (`seed`), imported: its text folder and the draft. */
  const generatedDraft = async (seed: number): Promise<{ text: string; dir: string }> => {
    const text = makeTempDir('cache-large-text');
    const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'generate-draft.mjs'), '--paragraphs', '300', '--seed', String(seed), '--out', text], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    const dir = join(makeTempDir('cache-large'), 'draft');
    await run(['import', join(text, 'rev1.txt'), '--out', dir]);
    return { text, dir };
  };

  it('a command that learns only a few identities (under 1 % of the files) leaves the cache file as it was', async () => {
    const { text, dir } = await generatedDraft(2);
    const first = JSON.parse(readFileSync(join(text, 'manifest.json'), 'utf8')).showParagraph as string;
    for (let i = 0; i < 2; i++) await run(['status', '--draft', dir]);
    await run(['note', first, 'A note', '--draft', dir]);
    const written = readFileSync(cacheFile(dir));
    // The note's file is hashed again (its identity was not recorded by the writer), but not saved for that alone.
    expect(await run(['show', first, '--draft', dir])).toContain('A note');
    await run(['status', '--draft', dir]);
    expect(readFileSync(cacheFile(dir)).equals(written)).toBe(true);
    // Content the cache does not hold is saved at once.
    editFile(dir, `paragraphs/${paragraphFileName(first)}`, (t) => t.replace('A note', 'A note, edited by hand'));
    expect(await run(['show', first, '--draft', dir])).toContain('edited by hand');
    expect(readFileSync(cacheFile(dir)).equals(written)).toBe(false);
  });

  it('a copy of a draft (files newer than its cache) settles in two runs, then no file is read to be known', async () => {
    // Over a hundred files, so that what any run learns of draft.yaml alone (1 %) saves nothing.
    const { dir: source } = await generatedDraft(3);
    await run(['status', '--draft', source]);
    const dir = join(makeTempDir('cache-copy'), 'draft');
    cpSync(source, dir, { recursive: true });
    // The copy's files changed after its cache was written, whatever order cp took them in.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const names = readdirSync(join(dir, 'paragraphs')).map((name) => `paragraphs/${name}`);
    for (const name of names) utimesSync(join(dir, name), new Date(), new Date());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const recorded = () => names.filter((name) => rowOf(dir, name)?.[1] === statSync(join(dir, name)).ino).length;
    expect(recorded()).toBe(0);
    const before = statSync(cacheFile(dir)).mtimeMs;
    await run(['status', '--draft', dir]);
    // Nothing could be recorded yet, but the cache was written, so that the files are now older than it.
    expect(statSync(cacheFile(dir)).mtimeMs).toBeGreaterThan(before);
    await run(['status', '--draft', dir]);
    expect(recorded()).toBe(names.length);
  });
});
