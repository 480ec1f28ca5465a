import { describe, expect, it } from 'vitest';
import { applyChoices } from '../../src/merge/apply-choices.js';
import { mergeAlternatives } from '../../src/resolve/merge-alternatives.js';
import { failure } from '../helpers/sandbox.js';
import { bundled, leavesInputAlone, paragraph } from './paragraphs.js';

describe('mergeAlternatives', () => {
  it('folds the named alternatives into the text; the others stay', () => {
    const p61 = bundled('61');
    const merge = leavesInputAlone(p61, (p) => mergeAlternatives(p, { labels: ['alt 1', 'Alt 3'] }));
    expect(merge.paragraph.text).toBe(
      'We further underline the necessity of effective [instruments] and efficient [tools and] mechanisms[,] at national and international levels, [and the importance] to promote international cooperation [to this end/, inter alia, among law enforcement agencies on cybercrime].',
    );
    expect(merge.paragraph.alternatives.map((a) => a.label)).toEqual(['Alt 2']);
    expect(merge.wordings).toEqual(['Alt 1', 'Alt 3']);
    expect(merge.summary).toBe('merged "Alt 1", "Alt 3" into the text of paragraph 61: 5 brackets, 17 words in contest, 19 agreed');
    // Choosing each wording's options gives that wording back.
    expect(applyChoices(merge.result.tree, merge.result.choices[1] ?? [])).toBe(p61.alternatives[2]?.text);
  });

  it('takes every alternative when none is named, and the text first with --with-text', () => {
    const p = paragraph({ text: 'We agree to act now.', alternatives: [{ label: 'Alt 1', text: 'We agree to act soon.' }] });
    const merge = mergeAlternatives(p, { labels: [], withText: true });
    expect(merge.paragraph.text).toBe('We agree to act [now/soon].');
    expect(merge.paragraph.alternatives).toEqual([]);
    expect(merge.wordings).toEqual(['text', 'Alt 1']);
  });

  it('merges the alternatives of an item into the item', () => {
    const merge = mergeAlternatives(bundled('71'), { labels: [], item: 'f' });
    const f = merge.paragraph.items[5];
    expect(f?.text).toMatch(/^Encouraging \[ISPs and other\/relevant\] parties/);
    expect(f?.alternatives).toBeUndefined();
    expect(merge.summary).toMatch(/into the text of item f\) of paragraph 71: 4 brackets/);
  });

  it('says what is wrong with the wordings asked for', () => {
    expect(failure(() => mergeAlternatives(bundled('56'), { labels: [] })).message).toBe(
      'paragraph 56 has no alternatives: name at least two wordings to merge, or add --with-text to take the text in',
    );
    expect(failure(() => mergeAlternatives(bundled('61'), { labels: ['Alt 1'] })).message).toMatch(/name at least two wordings/);
    expect(failure(() => mergeAlternatives(bundled('61'), { labels: ['Alt 1', 'alt 1'] })).message).toBe('"Alt 1" is named twice');
    expect(failure(() => mergeAlternatives(bundled('71'), { labels: ['Alt 71g1', 'Alt 71g2'] })).message).toBe(
      '"Alt 71g1" belongs to item f), not to paragraph 71; add --item f',
    );
    expect(failure(() => mergeAlternatives(bundled('61'), { labels: ['Alt 1', 'Alt 9'] })).message).toMatch(/no alternative "Alt 9"; its alternatives are "Alt 1", "Alt 2", "Alt 3"/);
  });
});
