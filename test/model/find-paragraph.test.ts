import { describe, expect, it } from 'vitest';
import { findParagraph } from '../../src/model/find-paragraph.js';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { failure } from '../helpers/sandbox.js';

const p = (address: string, number?: string): Paragraph => ({
  address,
  ...(number !== undefined ? { number } : {}),
  status: 'open',
  bracketed: false,
  text: `Text of ${address}.`,
  items: [],
  alternatives: [],
});

// A treaty text: numbering restarts in every article; a preamble without numbers.
const treaty: Draft = {
  meta: { title: 'Treaty', sections: [{ paragraphs: ['pp1', 'pp2'] }, { label: 'Article 3', paragraphs: ['art3-1', 'art3-2'] }, { label: 'Article 4', paragraphs: ['art4-1', 'art4-3bis'] }] },
  paragraphs: [p('pp1'), p('pp2'), p('art3-1', '1'), p('art3-2', '2'), p('art4-1', '1'), p('art4-3bis', '3 bis')],
};

describe('findParagraph', () => {
  it('finds a paragraph by its address, in any case', () => {
    expect(findParagraph(treaty, 'art3-2').address).toBe('art3-2');
    expect(findParagraph(treaty, 'ART4-1').address).toBe('art4-1');
    expect(findParagraph(treaty, 'pp2').number).toBeUndefined();
  });

  it('finds a paragraph by its printed number where only one carries it, spaces aside', () => {
    expect(findParagraph(treaty, '2').address).toBe('art3-2');
    expect(findParagraph(treaty, '3bis').address).toBe('art4-3bis');
    expect(findParagraph(treaty, '3 BIS').address).toBe('art4-3bis');
  });

  it('refuses a number printed more than once, listing the addresses to choose from', () => {
    expect(failure(() => findParagraph(treaty, '1')).message).toBe('paragraph number 1 is printed 2 times in this draft; name one by its address: art3-1, art4-1');
  });

  it('names what the draft holds for an unknown one', () => {
    expect(failure(() => findParagraph(treaty, 'art5-1')).message).toMatch(/^no paragraph art5-1 in this draft \(its 6 paragraphs run from pp1 to art4-3bis\)/);
  });
});
