import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDrafts } from '../../src/compare/compare-drafts.js';
import { narrowComparison } from '../../src/compare/narrow-comparison.js';
import { wordDiffMemo, type WordDiffMemo } from '../../src/compare/word-diff-memo.js';
import { ObjectCache } from '../../src/store/object-cache.js';
import { makeTempDir, removeTempDirs } from '../helpers/sandbox.js';
import type { DraftMeta, Paragraph } from '../../src/model/schemas.js';
import { countParagraph, sumCounts } from '../../src/report/counts.js';
import type { DraftSide } from '../../src/revisions/draft-side.js';

/** A side built in memory: each paragraph's "hash" is the hash of its JSON, as a file's would be of its bytes. */
function side(name: string, paragraphs: Paragraph[], sections?: DraftMeta['sections']): DraftSide {
  const meta: DraftMeta = { title: 'T', sections: sections ?? [{ number: '1', title: 'One', paragraphs: paragraphs.map((p) => p.address) }] };
  const byAddress = new Map(paragraphs.map((p) => [p.address, p]));
  return {
    name,
    meta,
    hashes: new Map(paragraphs.map((p) => [p.address, createHash('sha1').update(JSON.stringify(p)).digest('hex')])),
    paragraph: (address) => byAddress.get(address) as Paragraph,
    figures: sumCounts(paragraphs.map((p) => countParagraph(p))),
  };
}

afterAll(removeTempDirs);

const para = (address: string, text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ address, number: address, status: 'open', bracketed: false, text, items: [], alternatives: [], ...extra });

const base = [
  para('1', 'We recognize the [vital] role of [governments/all stakeholders].'),
  para('2', 'We reaffirm the principles of the Geneva phase.', { alternatives: [{ label: 'Alt 1', text: 'We reaffirm the Geneva principles.' }, { label: 'Alt 2', text: 'We recall Geneva.' }] }),
  para('3', 'Capacity-building is a priority for developing countries and LDCs.'),
  para('4', 'Multilingualism should be promoted in the Internet environment.'),
];

