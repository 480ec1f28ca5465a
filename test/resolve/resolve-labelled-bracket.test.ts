import { describe, expect, it } from 'vitest';
import { resolveBracket } from '../../src/resolve/resolve-bracket.js';
import { failure } from '../helpers/sandbox.js';
import { leavesInputAlone, paragraph } from './paragraphs.js';

const P5 = paragraph({ address: '5', number: '5', text: 'Parties shall [Option 2A: act now][Option 2B: act by 2030].' });

describe('resolveBracket: a labelled choice', () => {
  it('picks Option 2B by its label: its words replace the group, without the label', () => {
    const { paragraph: after, summary } = leavesInputAlone(P5, (p) => resolveBracket(p, 1, { kind: 'label', label: 'Option 2B' }));
    expect(after).toEqual({ ...P5, text: 'Parties shall act by 2030.' });
    expect(summary).toBe('chose Option 2B "act by 2030" of bracket 1 (a choice between Option 2A and Option 2B) in text of paragraph 5');
  });

  it('takes the label by its mark, in any case, from any bracket of the group', () => {
    for (const [n, label] of [[1, '2A'], [2, '2a'], [2, 'option 2A']] as const) {
      expect(resolveBracket(P5, n, { kind: 'label', label }).paragraph.text).toBe('Parties shall act now.');
    }
  });

  it('reads a number given to --option as a label when the bracket is labelled', () => {
    const p = paragraph({ text: 'We [Option 1: agree] [Option 2: decide] to act.' });
    expect(resolveBracket(p, 2, { kind: 'option', option: 1 }).paragraph.text).toBe('We agree to act.');
  });

  it('keeps the words of a lone labelled bracket, not its label', () => {
    const p = paragraph({ text: 'We agree [Option (a): to act] today.' });
    const { paragraph: after, summary } = resolveBracket(p, 1, { kind: 'keep' });
    expect(after.text).toBe('We agree to act today.');
    expect(summary).toBe('kept the words of bracket 1 [Option (a): to act] in text of paragraph 9');
  });

  it('drops one labelled bracket alone: the rest of the choice stays open', () => {
    expect(resolveBracket(P5, 1, { kind: 'drop' }).paragraph.text).toBe('Parties shall [Option 2B: act by 2030].');
  });

  it('keeps brackets inside the chosen option open, and an `a/b` option as an unlabelled bracket', () => {
    const p = paragraph({ text: 'We [Option A: act [now]] [Option B: act/decide] later.' });
    expect(resolveBracket(p, 1, { kind: 'label', label: 'A' }).paragraph.text).toBe('We act [now] later.');
    expect(resolveBracket(p, 3, { kind: 'label', label: 'B' }).paragraph.text).toBe('We [act/decide] later.');
  });

  it('refuses --keep on a choice of two, an unknown label, and a label for an unlabelled bracket', () => {
    const keep = failure(() => resolveBracket(P5, 1, { kind: 'keep' }));
    expect(keep.kind).toBe('usage');
    expect(keep.message).toBe('bracket 1 is one of a choice between "Option 2A", "Option 2B"; pick one with --option, e.g. --option "Option 2A"');
    const unknown = failure(() => resolveBracket(P5, 2, { kind: 'label', label: '2C' }));
    expect(unknown.kind).toBe('usage');
    expect(unknown.message).toBe('bracket 2 is one of a choice between "Option 2A", "Option 2B"; there is no "2C"');
    const plain = failure(() => resolveBracket(paragraph({ text: 'We [a/b].' }), 1, { kind: 'label', label: '2B' }));
    expect(plain.kind).toBe('usage');
    expect(plain.message).toBe('bracket 1 [a/b] has no label; choose its option by number (--option 1 to 2)');
  });
});
