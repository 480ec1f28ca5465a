import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/model/schemas.js';
import { matchImportedParagraphs, type MatchSide } from '../../src/revisions/match-imported-paragraphs.js';

const para = (address: string, text: string): Paragraph => ({ address, number: address, status: 'open', bracketed: false, text, items: [], alternatives: [] });

function side(...paragraphs: Paragraph[]): MatchSide {
  const byAddress = new Map(paragraphs.map((p) => [p.address, p]));
  return { addresses: paragraphs.map((p) => p.address), paragraph: (address) => byAddress.get(address) as Paragraph };
}

const A = 'We reaffirm the principles of the Geneva phase of the summit.';
const B = 'We recognize the vital role of governments in Internet governance.';
const C = 'Capacity-building is a priority for developing countries and LDCs.';

describe('matchImportedParagraphs', () => {
  it('pairs by number where the words are alike, and by words where a paragraph inserted renumbered the rest', () => {
    const draft = side(para('1', A), para('2', B), para('3', C));
    const later = side(para('1', A), para('2', 'We note a new paragraph on spam.'), para('3', B), para('4', C));
    expect(matchImportedParagraphs(draft, later)).toEqual({
      pairs: [
        { draft: '1', imported: '1', by: 'number' },
        { draft: '2', imported: '3', by: 'content' },
        { draft: '3', imported: '4', by: 'content' },
      ],
      added: ['2'],
      removed: [],
    });
  });

  it('keeps a paragraph reworded beyond recognition under its own number when nothing else takes it', () => {
    const draft = side(para('1', A), para('2', B));
    const later = side(para('1', A), para('2', 'Entirely new words here.'));
    expect(matchImportedParagraphs(draft, later).pairs).toContainEqual({ draft: '2', imported: '2', by: 'number' });
  });

  it('removes what the later text dropped, and adds what it brings', () => {
    const draft = side(para('1', A), para('2', B));
    const later = side(para('1', A), para('3', C));
    expect(matchImportedParagraphs(draft, later)).toMatchObject({ added: ['3'], removed: ['2'] });
  });

  it('pairs a large draft renumbered from its start, reworded paragraphs included, stretch by stretch', () => {
    const words = (i: number, last = `epsilon${i}`) => `We note alpha${i} beta${i} gamma${i} delta${i} ${last} zeta${i} eta${i} theta${i} of the draft.`;
    const n = 1200;
    const draft = side(...Array.from({ length: n }, (_, i) => para(String(i + 1), words(i))));
    // A new paragraph 1: every other is printed one higher; one in ten is reworded too.
    const later = side(para('1', 'We welcome a new opening paragraph on the summit.'), ...Array.from({ length: n }, (_, i) => para(String(i + 2), i % 10 === 3 ? words(i, `iota${i}`) : words(i))));
    const started = Date.now();
    const match = matchImportedParagraphs(draft, later);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(match.added).toEqual(['1']);
    expect(match.removed).toEqual([]);
    expect(match.pairs.filter((p) => Number(p.imported) !== Number(p.draft) + 1)).toEqual([]);
  });
});
