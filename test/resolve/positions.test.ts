import { describe, expect, it } from 'vitest';
import { proposeAlternative, recordPosition } from '../../src/resolve/positions.js';
import { failure } from '../helpers/sandbox.js';
import { bundled, leavesInputAlone, paragraph } from './paragraphs.js';

const PROPOSED = 'We further underline the need for [effective] cooperation.';

describe('proposeAlternative', () => {
  it('adds "Alt 4" to 61 by default, proposed by the delegation', () => {
    const p61 = bundled('61');
    const { paragraph: after, summary } = leavesInputAlone(p61, (p) => proposeAlternative(p, { text: PROPOSED, by: 'EU' }));
    expect(after).toEqual({ ...p61, alternatives: [...p61.alternatives, { label: 'Alt 4', text: PROPOSED, proposedBy: ['EU'] }] });
    expect(summary).toBe('added "Alt 4" to paragraph 61, proposed by EU');
  });

  it('trims the text and takes the label given', () => {
    const { paragraph: after, summary } = proposeAlternative(bundled('61'), { text: `  ${PROPOSED}\n`, label: ' Option B ', by: 'G77' });
    expect(after.alternatives[3]).toEqual({ label: 'Option B', text: PROPOSED, proposedBy: ['G77'] });
    expect(summary).toBe('added "Option B" to paragraph 61, proposed by G77');
  });

  it('counts on from the highest "Alt N", however it is spelt', () => {
    const p = paragraph({ alternatives: [{ label: 'alt. 7', text: 'x' }, { label: 'Option 9', text: 'y' }] });
    expect(proposeAlternative(p, { text: 'z', by: 'EU' }).paragraph.alternatives[2]?.label).toBe('Alt 8');
    expect(proposeAlternative(paragraph(), { text: 'z', by: 'EU' }).paragraph.alternatives[0]?.label).toBe('Alt 1');
  });

  it('refuses a label that clashes, whatever its case and spacing', () => {
    const error = failure(() => proposeAlternative(bundled('61'), { text: PROPOSED, label: 'alt  2', by: 'EU' }));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 61 already has an alternative "alt  2"; choose another --label');
  });

  it('refuses a label used by an item alternative, and the other way round', () => {
    expect(failure(() => proposeAlternative(bundled('71'), { text: 'x', label: 'Alt 71g1', by: 'EU' })).message).toBe(
      'paragraph 71 already has an alternative "Alt 71g1"; choose another --label',
    );
    const withOwn = paragraph({ items: [{ label: 'a)', text: 'Item.' }], alternatives: [{ label: 'Alt 1', text: 'x' }] });
    expect(failure(() => proposeAlternative(withOwn, { text: 'y', label: 'Alt 1', item: 'a', by: 'EU' })).message).toBe(
      'paragraph 9 already has an alternative "Alt 1"; choose another --label',
    );
  });

  it('refuses text that does not parse, saying where', () => {
    const unclosed = failure(() => proposeAlternative(bundled('61'), { text: 'We [further underline', by: 'EU' }));
    expect(unclosed.kind).toBe('input');
    expect(unclosed.message).toBe('the proposed text does not parse: opening bracket "[" is never closed at column 4');
    expect(failure(() => proposeAlternative(bundled('61'), { text: 'We further] underline', by: 'EU' })).message).toBe(
      'the proposed text does not parse: closing bracket "]" has no opening bracket at column 11',
    );
  });

  it('refuses empty text', () => {
    expect(failure(() => proposeAlternative(bundled('61'), { text: '  ', by: 'EU' })).message).toBe('--text is empty; give the wording you propose');
  });

  it('adds an alternative to an item', () => {
    const p71 = bundled('71');
    const { paragraph: after, summary } = proposeAlternative(p71, { text: 'Encouraging all parties.', label: 'Alt 71g3', item: 'f', by: 'LDCs' });
    expect(after.items[5]?.alternatives).toEqual([...(p71.items[5]?.alternatives ?? []), { label: 'Alt 71g3', text: 'Encouraging all parties.', proposedBy: ['LDCs'] }]);
    expect(after.alternatives).toEqual([]);
    expect(summary).toBe('added "Alt 71g3" to item f) of paragraph 71, proposed by LDCs');
    const first = proposeAlternative(p71, { text: 'Setting up backbones.', item: 'b)', by: 'EU' });
    expect(first.paragraph.items[1]?.alternatives).toEqual([{ label: 'Alt 1', text: 'Setting up backbones.', proposedBy: ['EU'] }]);
  });

  it('refuses an agreed item and says how to reopen it', () => {
    const error = failure(() => proposeAlternative(bundled('71'), { text: 'Other wording.', item: 'e)', by: 'EU' }));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('item e) of paragraph 71 is agreed and locked; reopen it first with "ndraft reopen 71 --item e"');
  });

  it('refuses an unknown item', () => {
    expect(failure(() => proposeAlternative(bundled('71'), { text: 'x', item: 'z', by: 'EU' })).message).toBe(
      'paragraph 71 has no item "z"; its items are a), b), c), d), e), f)',
    );
  });
});