describe('compareDrafts', () => {
  it('finds nothing between a draft and itself, reading no paragraph', () => {
    const a = side('a', base);
    const reads: string[] = [];
    const b = { ...side('b', base), paragraph: (address: string) => (reads.push(address), base.find((p) => p.address === address) as Paragraph) };
    const comparison = compareDrafts(a, b);
    expect(comparison.summary.paragraphsChanged).toBe(0);
    expect(comparison.paragraphs).toEqual([]);
    expect(reads).toEqual([]);
  });

  it('brackets removed, an alternative accepted and another dropped, newly agreed, reworded', () => {
    const after = [
      para('1', 'We recognize the vital role of governments.', { status: 'agreed' }),
      para('2', 'We reaffirm the Geneva principles.'),
      para('3', 'Capacity-building is a high priority for developing countries and LDCs.'),
      base[3] as Paragraph,
    ];
    const comparison = compareDrafts(side('a', base), side('b', after));
    expect(comparison.summary).toMatchObject({ paragraphsChanged: 3, bracketsRemoved: 2, alternativesAccepted: 1, alternativesDropped: 1, newlyAgreed: 1, reworded: 1 });
    const [p1, p2, p3] = comparison.paragraphs;
    expect(p1?.kinds).toEqual(['brackets', 'status', 'agreed']);
    expect(p2).toMatchObject({ kinds: ['alternatives'], alternativesAccepted: ['Alt 1'], alternativesDropped: ['Alt 2'] });
    expect(p3?.kinds).toEqual(['reworded']);
    expect(p3?.diffs[0]?.changes.filter((c) => c.added || c.removed).map((c) => c.value)).toEqual([' high']);
    // Each bracket is a unit of the word diff.
    expect(p1?.diffs[0]?.changes.filter((c) => c.removed).map((c) => c.value.trim())).toEqual(['[vital]', '[governments/all stakeholders]']);
  });

  it('a paragraph added, one deleted (removed or marked deleted) and one with brackets added', () => {
    const after = [para('1', base[0]?.text as string, { status: 'deleted' }), base[1] as Paragraph, para('3', 'Capacity-building is [a priority] for developing countries and LDCs.'), para('5', 'A new paragraph on [cybersecurity].')];
    const comparison = compareDrafts(side('a', base), side('b', after));
    expect(comparison.summary).toMatchObject({ paragraphsChanged: 4, deleted: 2, added: 1, bracketsAdded: 2, bracketsRemoved: 2, reworded: 0 });
    expect(comparison.paragraphs.map((p) => [p.before?.address, p.after?.address, p.kinds])).toEqual([
      ['1', '1', ['brackets', 'status', 'deleted']],
      ['3', '3', ['brackets']],
      ['4', undefined, ['deleted']],
      [undefined, '5', ['brackets', 'added']],
    ]);
  });

  it('aligns a paragraph given a new address by its wording: renumbered, not deleted and added', () => {
    const after = [base[0] as Paragraph, base[1] as Paragraph, para('3bis', base[2]?.text as string), base[3] as Paragraph];
    const comparison = compareDrafts(side('a', base), side('b', after));
    expect(comparison.summary).toMatchObject({ paragraphsChanged: 1, renumbered: 1, added: 0, deleted: 0 });
    expect(comparison.paragraphs[0]).toMatchObject({ alignedBy: 'content', before: { address: '3', number: '3' }, after: { address: '3bis', number: '3bis' }, kinds: ['renumbered'] });
  });

  it('a paragraph moved to another section, and --only / --paragraph narrowing', () => {
    const sections = [
      { number: '1', title: 'One', paragraphs: ['1', '2', '3'] },
      { number: '2', title: 'Two', paragraphs: ['4'] },
    ];
    const moved = [
      { number: '1', title: 'One', paragraphs: ['1', '2'] },
      { number: '2', title: 'Two', paragraphs: ['3', '4'] },
    ];
    const after = [para('1', 'We recognize the role of [governments/all stakeholders].'), base[1] as Paragraph, base[2] as Paragraph, base[3] as Paragraph];
    const comparison = compareDrafts(side('a', base, sections), side('b', after, moved));
    expect(comparison.paragraphs.map((p) => [p.after?.address, p.kinds])).toEqual([
      ['1', ['brackets']],
      ['3', ['moved']],
    ]);
    expect(comparison.paragraphs[1]).toMatchObject({ before: { section: '1. One' }, after: { section: '2. Two' } });
    expect(narrowComparison(comparison, { only: 'moved' }).summary).toMatchObject({ paragraphsChanged: 1, moved: 1, bracketsRemoved: 0 });
    expect(narrowComparison(comparison, { addresses: new Set(['1']) }).paragraphs.map((p) => p.after?.address)).toEqual(['1']);
    expect(narrowComparison(comparison, { only: 'changed' }).paragraphs.map((p) => p.after?.address)).toEqual(['1']);
  });

  it('with a memo, diffs each pair of paragraph files once: a later run reads the word diffs back, and gets the same comparison', () => {
    const after = [
      para('1', 'We recognize the vital role of governments.'),
      base[1] as Paragraph,
      para('3', 'Capacity-building is a high priority for developing countries and LDCs.', { items: [{ label: 'a)', text: 'first' }] }),
      base[3] as Paragraph,
    ];
    const dir = makeTempDir('word-diff-memo');
    const first = new ObjectCache(dir);
    const fresh = compareDrafts(side('a', base), side('b', after), wordDiffMemo(first));
    first.save();
    expect(fresh).toEqual(compareDrafts(side('a', base), side('b', after)));

    // A later run reads both pairs' diffs back and makes none.
    const later = watched(wordDiffMemo(new ObjectCache(dir)));
    expect(compareDrafts(side('a', base), side('b', after), later.memo)).toEqual(fresh);
    expect(later.seen).toEqual({ read: 2, kept: 0 });
  });

  it('never shows a kept diff that does not fit the texts (damaged, edited by hand, or made for others): it is made again, and kept again', () => {
    const after = [para('1', 'We recognize the vital role of governments.'), ...base.slice(1)];
    const dir = makeTempDir('word-diff-memo');
    const first = new ObjectCache(dir);
    const fresh = compareDrafts(side('a', base), side('b', after), wordDiffMemo(first));
    first.save();
    const name = entryNames(dir).find((n) => n.startsWith('word-diffs-2:')) as string;
    const key = name.slice('word-diffs-2:'.length);
    const good = new ObjectCache(dir).get<number[][]>('word-diffs-2', key) as number[][];
    // [kind, length, count] for each change: each forgery breaks one rule.
    const forged: unknown[] = [
      good.map((d) => d.map((n, i) => (i === 1 ? n + 1 : n))), // a length past its stretch
      good.map((d) => d.map((n, i) => (i === 0 ? 2 : n))), // words kept shown as added: the old text would lack them
      good.map((d) => d.map((n, i) => (i === 0 ? 7 : n))), // no such kind
      good.map((d) => d.slice(0, -3)), // cut short
      good.map((d) => d.map(String)), // not numbers
      [[]],
      { not: 'a list' },
    ];
    for (const entry of forged) {
      const cache = new ObjectCache(dir);
      cache.set('word-diffs-2', key, entry);
      cache.save();
      const reread = new ObjectCache(dir);
      const again = watched(wordDiffMemo(reread));
      expect(compareDrafts(side('a', base), side('b', after), again.memo), JSON.stringify(entry)).toEqual(fresh);
      expect(again.seen.kept, JSON.stringify(entry)).toBe(1);
      reread.save();
      expect(new ObjectCache(dir).get('word-diffs-2', key)).toEqual(good);
    }
  });

  it('makes a diff again when the memo has fewer than the paragraphs need (a damaged entry)', () => {
    const after = [para('1', 'We recognize the vital role of governments.'), ...base.slice(1)];
    const memo = { get: () => ({ diff: () => undefined }), set: () => {} };
    expect(compareDrafts(side('a', base), side('b', after), memo)).toEqual(compareDrafts(side('a', base), side('b', after)));
  });
});

/** A memo that counts the pairs it read back and kept, over `inner`. */
function watched(inner: WordDiffMemo) {
  const seen = { read: 0, kept: 0 };
  const memo: WordDiffMemo = {
    get: (hashA, hashB) => {
      const kept = inner.get(hashA, hashB);
      if (kept) seen.read++;
      return kept;
    },
    set: (hashA, hashB, diffs) => {
      seen.kept++;
      inner.set(hashA, hashB, diffs);
    },
  };
  return { memo, seen };
}

/** The names of the entries an object cache file holds (its index, after the header). */
function entryNames(dir: string): string[] {
  const bytes = readFileSync(join(dir, '.ndraft', 'objects'));
  const indexLength = Number(bytes.toString('latin1', 0, 64).split(' ')[1]);
  return (JSON.parse(bytes.toString('utf8', 64, 64 + indexLength)) as { names: string[] }).names;
}
