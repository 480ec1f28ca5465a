import { describe, expect, it } from 'vitest';
import { pairItems } from '../../src/compare/pair-items.js';
import type { Item } from '../../src/model/schemas.js';

const bullets = (...texts: string[]): Item[] => texts.map((text) => ({ label: '·', text }));

describe('pairItems', () => {
  it('pairs a changed bullet with itself and the unchanged ones with theirs', () => {
    const before = bullets('Approach', 'Framework for [existing and] future arrangements', 'Possible forum.');
    const after = bullets('Approach', 'Framework for future arrangements', 'Possible forum.');
    expect(pairItems(before, after)).toEqual([{ before: 0, after: 0 }, { before: 1, after: 1 }, { before: 2, after: 2 }]);
  });

  it('tells a bullet added or removed from one changed', () => {
    expect(pairItems(bullets('a', 'b', 'c'), bullets('a', 'new', 'b', 'c'))).toEqual([{ before: 0, after: 0 }, { after: 1 }, { before: 1, after: 2 }, { before: 2, after: 3 }]);
    expect(pairItems(bullets('a', 'b', 'c'), bullets('a', 'c'))).toEqual([{ before: 0, after: 0 }, { before: 1 }, { before: 2, after: 1 }]);
  });

  it('pairs lettered items by label where the text changed, in reading order otherwise', () => {
    const before: Item[] = [{ label: 'a)', text: 'one' }, { label: 'b)', text: 'two' }, { label: 'c)', text: 'three' }];
    const after: Item[] = [{ label: 'a)', text: 'one' }, { label: 'b)', text: 'two, amended' }, { label: 'd)', text: 'three, re-lettered' }];
    expect(pairItems(before, after)).toEqual([{ before: 0, after: 0 }, { before: 1, after: 1 }, { before: 2, after: 2 }]);
  });
});
