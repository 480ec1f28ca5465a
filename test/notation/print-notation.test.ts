import { describe, expect, it } from 'vitest';
import { printNotation } from '../../src/notation/print-notation.js';
import type { InlineNode } from '../../src/notation/types.js';
import { bracket, option, root, span1, text } from './notation-helpers.js';

describe('printNotation', () => {
  it('prints a text node as its value, slashes and all', () => {
    expect(printNotation(text('see A/60/L.1 and/or x'))).toBe('see A/60/L.1 and/or x');
    expect(printNotation(text(''))).toBe('');
  });

  it('prints an empty root as the empty string', () => {
    expect(printNotation(root())).toBe('');
  });

  it('prints a one-option bracket as keep-or-drop', () => {
    expect(printNotation(root(text('a '), bracket(option(text('some'))), text(' b')))).toBe('a [some] b');
  });

  it('prints a bracket with three options joined by slashes', () => {
    const tree = root(
      text('to '),
      bracket(option(text('enhance')), option(text('establish')), option(text('strengthen'))),
      text(' the forum'),
    );
    expect(printNotation(tree)).toBe('to [enhance/establish/strengthen] the forum');
  });

  it('prints empty brackets and empty options', () => {
    expect(printNotation(bracket(option()))).toBe('[]');
    expect(printNotation(bracket(option(), option()))).toBe('[/]');
    expect(printNotation(bracket(option(text('a')), option(), option(text('b'))))).toBe('[a//b]');
    // A bracket with no options at all is not produced by the parser, but still prints.
    expect(printNotation({ type: 'bracket', options: [] })).toBe('[]');
  });

  it('prints nested brackets inside options', () => {
    const tree = root(
      bracket(
        option(text('a')),
        option(bracket(option(text('b')), option(text('c')))),
        option(text('d'), bracket(option(text('e'), bracket(option(text('f')))))),
      ),
    );
    expect(printNotation(tree)).toBe('[a/[b/c]/d[e[f]]]');
  });

  it('prints adjacent brackets and brackets inside words', () => {
    expect(
      printNotation(
        root(
          text('member'),
          bracket(option(text('s'))),
          text(' '),
          bracket(option(text('shall'))),
          bracket(option(text('agree to'))),
        ),
      ),
    ).toBe('member[s] [shall][agree to]');
  });

  it('prints an option node as its children only, without brackets', () => {
    expect(printNotation(option(text('x '), bracket(option(text('y'))), text(' z')))).toBe('x [y] z');
  });

  it('prints an array of inline nodes as their concatenation', () => {
    const nodes: InlineNode[] = [text('a'), bracket(option(text('b')), option(text('c'))), text('d')];
    expect(printNotation(nodes)).toBe('a[b/c]d');
    expect(printNotation([])).toBe('');
  });

  it('ignores positions, even wrong ones', () => {
    const withPositions = root(text('abc', span1(40, 43)), bracket(option(text('x', span1(0, 1)))));
    expect(printNotation(withPositions)).toBe('abc[x]');
  });

  it('prints multi-line and unicode text verbatim', () => {
    const tree = root(
      text('line one\r\n'),
      bracket(option(text('قرار')), option(text('«decision»'))),
      text('\u00a0end\n'),
    );
    expect(printNotation(tree)).toBe('line one\r\n[قرار/«decision»]\u00a0end\n');
  });
});
