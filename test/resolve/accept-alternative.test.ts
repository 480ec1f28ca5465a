import { describe, expect, it } from 'vitest';
import { acceptAlternative, plural } from '../../src/resolve/accept-alternative.js';
import { failure } from '../helpers/sandbox.js';
import { bundled, leavesInputAlone, paragraph } from './paragraphs.js';

const ALT_3 =
  'We further underline the necessity of effective and efficient tools and mechanisms, at national and international levels, to promote international cooperation, inter alia, among law enforcement agencies on cybercrime.';
const ALT_71G2 = 'Encouraging relevant parties to negotiate special and reduced interconnection costs for LDCs, in accordance with relevant multilateral trade rules.';

describe('acceptAlternative on a paragraph', () => {
  it('makes "Alt 3" of 61 its text; the other wordings leave the paragraph', () => {
    const p61 = bundled('61');
    const { paragraph: after, summary } = leavesInputAlone(p61, (p) => acceptAlternative(p, 'Alt 3'));
    expect(after).toEqual({ address: '61', number: '61', status: 'open', bracketed: true, text: ALT_3, items: [], alternatives: [] });
    expect(summary).toBe('accepted "Alt 3" as the text of paragraph 61 (the former text and 2 other alternatives went to history)');
  });

  it('keeps the bracket inside an accepted alternative open', () => {
    const { paragraph: after } = acceptAlternative(bundled('61'), 'Alt 2');
    expect(after.text).toBe(
      'We further underline [the importance of efficient mechanisms and effective instruments at national and international levels, and] the necessity to promote international cooperation to this end.',
    );
  });

  it('matches the label whatever its case and spacing', () => {
    for (const label of ['alt 3', 'ALT 3', '  Alt   3 ', 'Alt\t3']) {
      const { paragraph: after, summary } = acceptAlternative(bundled('61'), label);
      expect(after.text).toBe(ALT_3);
      expect(summary).toMatch(/^accepted "Alt 3" as the text of paragraph 61/);
    }
  });

  it('says "1 other alternative" and "0 other alternatives"', () => {
    const two = paragraph({ alternatives: [{ label: 'Alt 1', text: 'One.' }, { label: 'Alt 2', text: 'Two.' }] });
    expect(acceptAlternative(two, 'Alt 2').summary).toBe('accepted "Alt 2" as the text of paragraph 9 (the former text and 1 other alternative went to history)');
    const one = paragraph({ alternatives: [{ label: 'Option A', text: 'Only.' }] });
    const accepted = acceptAlternative(one, 'option a');
    expect(accepted.paragraph.text).toBe('Only.');
    expect(accepted.summary).toBe('accepted "Option A" as the text of paragraph 9 (the former text and 0 other alternatives went to history)');
  });

  it('leaves the alternatives of items alone when a paragraph alternative is accepted', () => {
    const p = paragraph({
      items: [{ label: 'a)', text: 'Item.', alternatives: [{ label: 'Alt a1', text: 'Other item.' }] }],
      alternatives: [{ label: 'Alt 1', text: 'New text.' }],
    });
    const { paragraph: after } = acceptAlternative(p, 'Alt 1');
    expect(after.items).toEqual(p.items);
    expect(after.alternatives).toEqual([]);
    expect(after.text).toBe('New text.');
  });
});

describe('acceptAlternative on an item', () => {
  it('makes "Alt 71g2" the text of item f) of 71 and removes its alternatives', () => {
    const p71 = bundled('71');
    const { paragraph: after, summary } = leavesInputAlone(p71, (p) => acceptAlternative(p, 'alt 71G2'));
    const f = after.items[5];
    expect(f).toEqual({ label: 'f)', text: ALT_71G2 });
    expect(f).not.toHaveProperty('alternatives');
    expect(after.items.slice(0, 5)).toEqual(p71.items.slice(0, 5));
    expect(after.items[4]?.status).toBe('agreed');
    expect(after.text).toBe(p71.text);
    expect(after.status).toBe('open');
    expect(summary).toBe('accepted "Alt 71g2" as the text of item f) of paragraph 71 (the former text and 1 other alternative went to history)');
  });
});

describe('acceptAlternative errors', () => {
  it('an unknown label lists the labels there are', () => {
    const error = failure(() => acceptAlternative(bundled('61'), 'Alt 4'));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 61 has no alternative "Alt 4"; its alternatives are "Alt 1", "Alt 2", "Alt 3"');
  });

  it('lists the alternatives of items too', () => {
    expect(failure(() => acceptAlternative(bundled('71'), 'Alt 1')).message).toBe(
      'paragraph 71 has no alternative "Alt 1"; its alternatives are "Alt 71g1", "Alt 71g2"',
    );
  });

  it('says so when the paragraph has no alternatives at all', () => {
    expect(failure(() => acceptAlternative(bundled('56'), 'Alt 1')).message).toBe('paragraph 56 has no alternatives');
  });
});

describe('plural', () => {
  it('adds an s except for one', () => {
    expect([0, 1, 2].map((n) => plural(n, 'bracket'))).toEqual(['0 brackets', '1 bracket', '2 brackets']);
  });
});
