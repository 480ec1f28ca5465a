import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { sameAsStored } from '../../src/compare/same-as-stored.js';

/** What `sameAsStored` stands for: the two values written as JSON and read back, deeply equal. */
const asStored = (x: unknown, y: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify(x) ?? 'null'), JSON.parse(JSON.stringify(y) ?? 'null'));

const paragraph = { address: '12', number: '12', status: 'open', bracketed: false, text: 'Welcomes [the] plan', items: [{ label: 'a)', text: 'one' }], alternatives: [{ label: 'Alt 1', text: 'x', support: ['EU'] }] };

describe('sameAsStored', () => {
  it('says equal for the same data in another order or with fields holding undefined, as JSON would', () => {
    const reordered = { text: 'Welcomes [the] plan', alternatives: [{ support: ['EU'], text: 'x', label: 'Alt 1' }], items: [{ text: 'one', label: 'a)' }], bracketed: false, status: 'open', number: '12', address: '12', notes: undefined };
    expect(sameAsStored(paragraph, reordered)).toBe(true);
    expect(sameAsStored(reordered, paragraph)).toBe(true);
    expect(sameAsStored(paragraph, structuredClone(paragraph))).toBe(true);
  });

  it('says different, with certainty, wherever JSON differs: a word, a field more or less, an item, a type', () => {
    const cases: unknown[] = [
      { ...paragraph, text: 'Welcomes the plan' },
      { ...paragraph, notes: [] },
      { ...paragraph, bracketed: true },
      { ...paragraph, items: [] },
      { ...paragraph, items: [{ label: 'a)', text: 'one' }, { label: 'b)', text: 'two' }] },
      { ...paragraph, alternatives: [{ label: 'Alt 1', text: 'x', support: 'EU' }] },
      { ...paragraph, number: 12 },
      (({ status: _, ...rest }) => rest)(paragraph),
    ];
    for (const other of cases) {
      expect(asStored(paragraph, other)).toBe(false);
      expect(sameAsStored(paragraph, other)).toBe(false);
      expect(sameAsStored(other, paragraph)).toBe(false);
    }
  });

  it('leaves to the caller what only JSON itself can tell: undefined in arrays, non-finite numbers, functions, toJSON, class instances', () => {
    const cases: [unknown, unknown][] = [
      [[undefined], [null]],
      [{ n: Infinity }, { n: null }],
      [{ n: NaN }, { n: NaN }],
      [{ f: () => 1 }, {}],
      [{ a: { toJSON: () => 'x' } }, { a: 'x' }],
      [new Date(0), '1970-01-01T00:00:00.000Z'],
      [{ d: new Date(0) }, { d: new Date(0) }],
    ];
    for (const [x, y] of cases) {
      const answer = sameAsStored(x, y);
      // Either no answer, or the right one: never a wrong one.
      expect(answer === undefined || answer === asStored(x, y)).toBe(true);
    }
    expect(sameAsStored([undefined], [null])).toBeUndefined();
    expect(sameAsStored({ f: () => 1 }, {})).toBeUndefined();
    expect(sameAsStored({ a: { toJSON: () => 'x' } }, { a: 'x' })).toBeUndefined();
  });

  it('agrees with JSON on plain values of every kind', () => {
    const values: unknown[] = ['', 'a', 0, -0, 1, 1.5, true, false, null, [], [1], ['1'], {}, { a: 1 }, { a: '1' }, { a: [1, { b: null }] }, { a: [1, { b: false }] }];
    for (const x of values) for (const y of values) expect([x, y, sameAsStored(x, y)]).toEqual([x, y, asStored(x, y)]);
  });
});
