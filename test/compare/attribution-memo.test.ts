import { afterAll, describe, expect, it } from 'vitest';
import { attributeChanges, WHOLE, type Attribution } from '../../src/compare/attribute-changes.js';
import { attributeAll, attributionMemo, type Attributing, type AttributionMemo } from '../../src/compare/attribution-memo.js';
import { ObjectCache } from '../../src/store/object-cache.js';
import { makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const eu: Attribution = { author: 'Ana for EU', date: '2026-11-30T09:00:00Z', entry: 'e1' };
const g77: Attribution = { author: 'Bo for G77', date: '2026-11-30T10:00:00Z', entry: 'e2' };
const unknown: Attribution = { author: 'unattributed', date: '2026-11-30T12:00:00Z' };

/** One paragraph's texts: its number (unchanged), its wording changed by two delegations, a marker replaced whole. */
const texts: Attributing[] = [
  { base: '61.', steps: [{ text: '61.', by: eu }, { text: '61.', by: g77 }], whole: true },
  {
    base: 'we agree that [some] adjustments need to be made to [existing] arrangements',
    steps: [
      { text: 'we agree that some adjustments need to be made to [existing] arrangements', by: eu },
      { text: 'we agree that some adjustments need to be made to arrangements', by: g77 },
    ],
    whole: false,
  },
  { base: '(Agreed ad ref)', steps: [{ text: '(Agreed ad ref)', by: eu }, { text: '(Agreed)', by: g77 }], whole: true },
];
const direct = texts.map(({ base, steps, whole }) => attributeChanges(base, steps, unknown, whole ? WHOLE : undefined));

/** A memo that records what it was asked and told, over `inner`. */
function watched(inner: AttributionMemo) {
  const seen = { found: 0, stored: [] as unknown[] };
  const memo: AttributionMemo = {
    get: (key) => {
      const value = inner.get(key);
      if (value !== undefined) seen.found++;
      return value;
    },
    set: (key, value) => {
      seen.stored.push(value);
      inner.set(key, value);
    },
  };
  return { memo, seen };
}

describe('attributeAll', () => {
  it('attributes as attributeChanges does, and a later run reads the result back from the object cache', () => {
    const dir = makeTempDir('attribution-memo');
    const first = watched(attributionMemo(new ObjectCache(dir)));
    expect(attributeAll(texts, unknown, first.memo)).toEqual(direct);
    expect(first.seen.found).toBe(0);
    // Only the texts a step changed are kept: numbers only, no words.
    expect(first.seen.stored).toHaveLength(1);
    expect((first.seen.stored[0] as unknown[]).every((n) => typeof n === 'number')).toBe(true);

    const cache = new ObjectCache(dir);
    attributeAll(texts, unknown, attributionMemo(cache));
    cache.save();
    const later = watched(attributionMemo(new ObjectCache(dir)));
    const again = attributeAll(texts, unknown, later.memo);
    expect(again).toEqual(direct);
    expect(later.seen).toEqual({ found: 1, stored: [] });
    // The authors are this run's own objects (the unattributed one is dated when the export runs).
    expect(again[1]?.find((s) => s.kind === 'inserted')?.by).toBe(eu);
  });

  it('does not use an entry that does not fit the texts (damaged, edited by hand, or made for others), and makes it again', () => {
    const { memo, seen } = watched(attributionMemo(new ObjectCache(makeTempDir('attribution-memo'))));
    attributeAll(texts, unknown, memo);
    const good = seen.stored[0] as number[];
    expect(good.slice(0, 7)).toEqual([6, 0, 14, -1, 1, 6, 1]); // 6 segments: 14 characters kept, 6 deleted by the first author…
    // [count, kind, length, author, …] for each changed text: each change below breaks one rule.
    const forged: unknown[][] = [
      good.map((n, i) => (i === 2 ? n + 1 : n)), // a length past the stretch it stands for
      good.map((n, i) => (i === 4 ? 0 : i === 6 ? -1 : n)), // a deletion ("[some]") shown as unchanged text, which the new text does not have
      good.map((n, i) => (i === 6 ? 7 : n)), // an author the paragraph does not have
      good.slice(0, -3), // cut short
      [...good, 0], // something after the last text
      good.map(String), // not numbers
      [],
    ];
    for (const entry of forged) {
      const stored: unknown[] = [];
      const result = attributeAll(texts, unknown, { get: () => entry, set: (_, value) => stored.push(value) });
      expect(result, JSON.stringify(entry)).toEqual(direct);
      expect(stored, JSON.stringify(entry)).toEqual([good]);
    }
  });

  it('finds no entry for other texts, or for the same texts by another author', () => {
    const dir = makeTempDir('attribution-memo');
    const cache = new ObjectCache(dir);
    attributeAll(texts, unknown, attributionMemo(cache));
    cache.save();
    const edited = texts.map((t, i) => (i === 1 ? { ...t, steps: [t.steps[0] as Attributing['steps'][number], { text: 'we agree that adjustments need to be made', by: g77 }] } : t));
    const byOne = texts.map((t) => ({ ...t, steps: t.steps.map((step) => ({ ...step, by: eu })) }));
    for (const other of [edited, byOne]) {
      const later = watched(attributionMemo(new ObjectCache(dir)));
      expect(attributeAll(other, unknown, later.memo)).toEqual(other.map(({ base, steps, whole }) => attributeChanges(base, steps, unknown, whole ? WHOLE : undefined)));
      expect(later.seen.found).toBe(0);
    }
  });
});

describe('attributionMemo with a slot (one entry for the draft)', () => {
  /** A second paragraph: reworded by one delegation, then by hand (no history entry). */
  const other: Attributing[] = [{ base: 'invites all Parties to [review] the report', steps: [{ text: 'invites all Parties to consider the report', by: g77 }, { text: 'invites Parties to consider the report', by: unknown }], whole: false }];
  const edited: Attributing[] = [{ base: 'invites all Parties to [review] the report', steps: [{ text: 'invites all Parties to note the report', by: g77 }], whole: false }];
  const direct = (paragraph: Attributing[]) => paragraph.map(({ base, steps, whole }) => attributeChanges(base, steps, unknown, whole ? WHOLE : undefined));

  /** Attributes each paragraph with the slot's memo, as an export does, and saves the cache; with what it made and kept. */
  function exportRun(dir: string, paragraphs: Attributing[][], slot = 'md:Rev.1') {
    const cache = new ObjectCache(dir);
    const inner = attributionMemo(cache, slot);
    const stored: unknown[] = [];
    const memo: AttributionMemo = { ...inner, set: (key, value) => (stored.push(value), inner.set(key, value)) };
    const results = paragraphs.map((paragraph) => attributeAll(paragraph, unknown, memo));
    memo.flush?.();
    cache.save();
    return { results, stored };
  }

  /** The draft entry of a slot: the paragraphs' entries by their keys. */
  const draftEntry = (dir: string, slot = 'md:Rev.1') => new ObjectCache(dir).get<Record<string, number[]>>('attributed-1', `draft:${slot}`);

  it("keeps the entries an export used in one entry, which the next export reads instead of each paragraph's", () => {
    const dir = makeTempDir('attribution-memo');
    expect(exportRun(dir, [texts, other]).results).toEqual([direct(texts), direct(other)]);
    const whole = draftEntry(dir) as Record<string, number[]>;
    expect(Object.keys(whole)).toHaveLength(2);
    expect(Object.values(whole).every((entry) => entry.every((n) => typeof n === 'number'))).toBe(true);
    // The paragraphs' own entries made useless (rewritten with other lengths): the draft's is read, nothing is made again.
    const cache = new ObjectCache(dir);
    for (const [key, entry] of Object.entries(whole)) cache.set('attributed-1', key, entry.map((n, i) => (i === 2 ? n + 1 : n)));
    cache.save();
    const again = exportRun(dir, [texts, other]);
    expect(again.results).toEqual([direct(texts), direct(other)]);
    expect(again.stored).toEqual([]);
    expect(draftEntry(dir)).toEqual(whole);
  });

  it('checks what it reads there against the texts, as an entry of its own: a forged one is refused and made again', () => {
    const dir = makeTempDir('attribution-memo');
    exportRun(dir, [texts, other]);
    const whole = draftEntry(dir) as Record<string, number[]>;
    const cache = new ObjectCache(dir);
    cache.set('attributed-1', 'draft:md:Rev.1', Object.fromEntries(Object.entries(whole).map(([key, entry]) => [key, entry.map((n, i) => (i === 6 ? 9 : n))])));
    // The paragraphs' own entries forged too, so that only making them again gives the right marks.
    for (const [key, entry] of Object.entries(whole)) cache.set('attributed-1', key, entry.map((n, i) => (i === 2 ? n + 1 : n)));
    cache.save();
    const again = exportRun(dir, [texts, other]);
    expect(again.results).toEqual([direct(texts), direct(other)]);
    expect(again.stored).toHaveLength(2);
    expect(draftEntry(dir)).toEqual(whole);
  });

  it('holds only the paragraphs of the last export in its slot, and each slot its own', () => {
    const dir = makeTempDir('attribution-memo');
    exportRun(dir, [texts, other]);
    exportRun(dir, [texts, edited]);
    exportRun(dir, [other], 'docx:Rev.1');
    const md = draftEntry(dir) as Record<string, number[]>;
    expect(Object.keys(md)).toHaveLength(2);
    expect(Object.keys(draftEntry(dir, 'docx:Rev.1') as object)).toHaveLength(1);
    // The edited paragraph's entry replaced the one before: read back, it gives the new marks, made by nobody.
    const later = exportRun(dir, [texts, edited]);
    expect(later.results).toEqual([direct(texts), direct(edited)]);
    expect(later.stored).toEqual([]);
  });
});
