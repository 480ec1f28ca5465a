import { describe, expect, it } from 'vitest';
import { changeBracketPosition, proposeNewBrackets, withoutStaleBracketPositions } from '../../src/resolve/bracket-positions.js';
import { paragraph } from './paragraphs.js';

const p = paragraph({ text: 'We [shall/should] act [now].' });

describe('changeBracketPosition', () => {
  it('keeps a position by the text and the bracket as written, one per delegation', () => {
    const once = changeBracketPosition(p, '2', 'EU', 'support').paragraph;
    expect(once.bracketPositions).toEqual([{ in: 'text', bracket: '[now]', supportedBy: ['EU'] }]);
    const moved = changeBracketPosition(once, 'now', 'EU', 'oppose');
    expect(moved.paragraph.bracketPositions).toEqual([{ in: 'text', bracket: '[now]', opposedBy: ['EU'] }]);
    expect(moved.summary).toBe('EU wants to drop the words of bracket 2 [now] of paragraph 9');
    expect(p.bracketPositions).toBeUndefined();
  });

  it('refuses the same position twice, and a withdrawal of none; the last withdrawal leaves no entry', () => {
    const held = changeBracketPosition(p, '1', 'G77', 'propose').paragraph;
    expect(() => changeBracketPosition(held, '1', 'G77', 'propose')).toThrow('G77 already asks for bracket 1 [shall/should] of paragraph 9');
    expect(() => changeBracketPosition(held, '1', 'US', 'withdraw')).toThrow('US holds no position on bracket 1');
    expect(changeBracketPosition(held, '1', 'g77', 'withdraw').paragraph.bracketPositions).toBeUndefined();
  });
});

describe('withoutStaleBracketPositions', () => {
  it('drops the positions of brackets the text no longer has, and keeps the others', () => {
    const held = changeBracketPosition(changeBracketPosition(p, '1', 'EU', 'support').paragraph, '2', 'G77', 'oppose').paragraph;
    const resolved = { ...held, text: 'We shall act [now].' };
    expect(withoutStaleBracketPositions(resolved).bracketPositions).toEqual([{ in: 'text', bracket: '[now]', opposedBy: ['G77'] }]);
    expect(withoutStaleBracketPositions({ ...held, text: 'We shall act now.' }).bracketPositions).toBeUndefined();
    expect(withoutStaleBracketPositions(held)).toBe(held);
  });
});

describe('proposeNewBrackets', () => {
  it('records the delegation as asking for the brackets the change put in, and only those', () => {
    const after = { ...p, text: 'We [shall/should] act [now] [together].' };
    expect(proposeNewBrackets(p, after, 'EU').bracketPositions).toEqual([{ in: 'text', bracket: '[together]', proposedBy: ['EU'] }]);
    expect(proposeNewBrackets(p, p, 'EU')).toBe(p);
  });
});
