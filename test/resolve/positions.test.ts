import { describe, expect, it } from 'vitest';
import { proposeAlternative, recordPosition, withdrawPosition } from '../../src/resolve/positions.js';
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
  it('records support in supportedBy and opposition in opposedBy, apart from the proposers', () => {
    const p61 = bundled('61');
    const supported = leavesInputAlone(p61, (p) => recordPosition(p, 'Alt 2', 'G77', 'support'));
    expect(supported.paragraph.alternatives[1]).toEqual({ ...p61.alternatives[1], supportedBy: ['G77'] });
    expect(supported.paragraph.alternatives[1]).not.toHaveProperty('proposedBy');
    expect(supported.summary).toBe('G77 supports "Alt 2" of paragraph 61');
    const opposed = recordPosition(supported.paragraph, 'alt 2', 'EU', 'oppose');
    expect(opposed.paragraph.alternatives[1]).toEqual({ ...p61.alternatives[1], supportedBy: ['G77'], opposedBy: ['EU'] });
    expect(opposed.summary).toBe('EU opposes "Alt 2" of paragraph 61');
    expect(opposed.paragraph.alternatives.filter((_, i) => i !== 1)).toEqual(p61.alternatives.filter((_, i) => i !== 1));
  });

  it('moves a supporter to opposedBy and back: one position each', () => {
    const p = paragraph({ alternatives: [{ label: 'Alt 1', text: 'x', proposedBy: ['EU'], supportedBy: ['G77'] }] });
    const opposed = recordPosition(p, 'Alt 1', 'G77', 'oppose');
    expect(opposed.paragraph.alternatives[0]).toEqual({ label: 'Alt 1', text: 'x', proposedBy: ['EU'], opposedBy: ['G77'] });
    expect(opposed.summary).toBe('G77 opposes "Alt 1" of paragraph 9 (it no longer supports it)');
    const back = recordPosition(opposed.paragraph, 'Alt 1', 'g77', 'support');
    expect(back.paragraph.alternatives[0]).toEqual({ label: 'Alt 1', text: 'x', proposedBy: ['EU'], supportedBy: ['g77'] });
    expect(back.paragraph.alternatives[0]).not.toHaveProperty('opposedBy');
    expect(back.summary).toBe('g77 supports "Alt 1" of paragraph 9 (it no longer opposes it)');
  });

  it('refuses a position the delegation already holds, whatever its case; a proposer supports already', () => {
    const p = paragraph({ alternatives: [{ label: 'Alt 1', text: 'x', proposedBy: ['US'], supportedBy: ['G77'], opposedBy: ['EU'] }] });
    const support = failure(() => recordPosition(p, 'Alt 1', 'g77', 'support'));
    expect(support.kind).toBe('input');
    expect(support.message).toBe('g77 already supports "Alt 1" of paragraph 9');
    expect(failure(() => recordPosition(p, 'Alt 1', 'EU', 'oppose')).message).toBe('EU already opposes "Alt 1" of paragraph 9');
    expect(failure(() => recordPosition(p, 'Alt 1', 'us', 'support')).message).toBe('us already supports "Alt 1" of paragraph 9 (it is listed as proposing it)');
  });

  it('refuses a proposer opposing its own proposal, pointing to withdraw', () => {
    const p = paragraph({ alternatives: [{ label: 'Alt 1', text: 'x', proposedBy: ['EU'] }] });
    expect(failure(() => recordPosition(p, 'Alt 1', 'EU', 'oppose')).message).toBe(
      'EU is listed as proposing "Alt 1" of paragraph 9; to take the proposal back: ndraft withdraw 9 "Alt 1" --by EU',
    );
  });

  it('records positions on the alternatives of an item', () => {
    const { paragraph: after, summary } = recordPosition(bundled('71'), 'Alt 71g2', 'LDCs', 'support');
    expect(after.items[5]?.alternatives?.[1]?.supportedBy).toEqual(['LDCs']);
    expect(after.items[5]?.alternatives?.[0]).not.toHaveProperty('supportedBy');
    expect(summary).toBe('LDCs supports "Alt 71g2" of paragraph 71');
  });

  it('an unknown label lists the labels there are', () => {
    expect(failure(() => recordPosition(bundled('61'), 'Alt 9', 'EU', 'support')).message).toBe(
      'paragraph 61 has no alternative "Alt 9"; its alternatives are "Alt 1", "Alt 2", "Alt 3"',
    );
  });
});

describe('withdrawPosition', () => {
  it('takes back support or opposition, leaving the others', () => {
    const p = paragraph({ alternatives: [{ label: 'Alt 1', text: 'x', proposedBy: ['EU'], supportedBy: ['G77', 'AOSIS'], opposedBy: ['US'] }] });
    const support = leavesInputAlone(p, (q) => withdrawPosition(q, 'alt 1', 'g77'));
    expect(support.paragraph.alternatives[0]).toEqual({ label: 'Alt 1', text: 'x', proposedBy: ['EU'], supportedBy: ['AOSIS'], opposedBy: ['US'] });
    expect(support.summary).toBe('g77 withdrew its support for "Alt 1" of paragraph 9');
    const opposition = withdrawPosition(p, 'Alt 1', 'US');
    expect(opposition.paragraph.alternatives[0]).toEqual({ label: 'Alt 1', text: 'x', proposedBy: ['EU'], supportedBy: ['G77', 'AOSIS'] });
    expect(opposition.summary).toBe('US withdrew its opposition to "Alt 1" of paragraph 9');
  });

  it('a proposal nobody else backs leaves the paragraph; one that others back stays', () => {
    const alone = paragraph({ alternatives: [{ label: 'Alt 1', text: 'x' }, { label: 'Alt 2', text: 'y', proposedBy: ['EU'], opposedBy: ['US'] }] });
    const gone = withdrawPosition(alone, 'Alt 2', 'EU');
    expect(gone.paragraph.alternatives).toEqual([{ label: 'Alt 1', text: 'x' }]);
    expect(gone.summary).toBe('EU withdrew "Alt 2" of paragraph 9; nobody else proposes or supports it, so it left the paragraph (ndraft restore 9 "Alt 2" brings it back)');
    const backed = paragraph({ alternatives: [{ label: 'Alt 2', text: 'y', proposedBy: ['EU'], supportedBy: ['G77'] }] });
    const stays = withdrawPosition(backed, 'Alt 2', 'EU');
    expect(stays.paragraph.alternatives).toEqual([{ label: 'Alt 2', text: 'y', supportedBy: ['G77'] }]);
    expect(stays.summary).toBe('EU withdrew its proposal "Alt 2" of paragraph 9; it stays, supported by G77');
  });

  it('an item\'s last alternative withdrawn leaves the item without alternatives', () => {
    const p71 = proposeAlternative(bundled('71'), { text: 'Setting up backbones.', item: 'b', by: 'EU' }).paragraph;
    const after = withdrawPosition(p71, 'Alt 1', 'EU').paragraph;
    expect(after).toEqual(bundled('71'));
  });

  it('refuses a delegation that holds no position, saying who does', () => {
    const p = paragraph({ alternatives: [{ label: 'Alt 1', text: 'x', proposedBy: ['EU'] }] });
    const error = failure(() => withdrawPosition(p, 'Alt 1', 'US'));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('US holds no position on "Alt 1" of paragraph 9 (proposed by EU)');
    expect(failure(() => withdrawPosition(bundled('61'), 'Alt 1', 'US')).message).toBe('US holds no position on "Alt 1" of paragraph 61');
  });
});