describe('recordPosition', () => {
  it('records support and opposition', () => {
    const p61 = bundled('61');
    const supported = leavesInputAlone(p61, (p) => recordPosition(p, 'Alt 2', 'G77', 'support'));
    expect(supported.paragraph.alternatives[1]).toEqual({ ...p61.alternatives[1], proposedBy: ['G77'] });
    expect(supported.paragraph.alternatives[1]).not.toHaveProperty('opposedBy');
    expect(supported.summary).toBe('G77 supports "Alt 2" of paragraph 61');
    const opposed = recordPosition(supported.paragraph, 'alt 2', 'EU', 'oppose');
    expect(opposed.paragraph.alternatives[1]).toEqual({ ...p61.alternatives[1], proposedBy: ['G77'], opposedBy: ['EU'] });
    expect(opposed.summary).toBe('EU opposes "Alt 2" of paragraph 61');
    expect(opposed.paragraph.alternatives.filter((_, i) => i !== 1)).toEqual(p61.alternatives.filter((_, i) => i !== 1));
  });

  it('moves a delegation from proposedBy to opposedBy and back: one position each', () => {
    const p = paragraph({ alternatives: [{ label: 'Alt 1', text: 'x', proposedBy: ['EU', 'G77'] }] });
    const opposed = recordPosition(p, 'Alt 1', 'G77', 'oppose').paragraph;
    expect(opposed.alternatives[0]).toEqual({ label: 'Alt 1', text: 'x', proposedBy: ['EU'], opposedBy: ['G77'] });
    const back = recordPosition(opposed, 'Alt 1', 'g77', 'support').paragraph;
    expect(back.alternatives[0]).toEqual({ label: 'Alt 1', text: 'x', proposedBy: ['EU', 'g77'] });
    expect(back.alternatives[0]).not.toHaveProperty('opposedBy');
    const last = recordPosition(paragraph({ alternatives: [{ label: 'Alt 1', text: 'x', proposedBy: ['EU'] }] }), 'Alt 1', 'EU', 'oppose').paragraph;
    expect(last.alternatives[0]).toEqual({ label: 'Alt 1', text: 'x', opposedBy: ['EU'] });
    expect(last.alternatives[0]).not.toHaveProperty('proposedBy');
  });

  it('refuses a position the delegation already holds, whatever its case', () => {
    const p = paragraph({ alternatives: [{ label: 'Alt 1', text: 'x', proposedBy: ['G77'], opposedBy: ['EU'] }] });
    const support = failure(() => recordPosition(p, 'Alt 1', 'g77', 'support'));
    expect(support.kind).toBe('input');
    expect(support.message).toBe('g77 already supports "Alt 1" of paragraph 9');
    expect(failure(() => recordPosition(p, 'Alt 1', 'EU', 'oppose')).message).toBe('EU already opposes "Alt 1" of paragraph 9');
  });

  it('records positions on the alternatives of an item', () => {
    const { paragraph: after, summary } = recordPosition(bundled('71'), 'Alt 71g2', 'LDCs', 'support');
    expect(after.items[5]?.alternatives?.[1]?.proposedBy).toEqual(['LDCs']);
    expect(after.items[5]?.alternatives?.[0]).not.toHaveProperty('proposedBy');
    expect(summary).toBe('LDCs supports "Alt 71g2" of paragraph 71');
  });

  it('an unknown label lists the labels there are', () => {
    expect(failure(() => recordPosition(bundled('61'), 'Alt 9', 'EU', 'support')).message).toBe(
      'paragraph 61 has no alternative "Alt 9"; its alternatives are "Alt 1", "Alt 2", "Alt 3"',
    );
  });
});
