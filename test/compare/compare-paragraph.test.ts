import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareParagraph, sameWords, type Side } from '../../src/compare/compare-paragraph.js';
import type { Paragraph } from '../../src/model/schemas.js';

const side = (items: string[]): Side => {
  const paragraph: Paragraph = { address: '76', number: '76', status: 'open', bracketed: false, text: 'we propose:', items: items.map((text) => ({ label: '·', text })), alternatives: [] };
  return { paragraph, place: { address: '76', number: '76', section: '5. Follow-up', status: 'open' } };
};

describe('compareParagraph', () => {
  it('compares each bullet with itself: a bracket dropped in the second shows there only, named by its place', () => {
    const result = compareParagraph(side(['Approach', 'Framework for [existing and] future arrangements', 'Possible forum.']), side(['Approach', 'Framework for future arrangements', 'Possible forum.']), 'address');
    expect(result?.diffs.map((d) => [d.name, d.changes.filter((c) => c.added || c.removed).map((c) => c.value.trim())])).toEqual([['item · (2)', ['[existing and]']]]);
    expect(result?.bracketsRemoved).toBe(1);
  });
});

describe('sameWords', () => {
  it('tells whether two texts have the same words, as comparing their lists of words does', () => {
    const words = (text: string) => (text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).join(' ');
    const piece = fc.constantFrom('a', 'ab', 'b', 'B', '7', 'é', 'e\u0301', '𝔸', '\ud835', 'ﬁ', ' ', '  ', ',', '[', ']', '/', '-', "'", '\u00a0', '_');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sameWords(a, b)).toBe(words(a) === words(b));
        expect(sameWords(a, a)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(sameWords('We [agree] here.', 'We agree, here')).toBe(true);
    expect(sameWords('We agree', 'We agreed')).toBe(false);
  });
});
