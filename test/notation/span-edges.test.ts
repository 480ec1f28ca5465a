import { describe, expect, it } from 'vitest';
import { parseNotation, unmatchedBrackets } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import { replaceBracket } from '../../src/notation/replace-bracket.js';
import type { NotationRoot } from '../../src/notation/types.js';
import { findUnbracketedChoices } from '../../src/notation/unbracketed-choices.js';
import { listBrackets } from '../../src/notation/visit-brackets.js';
import { expectErrors, expectTree, stripPositions } from './notation-helpers.js';

describe('unmatchedBrackets', () => {
  it('finds the "]" met with nothing open and the "[" left open, in one pass', () => {
    expect(unmatchedBrackets('a] b [c] d] e [f [g] h')).toEqual({ closes: [1, 10], opens: [14] });
    expect(unmatchedBrackets('[a [b] c] d')).toEqual({ closes: [], opens: [] });
    expect(unmatchedBrackets('')).toEqual({ closes: [], opens: [] });
  });
});

describe('parseNotation with span edges', () => {
  it('reads the unmatched "[" of a span that opens in the text as a spanOpen at the root', () => {
    const tree = expectTree(parseNotation('Parties shall [consider [further] steps', { closes: [], opens: [1] }));
    expect(stripPositions(tree)).toEqual({
      type: 'root',
      children: [
        { type: 'text', value: 'Parties shall ' },
        { type: 'spanOpen', span: 1 },
        { type: 'text', value: 'consider ' },
        { type: 'bracket', options: [{ type: 'option', children: [{ type: 'text', value: 'further' }] }] },
        { type: 'text', value: ' steps' },
      ],
    });
    expect(tree.children[1]?.position).toEqual({ start: { line: 1, column: 15, offset: 14 }, end: { line: 1, column: 16, offset: 15 } });
  });

  it('reads the first unmatched "]" as the edges of the spans that close, in order', () => {
    const tree = expectTree(parseNotation('by 2030.] and [x] later.] Then [y', { closes: [2, 1], opens: [3] }));
    expect(tree.children.filter((c) => c.type !== 'text' && c.type !== 'bracket')).toMatchObject([
      { type: 'spanClose', span: 2 },
      { type: 'spanClose', span: 1 },
      { type: 'spanOpen', span: 3 },
    ]);
    expect(listBrackets(tree.children)).toHaveLength(1);
  });

  it('prints a tree with span edges back to the text it came from', () => {
    for (const [text, spans] of [
      ['[Also requests the secretariat;', { closes: [], opens: [1] }],
      ['by [31 March] 2016;]', { closes: [1], opens: [] }],
      ['a] b [c/d] e [f', { closes: [4], opens: [5] }],
      ['x [y [z', { closes: [], opens: [1, 2] }],
    ] as const) {
      const tree = expectTree(parseNotation(text, spans));
      expect(printNotation(tree)).toBe(text);
    }
  });

  it('takes a "/" after a span\'s "[" as text: a span is kept or dropped, never a choice', () => {
    const tree = expectTree(parseNotation('[NZ/CL propose; US/JP oppose: The objectives', { closes: [], opens: [1] }));
    expect(tree.children.map((c) => c.type)).toEqual(['spanOpen', 'text']);
  });

  it('takes the last unmatched "[" as the span\'s: any before it are never closed, an error as ever', () => {
    const errors = expectErrors(parseNotation('[a [b', { closes: [], opens: [1] }));
    expect(errors.map((e) => [e.code, e.point.offset])).toEqual([['UNCLOSED_BRACKET', 0]]);
  });

  it('reports a stray "]" past the spans that close, and an edge named with no bracket for it', () => {
    expect(expectErrors(parseNotation('a] b]', { closes: [1], opens: [] })).map((e) => [e.code, e.point.offset])).toEqual([['UNEXPECTED_CLOSING_BRACKET', 4]]);
    const missing = expectErrors(parseNotation('no brackets here', { closes: [1], opens: [2] }));
    expect(missing.map((e) => [e.code, e.point.offset])).toEqual([
      ['SPAN_EDGE_MISSING', 0],
      ['SPAN_EDGE_MISSING', 16],
    ]);
    expect(missing[1]?.message).toBe('bracket span 2 opens in this text, but it has no "[" left unmatched to open it');
  });

  it('without edges, an unmatched bracket is an error as before', () => {
    expect(expectErrors(parseNotation('[a')).map((e) => e.code)).toEqual(['UNCLOSED_BRACKET']);
    expect(expectErrors(parseNotation('a]', { closes: [], opens: [] })).map((e) => e.code)).toEqual(['UNEXPECTED_CLOSING_BRACKET']);
  });
});

describe('the tree walks and span edges', () => {
  const tree = (text: string, closes: number[], opens: number[]): NotationRoot => expectTree(parseNotation(text, { closes, opens }));

  it('replaceBracket keeps the edges where they were', () => {
    const t = tree('we [agree] that] and [then', [1], [2]);
    const [first] = listBrackets(t.children);
    expect(printNotation(replaceBracket(t, first?.bracket as never, []))).toBe('we that] and [then');
  });

  it('findUnbracketedChoices leaves alone the words inside a span, and flags those outside', () => {
    expect(findUnbracketedChoices(tree('enhance/establish [shall/should', [], [1])).map((c) => c.text)).toEqual(['enhance/establish']);
    expect(findUnbracketedChoices(tree('enhance/establish] shall/should', [1], [])).map((c) => c.text)).toEqual(['shall/should']);
    expect(findUnbracketedChoices(expectTree(parseNotation('enhance/establish')), 1)).toEqual([]);
  });
});
