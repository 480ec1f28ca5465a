import { readFileSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NdraftError } from '../../src/diagnostics/diagnostic.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { contentHash, openParseCache } from '../../src/store/parse-cache.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { copyBundledDraft, makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const cacheFile = (dir: string) => join(dir, '.ndraft', 'cache');

/** The index part of the cache file: after a 64-byte header that gives its length in bytes. */
function readIndex(dir: string): { rows: unknown[][] } {
  const bytes = readFileSync(cacheFile(dir));
  const length = Number(/^ndraft-cache (\d+) \d+\n/.exec(bytes.subarray(0, 64).toString('latin1'))?.[1]);
  return JSON.parse(bytes.subarray(64, 64 + length).toString('utf8'));
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

  it('checks and counts from the index alone; the paragraphs part is read only when a paragraph is asked for', async () => {
    const dir = await warmDraft('cache-index');
    const bytes = readFileSync(cacheFile(dir));
    const indexLength = Number(/^ndraft-cache (\d+) /.exec(bytes.subarray(0, 64).toString('latin1'))?.[1]);
    // Damage the paragraphs part only, keeping its length.
    bytes.fill(0x7e, 64 + indexLength);
    writeFileSync(cacheFile(dir), bytes);
    const checked = await checkDraft(await loadDraft(dir));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.counts.get('61')?.alternatives).toBe(3);
    expect(checked.counts.size).toBe(38);
    let error: unknown;
    try {
      void checked.draft?.paragraphs;
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NdraftError);
    expect((error as NdraftError).message).toBe(`the parse cache ${cacheFile(dir)} is damaged; delete it (ndraft rebuilds it) and run the command again`);
  });

  it('reads one paragraph alone: a damaged neighbour does not matter until it is asked for', async () => {
    const dir = await warmDraft('cache-one');
    const fresh = (await checkDraft(await loadDraft(copyBundledDraft('cache-one-fresh')))).draft;
    const bytes = readFileSync(cacheFile(dir));
    const indexLength = Number(/^ndraft-cache (\d+) /.exec(bytes.subarray(0, 64).toString('latin1'))?.[1]);
    const index = JSON.parse(bytes.subarray(64, 64 + indexLength).toString('utf8')) as { rows: unknown[][]; slices: number[] };
    const row = index.rows.findIndex((r) => r[0] === 'paragraphs/039.yaml');
    const [start, length] = [index.slices[2 * row] as number, index.slices[2 * row + 1] as number];
    bytes.fill(0x7e, 64 + indexLength + start, 64 + indexLength + start + length);
    writeFileSync(cacheFile(dir), bytes);
    const checked = await checkDraft(await loadDraft(dir));
    expect(checked.paragraph?.('61')).toEqual(fresh?.paragraphs.find((p) => p.number === '61'));
    expect(() => checked.paragraph?.('39')).toThrow(/is damaged; delete it/);
  });

  it('a cache file cut short is ignored: every file is parsed again', async () => {
    const dir = await warmDraft('cache-short');
    const bytes = readFileSync(cacheFile(dir));
    writeFileSync(cacheFile(dir), bytes.subarray(0, bytes.length - 10));
    const { draft } = await checkDraft(await loadDraft(dir));
    expect(draft?.paragraphs.find((p) => p.number === '61')?.alternatives).toHaveLength(3);
  });
});
