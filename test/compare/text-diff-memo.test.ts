import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textDiffMemo } from '../../src/compare/word-diff-memo.js';
import { diffWordings } from '../../src/diff/wording-diff.js';
import { ObjectCache } from '../../src/store/object-cache.js';
import { makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const FIRST = 'We reaffirm the principles of the Geneva phase.';
const SECOND = 'We reaffirm the Geneva principles, as appropriate.';
const KIND = 'text-diff-2';

/** The memo over a fresh reading of the draft's `alternatives` shelf, counting the diffs it had to make. */
function memoOf(dir: string) {
  const cache = new ObjectCache(dir, 'alternatives');
  const memo = textDiffMemo(cache);
  let made = 0;
  const diff = (before: string, after: string) =>
    memo.diff(before, after, () => {
      made++;
      return diffWordings(before, after);
    });
  return { cache, diff, made: () => made };
}

/** The keys of the shelf's entries, from the file's index. */
function keysOf(dir: string): string[] {
  const bytes = readFileSync(join(dir, '.ndraft', 'alternatives'));
  const indexLength = Number(bytes.toString('latin1', 0, 64).split(' ')[1]);
  const { names } = JSON.parse(bytes.toString('utf8', 64, 64 + indexLength)) as { names: string[] };
  return names.filter((name) => name.startsWith(`${KIND}:`)).map((name) => name.slice(KIND.length + 1));
}

describe("textDiffMemo (the HTML export's alternatives)", () => {
  it('diffs a pair once: a later run reads the same changes back without diffing', () => {
    const dir = makeTempDir('text-diff-memo');
    const first = memoOf(dir);
    const fresh = first.diff(FIRST, SECOND);
    expect(fresh).toEqual(diffWordings(FIRST, SECOND));
    first.cache.save();
    expect(first.made()).toBe(1);

    const later = memoOf(dir);
    expect(later.diff(FIRST, SECOND)).toEqual(fresh);
    expect(later.made()).toBe(0);
    // The same texts the other way round, and pairs that spell the same characters, are pairs of their own.
    expect(later.diff(SECOND, FIRST)).toEqual(diffWordings(SECOND, FIRST));
    expect(later.diff('ab c', 'd')).toEqual(diffWordings('ab c', 'd'));
    expect(later.diff('ab', ' cd')).toEqual(diffWordings('ab', ' cd'));
    expect(later.made()).toBe(3);
  });

  it('never shows a kept diff that does not fit the two texts: it diffs them again', () => {
    const dir = makeTempDir('text-diff-memo');
    const first = memoOf(dir);
    const fresh = first.diff(FIRST, SECOND);
    first.cache.save();
    const [key] = keysOf(dir);
    const good = new ObjectCache(dir, 'alternatives').get<number[]>(KIND, key as string) as number[];
    // [kind, length, count] for each change: each forgery breaks one rule.
    const forged: unknown[] = [good.map((n, i) => (i % 3 === 1 ? n + 1 : n)), good.map((n, i) => (i % 3 === 0 ? 2 : n)), good.slice(0, -3), good.map(String), { not: 'a list' }];
    for (const entry of forged) {
      const forger = new ObjectCache(dir, 'alternatives');
      forger.set(KIND, key as string, entry);
      forger.save();
      const later = memoOf(dir);
      expect(later.diff(FIRST, SECOND), JSON.stringify(entry)).toEqual(fresh);
      expect(later.made(), JSON.stringify(entry)).toBe(1);
    }
  });
});
