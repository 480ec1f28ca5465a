import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, foldName } from '../../src/model/did-you-mean.js';

const NAMES = ['United States', 'US', 'USA', 'United Kingdom', 'UK', 'European Union', 'EU', 'G77 and China', 'AOSIS'];

describe('didYouMean', () => {
  it('finds a typo within a few edits, a swapped pair of letters counting as one', () => {
    expect(didYouMean('Untied States', NAMES)).toEqual(['United States']);
    expect(didYouMean('Europaen Union', NAMES)).toEqual(['European Union']);
    expect(didYouMean('AOSSI', NAMES)).toEqual(['AOSIS']);
  });

  it('puts the same name in another case or spacing first, then names it begins', () => {
    expect(didYouMean('united  states', NAMES)).toEqual(['United States']);
    expect(didYouMean('G77', NAMES)).toEqual(['G77 and China']);
    expect(didYouMean('United', NAMES)).toEqual(['United Kingdom', 'United States']);
  });

  it('suggests nothing for a name that is nowhere near, or an empty one', () => {
    expect(didYouMean('Narnia', NAMES)).toEqual([]);
    expect(didYouMean('  ', NAMES)).toEqual([]);
    expect(didYouMean('UN', [])).toEqual([]);
  });

  it('keeps at most three, closest first', () => {
    expect(didYouMean('U', NAMES)).toHaveLength(3);
  });
});

describe('editDistance and foldName', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('untied', 'united')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('folds case and spacing', () => {
    expect(foldName('  United\u00a0 STATES ')).toBe('united states');
  });
});
