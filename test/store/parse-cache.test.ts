import { readFileSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/load-draft.js';
import { contentHash, openParseCache } from '../../src/store/parse-cache.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { copyBundledDraft, makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const stats = (ino: number, size: number, mtimeMs: number, ctimeMs: number) => ({ ino, size, mtimeMs, ctimeMs }) as Stats;

describe('the parse cache: file identities', () => {
  it('knows a hash again only for the very same inode, size, mtime and ctime', () => {
    const dir = makeTempDir('cache-identity');
    const first = openParseCache(dir);
    first.setMeta('m', { title: 't', sections: [] });
    first.save();
    // Saved once: identities older than that save may now be recorded.
    const settled = statSync(join(dir, '.ndraft', 'cache.json')).mtimeMs;
    const cache = openParseCache(dir);
    const old = stats(7, 100, settled - 5000, settled - 5000);
    cache.noteHash('paragraphs/001.yaml', old, 'h1');
    cache.set('h1', { paragraph: { number: '1', status: 'open', bracketed: false, text: 't', items: [], alternatives: [] } });
    cache.save();

    const again = openParseCache(dir);
    expect(again.knownHash('paragraphs/001.yaml', old)).toBe('h1');
    expect(again.knownHash('paragraphs/001.yaml', stats(8, 100, old.mtimeMs, old.ctimeMs))).toBeUndefined();
    expect(again.knownHash('paragraphs/001.yaml', stats(7, 101, old.mtimeMs, old.ctimeMs))).toBeUndefined();
    expect(again.knownHash('paragraphs/001.yaml', stats(7, 100, old.mtimeMs + 1, old.ctimeMs))).toBeUndefined();
    expect(again.knownHash('paragraphs/001.yaml', stats(7, 100, old.mtimeMs, old.ctimeMs + 0.001))).toBeUndefined();
    expect(again.knownHash('paragraphs/002.yaml', old)).toBeUndefined();
  });

  it('does not record an identity changed after the cache was last saved (it could change again within the same clock tick)', () => {
    const dir = makeTempDir('cache-racy');
    const first = openParseCache(dir);
    first.setMeta('m', { title: 't', sections: [] });
    first.save();
    const settled = statSync(join(dir, '.ndraft', 'cache.json')).mtimeMs;
    const cache = openParseCache(dir);
    const racy = stats(7, 100, settled, settled);
    cache.noteHash('paragraphs/001.yaml', racy, 'h1');
    cache.save();
    expect(openParseCache(dir).knownHash('paragraphs/001.yaml', racy)).toBeUndefined();
  });

  it('records nothing on a draft that has never had a cache', () => {
    const dir = makeTempDir('cache-first');
    const cache = openParseCache(dir);
    const old = stats(7, 100, 1000, 1000);
    cache.noteHash('paragraphs/001.yaml', old, 'h1');
    cache.save();
    expect(openParseCache(dir).knownHash('paragraphs/001.yaml', old)).toBeUndefined();
  });

  it('end to end: an edit of the same size with the mtime put back is still seen (the ctime moved)', async () => {
    const dir = copyBundledDraft('cache-e2e');
    const path = join(dir, 'paragraphs', '056.yaml');
    // A whole second, so that utimes can put it back exactly.
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    for (let i = 0; i < 3; i++) await checkDraft(await loadDraft(dir));
    const before = statSync(path);
    const recorded = JSON.parse(readFileSync(join(dir, '.ndraft', 'cache.json'), 'utf8')) as { files: Record<string, unknown[]> };
    // The identity is known: an unchanged file would not even be read.
    expect(recorded.files['paragraphs/056.yaml']?.slice(0, 4)).toEqual([before.ino, before.size, before.mtimeMs, before.ctimeMs]);
    const edited = readFileSync(path, 'utf8').replace('management/development', 'management/deployments');
    expect(edited.length).toBe(readFileSync(path, 'utf8').length);
    writeFileSync(path, edited);
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    const { draft } = await checkDraft(await loadDraft(dir));
    expect(draft?.paragraphs.find((p) => p.number === '56')?.text).toContain('[management/deployments]');
    // And the cache has the new content under its own hash.
    const cache = JSON.parse(readFileSync(join(dir, '.ndraft', 'cache.json'), 'utf8')) as { files: Record<string, unknown[]> };
    expect(cache.files['paragraphs/056.yaml']?.[4] ?? contentHash(Buffer.from(edited))).toBe(contentHash(Buffer.from(edited)));
  });
});
