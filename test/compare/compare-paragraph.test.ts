import { describe, expect, it } from 'vitest';
import { compareParagraph, type Side } from '../../src/compare/compare-paragraph.js';
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
