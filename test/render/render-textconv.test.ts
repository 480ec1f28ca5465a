import { describe, expect, it } from 'vitest';
import { paragraphSchema } from '../../src/model/schemas.js';
import { renderTextconv } from '../../src/render/render-textconv.js';

describe('renderTextconv', () => {
  it('one line per text: head, text, items with their alternatives, alternatives, notes, positions', () => {
    const paragraph = paragraphSchema.parse({
      address: 'art3-2',
      number: '2',
      status: 'open',
      bracketed: true,
      text: 'We [note/welcome] the work of:',
      items: [
        { label: 'a)', text: 'the [ITU]', status: 'agreed' },
        { label: 'b)', text: 'others', alternatives: [{ label: 'Alt b1', text: 'no one', opposedBy: ['US'] }], notes: [{ text: 'check', kind: 'comment', author: 'EU' }] },
      ],
      alternatives: [{ label: 'Alt 1', scope: { insertAfterSentence: 1 }, text: 'We also [act].', proposedBy: ['EU', 'G77'], supportedBy: ['CH'] }],
      notes: [{ text: 'Facilitator: Kenya', kind: 'editorial' }],
      bracketPositions: [{ in: 'text', bracket: '[note/welcome]', proposedBy: ['EU'] }],
    });
    expect(renderTextconv(paragraph)).toBe(
      [
        'Paragraph 2 (art3-2) · open · bracketed as a whole',
        'text: We [note/welcome] the work of:',
        'item a) (agreed): the [ITU]',
        'item b): others',
        'item b) Alt b1 (replaces the whole text): no one',
        'item b) Alt b1 positions: opposed by US',
        'item b) Comment (EU): check',
        'Alt 1 (to insert after sentence 1): We also [act].',
        'Alt 1 positions: proposed by EU, G77 · supported by CH',
        'Editorial note: Facilitator: Kenya',
        'positions on [note/welcome] in text: proposed by EU',
        '',
      ].join('\n'),
    );
  });

  it('an unnumbered agreed paragraph: the address, and no empty lines', () => {
    const paragraph = paragraphSchema.parse({ address: 'pp1', status: 'agreed', bracketed: false, text: 'Recalling the Geneva phase,' });
    expect(renderTextconv(paragraph)).toBe('Paragraph pp1 · agreed\ntext: Recalling the Geneva phase,\n');
  });
});
