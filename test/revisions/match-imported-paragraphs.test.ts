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
});
