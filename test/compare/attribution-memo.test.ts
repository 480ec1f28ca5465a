import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attributeChanges, WHOLE, type Attribution } from '../../src/compare/attribute-changes.js';
import { attributeAll, attributeDraft, attributionMemo, type Attributing, type AttributionMemo } from '../../src/compare/attribution-memo.js';
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

/** A second paragraph: its text reworded by one delegation, then by hand (no history entry). */
const other: Attributing[] = [
  { base: '62.', steps: [{ text: '62.', by: g77 }, { text: '62.', by: unknown }], whole: true },
  { base: 'invites all Parties to [review] the report', steps: [{ text: 'invites all Parties to consider the report', by: g77 }, { text: 'invites Parties to consider the report', by: unknown }], whole: false },
];
const draft = [texts, other, [{ base: '63.', steps: [], whole: true }]];
const eachAlone = draft.map((paragraph) => paragraph.map(({ base, steps, whole }) => (steps.every((s) => s.text === base) ? (base === '' ? [] : [{ kind: 'same', text: base }]) : attributeChanges(base, steps, unknown, whole ? WHOLE : undefined))));

/** The names of the entries an object cache file holds (its index, after the header). */
function entryNames(dir: string): string[] {
  const bytes = readFileSync(join(dir, '.ndraft', 'objects'));
  const indexLength = Number(bytes.toString('latin1', 0, 64).split(' ')[1]);
  return (JSON.parse(bytes.toString('utf8', 64, 64 + indexLength)) as { names: string[] }).names;
}

describe('attributeDraft', () => {
  it('attributes each paragraph as attributeAll does, and a later run reads the whole draft back from one entry', () => {
    const dir = makeTempDir('attribution-memo');
    const cache = new ObjectCache(dir);
    const first = watched(attributionMemo(cache));
    expect(attributeDraft(draft, unknown, first.memo, 'md:import')).toEqual(eachAlone);
    // One entry for each changed paragraph, then one for the draft: its key, and numbers only.
    expect(first.seen.stored).toHaveLength(3);
    const whole = first.seen.stored[2] as { key: string; segments: unknown[] };
    expect(whole.key).toMatch(/^[0-9a-f]{40}$/);
    expect(whole.segments.every((n) => typeof n === 'number')).toBe(true);
    cache.save();

    const later = watched(attributionMemo(new ObjectCache(dir)));
    const again = attributeDraft(draft, unknown, later.memo, 'md:import');
    expect(again).toEqual(eachAlone);
    expect(later.seen).toEqual({ found: 1, stored: [] });
    expect(again[1]?.[1]?.find((s) => s.kind === 'inserted')?.by).toBe(g77);
  });

  it('does not use a draft entry made for other texts or another author, or forged, and makes it again from the paragraphs', () => {
    const dir = makeTempDir('attribution-memo');
    const cache = new ObjectCache(dir);
    attributeDraft(draft, unknown, attributionMemo(cache), 'md:import');
    cache.save();
    const good = (attributionMemo(new ObjectCache(dir)).get('draft:md:import') as { key: string; segments: number[] });
    const edited = [texts, [other[0] as Attributing, { ...(other[1] as Attributing), steps: [{ text: 'invites all Parties to note the report', by: g77 }] }]];
    const byOne = draft.map((paragraph) => paragraph.map((t) => ({ ...t, steps: t.steps.map((step) => ({ ...step, by: eu })) })));
    // The same paragraphs, cut into paragraphs otherwise: each has a word differ of its own.
    const regrouped = [[...texts, ...other]];
    for (const changed of [edited, byOne, regrouped]) {
      const later = watched(attributionMemo(new ObjectCache(dir)));
      const expected = changed.map((paragraph) => attributeAll(paragraph, unknown));
      expect(attributeDraft(changed, unknown, later.memo, 'md:import')).toEqual(expected);
      // The draft entry was found but not used; the paragraphs' own entries were, where they fit.
      expect(later.seen.stored.at(-1)).toMatchObject({ key: expect.not.stringMatching(good.key) });
    }
    const forged: unknown[] = [
      { ...good, key: good.key.replace(/^./, (c) => (c === '0' ? '1' : '0')) }, // another draft's
      { key: good.key, segments: good.segments.map((n, i) => (i === 2 ? n + 1 : n)) }, // a length past its stretch
      { key: good.key, segments: good.segments.map((n, i) => (i === 6 ? 9 : n)) }, // an author the draft does not have
      { key: good.key, segments: good.segments.slice(0, -3) }, // cut short
      { key: good.key, segments: good.segments.map(String) }, // not numbers
      { key: good.key },
      good.segments, // a paragraph's entry, not the draft's
    ];
    for (const entry of forged) {
      const stored: unknown[] = [];
      const result = attributeDraft(draft, unknown, { get: (name) => (name === 'draft:md:import' ? entry : undefined), set: (_, value) => stored.push(value) }, 'md:import');
      expect(result, JSON.stringify(entry)).toEqual(eachAlone);
      expect(stored.at(-1), JSON.stringify(entry)).toEqual(good);
    }
  });

  it('keeps one entry for each slot: an export of the draft since edited writes over the one before', () => {
    const dir = makeTempDir('attribution-memo');
    const edited = [texts, [other[0] as Attributing, { ...(other[1] as Attributing), steps: [{ text: 'invites all Parties to note the report', by: g77 }] }]];
    for (const [paragraphs, slot] of [
      [draft, 'md:import'],
      [edited, 'md:import'],
      [draft, 'docx:import'],
    ] as const) {
      const cache = new ObjectCache(dir);
      attributeDraft(paragraphs, unknown, attributionMemo(cache), slot);
      cache.save();
    }
    expect(entryNames(dir).filter((name) => name.includes(':draft:')).sort()).toEqual(['attributed-1:draft:docx:import', 'attributed-1:draft:md:import']);
    const later = watched(attributionMemo(new ObjectCache(dir)));
    attributeDraft(edited, unknown, later.memo, 'md:import');
    expect(later.seen.stored).toEqual([]);
  });
});
