import { mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ObjectCache } from '../../src/store/object-cache.js';
import { makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const HASH_A = 'a'.repeat(40);
const HASH_B = 'b'.repeat(40);

describe('ObjectCache', () => {
  it('gives back in a later run what was saved, by kind and hash, in a git-ignored file', () => {
    const dir = makeTempDir('object-cache');
    const first = new ObjectCache(dir);
    expect(first.get('paragraph', HASH_A)).toBeUndefined();
    first.set('paragraph', HASH_A, { text: 'We note [the] text.' });
    first.set('draft', HASH_A, { title: 'T' });
    first.save();
    expect(readFileSync(join(dir, '.ndraft', '.gitignore'), 'utf8')).toBe('*\n');

    const later = new ObjectCache(dir);
    expect(later.has('paragraph', HASH_A)).toBe(true);
    expect(later.get('paragraph', HASH_A)).toEqual({ text: 'We note [the] text.' });
    expect(later.get('draft', HASH_A)).toEqual({ title: 'T' });
    expect(later.get('paragraph', HASH_B)).toBeUndefined();
  });

  it('keeps what an earlier save of the same run wrote when it saves again (log saves the revisions, then the history)', () => {
    const dir = makeTempDir('object-cache');
    const run = new ObjectCache(dir);
    run.set('revision-file', HASH_A, { name: 'import' });
    run.save();
    run.set('history-file', HASH_B, { id: 'x' });
    run.save();
    const later = new ObjectCache(dir);
    expect(later.get('revision-file', HASH_A)).toEqual({ name: 'import' });
    expect(later.get('history-file', HASH_B)).toEqual({ id: 'x' });
  });

  it('keeps the entries of earlier runs when it saves new ones, and each shelf apart', () => {
    const dir = makeTempDir('object-cache');
    const one = new ObjectCache(dir);
    one.set('paragraph', HASH_A, 1);
    one.save();
    const two = new ObjectCache(dir);
    two.set('paragraph', HASH_B, 2);
    two.save();
    const summaries = new ObjectCache(dir, 'summaries');
    summaries.set('history-summary', HASH_A, 'summary');
    summaries.save();

    const three = new ObjectCache(dir);
    expect([three.get('paragraph', HASH_A), three.get('paragraph', HASH_B), three.get('history-summary', HASH_A)]).toEqual([1, 2, undefined]);
    expect(new ObjectCache(dir, 'summaries').get('history-summary', HASH_A)).toBe('summary');
  });

  it('is no cache at all when cut short or damaged, and a damaged entry is left out', () => {
    const dir = makeTempDir('object-cache');
    const cache = new ObjectCache(dir);
    cache.set('paragraph', HASH_A, { text: 'first' });
    cache.set('paragraph', HASH_B, { text: 'second' });
    cache.save();
    const file = join(dir, '.ndraft', 'objects');
    const bytes = readFileSync(file);
    // One byte of the first entry's JSON changed: its checksum no longer matches.
    const at = bytes.indexOf('"second"');
    bytes[at + 1] = 'S'.charCodeAt(0);
    writeFileSync(file, bytes);
    const damaged = new ObjectCache(dir);
    expect(damaged.get('paragraph', HASH_B)).toBeUndefined();
    expect(damaged.get('paragraph', HASH_A)).toEqual({ text: 'first' });

    truncateSync(file, bytes.length - 3);
    expect(new ObjectCache(dir).get('paragraph', HASH_A)).toBeUndefined();
  });

  it('neither reads nor writes through a .ndraft that links out of the draft', () => {
    const parent = makeTempDir('object-cache');
    const dir = join(parent, 'draft');
    const outside = join(parent, 'outside');
    mkdirSync(dir);
    mkdirSync(outside);
    symlinkSync(outside, join(dir, '.ndraft'));
    const cache = new ObjectCache(dir);
    cache.set('paragraph', HASH_A, 1);
    cache.save();
    expect(existsSync(join(outside, 'objects'))).toBe(false);
    expect(new ObjectCache(dir).get('paragraph', HASH_A)).toBeUndefined();
  });
  it('settles files newer than the cache (a copy, a checkout): the next run writes it, the run after records them', async () => {
    const dir = makeTempDir('object-cache-settle');
    const once = new ObjectCache(dir);
    once.set('paragraph', HASH_A, { text: 'x' });
    once.save();
    const savedAt = statSync(join(dir, '.ndraft', 'objects')).mtimeMs;
    // Files changed after the cache was written, as a copy or a checkout leaves them.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const names = Array.from({ length: 5 }, (_, i) => `entry-${i}.yaml`);
    for (const name of names) writeFileSync(join(dir, name), name);
    const seen = (cache: ObjectCache) => names.map((name) => cache.known<string>('history-file', name, statSync(join(dir, name))));

    // Too new to record: nothing is known, but the cache file is written again (a run comes
    // later than the copy: the clock has ticked since, as the file system counts it).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const first = new ObjectCache(dir);
    expect(seen(first)).toEqual(names.map(() => undefined));
    for (const name of names) first.remember('history-file', name, statSync(join(dir, name)), `summary of ${name}`);
    first.save();
    expect(statSync(join(dir, '.ndraft', 'objects')).mtimeMs).toBeGreaterThan(savedAt);
    expect(new ObjectCache(dir).get('paragraph', HASH_A)).toEqual({ text: 'x' });

    // Now older than the cache: recorded, and known to every run after.
    const second = new ObjectCache(dir);
    for (const name of names) second.remember('history-file', name, statSync(join(dir, name)), `summary of ${name}`);
    second.save();
    expect(seen(new ObjectCache(dir))).toEqual(names.map((name) => `summary of ${name}`));
    // A file touched again is not known under its old identity.
    const later = Date.now() / 1000 + 5;
    utimesSync(join(dir, names[0] as string), later, later);
    expect(seen(new ObjectCache(dir))[0]).toBeUndefined();
  });
});
