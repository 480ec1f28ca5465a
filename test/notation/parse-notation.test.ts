import { describe, expect, it } from 'vitest';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import type { NotationRoot } from '../../src/notation/types.js';
import {
  bracket,
  expectErrors,
  expectTree,
  labelled,
  option,
  p1,
  root,
  span1,
  stripPositions,
  text,
} from './notation-helpers.js';

/** Parses, asserts ok, and returns the tree without positions. */
const shape = (source: string): NotationRoot => stripPositions(expectTree(parseNotation(source)));

describe('parseNotation: plain text', () => {
  it('parses the empty string to an empty root spanning nothing', () => {
    expect(parseNotation('')).toEqual({
      ok: true,
      tree: { type: 'root', children: [], position: span1(0, 0) },
    });
  });

  it('keeps plain text as one text node, with positions', () => {
    expect(parseNotation('agreed text')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [{ type: 'text', value: 'agreed text', position: span1(0, 11) }],
        position: span1(0, 11),
      },
    });
  });

  it('treats a slash outside brackets as text, document symbol or not', () => {
    expect(shape('enhance/establish a model/mechanism')).toEqual(
      root(text('enhance/establish a model/mechanism')),
    );
    expect(shape('as outlined in UNGA A/60/L.1* with')).toEqual(
      root(text('as outlined in UNGA A/60/L.1* with')),
    );
    expect(parseNotation('as outlined in UNGA A/60/L.1* with')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [{ type: 'text', value: 'as outlined in UNGA A/60/L.1* with', position: span1(0, 34) }],
        position: span1(0, 34),
      },
    });
  });
});

describe('parseNotation: brackets', () => {
  it('parses an optional bracket `[some] adjustments` with exact positions', () => {
    expect(parseNotation('[some] adjustments')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [{ type: 'text', value: 'some', position: span1(1, 5) }],
                position: span1(1, 5),
              },
            ],
            position: span1(0, 6),
          },
          { type: 'text', value: ' adjustments', position: span1(6, 18) },
        ],
        position: span1(0, 18),
      },
    });
  });

  it('parses the real alternatives example `[management/development]` with exact positions', () => {
    const source = 'We recognize ... the technical [management/development] of the Internet.';
    expect(parseNotation(source)).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          { type: 'text', value: 'We recognize ... the technical ', position: span1(0, 31) },
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [{ type: 'text', value: 'management', position: span1(32, 42) }],
                position: span1(32, 42),
              },
              {
                type: 'option',
                children: [{ type: 'text', value: 'development', position: span1(43, 54) }],
                position: span1(43, 54),
              },
            ],
            position: span1(31, 55),
          },
          { type: 'text', value: ' of the Internet.', position: span1(55, 72) },
        ],
        position: span1(0, 72),
      },
    });
  });

  it('parses the real keep-or-drop example with a long single option', () => {
    const inner =
      'the importance of efficient mechanisms and effective instruments at national and international levels, and';
    const source = `We further underline [${inner}] the necessity to promote`;
    expect(parseNotation(source)).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          { type: 'text', value: 'We further underline ', position: span1(0, 21) },
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [{ type: 'text', value: inner, position: span1(22, 128) }],
                position: span1(22, 128),
              },
            ],
            position: span1(21, 129),
          },
          { type: 'text', value: ' the necessity to promote', position: span1(129, 154) },
        ],
        position: span1(0, 154),
      },
    });
  });

  it('keeps a document symbol with digits inside a bracket as one option', () => {
    expect(shape('[as outlined in A/60/L.1/Rev.2]')).toEqual(
      root(bracket(option(text('as outlined in A/60/L.1/Rev.2')))),
    );
    expect(shape('[see A/60/L.1]')).toEqual(root(bracket(option(text('see A/60/L.1')))));
  });

  it('splits options only on slashes outside document symbols', () => {
    expect(shape('[see A/60/L.1/recall 57/239]')).toEqual(
      root(bracket(option(text('see A/60/L.1/recall 57/239')))),
    );
    expect(shape('[see A/60/L.1 / recall 57/239]')).toEqual(
      root(bracket(option(text('see A/60/L.1 ')), option(text(' recall 57/239')))),
    );
    expect(shape('[and/or]')).toEqual(root(bracket(option(text('and')), option(text('or')))));
  });

  it('parses adjacent brackets `[shall][agree to]` as two siblings', () => {
    expect(parseNotation('[shall][agree to]')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [{ type: 'text', value: 'shall', position: span1(1, 6) }],
                position: span1(1, 6),
              },
            ],
            position: span1(0, 7),
          },
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [{ type: 'text', value: 'agree to', position: span1(8, 16) }],
                position: span1(8, 16),
              },
            ],
            position: span1(7, 17),
          },
        ],
        position: span1(0, 17),
      },
    });
  });

  it('parses a bracket inside a word `member[s]`', () => {
    expect(parseNotation('member[s]')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          { type: 'text', value: 'member', position: span1(0, 6) },
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [{ type: 'text', value: 's', position: span1(7, 8) }],
                position: span1(7, 8),
              },
            ],
            position: span1(6, 9),
          },
        ],
        position: span1(0, 9),
      },
    });
    expect(shape('all member[s] [shall][agree to] act')).toEqual(
      root(
        text('all member'),
        bracket(option(text('s'))),
        text(' '),
        bracket(option(text('shall'))),
        bracket(option(text('agree to'))),
        text(' act'),
      ),
    );
  });

  it('parses nested options `[a/[b/c]/d]` with exact positions', () => {
    expect(parseNotation('[a/[b/c]/d]')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [{ type: 'text', value: 'a', position: span1(1, 2) }],
                position: span1(1, 2),
              },
              {
                type: 'option',
                children: [
                  {
                    type: 'bracket',
                    options: [
                      {
                        type: 'option',
                        children: [{ type: 'text', value: 'b', position: span1(4, 5) }],
                        position: span1(4, 5),
                      },
                      {
                        type: 'option',
                        children: [{ type: 'text', value: 'c', position: span1(6, 7) }],
                        position: span1(6, 7),
                      },
                    ],
                    position: span1(3, 8),
                  },
                ],
                position: span1(3, 8),
              },
              {
                type: 'option',
                children: [{ type: 'text', value: 'd', position: span1(9, 10) }],
                position: span1(9, 10),
              },
            ],
            position: span1(0, 11),
          },
        ],
        position: span1(0, 11),
      },
    });
  });

  it('nests to the depth limit', () => {
    expect(shape('x[a[b[c[d]e]f]g]y')).toEqual(
      root(
        text('x'),
        bracket(
          option(
            text('a'),
            bracket(
              option(
                text('b'),
                bracket(option(text('c'), bracket(option(text('d'))), text('e'))),
                text('f'),
              ),
            ),
            text('g'),
          ),
        ),
        text('y'),
      ),
    );
    const deep = '['.repeat(100) + 'core' + ']'.repeat(100);
    const tree = expectTree(parseNotation(deep));
    expect(printNotation(tree)).toBe(deep);
  });

  it('refuses brackets nested past the depth limit with one error, however deep they go', () => {
    for (const depth of [101, 100_000]) {
      const result = parseNotation('x ' + '['.repeat(depth) + 'core' + ']'.repeat(depth));
      expect(result).toEqual({
        ok: false,
        errors: [
          {
            code: 'NESTING_TOO_DEEP',
            message: 'brackets nested 101 deep, past the limit of 100 (raise it with --max-depth or NDRAFT_MAX_DEPTH)',
            point: { line: 1, column: 103, offset: 102 },
          },
        ],
      });
    }
  });

  it('parses empty brackets `[]` to one empty option', () => {
    expect(parseNotation('[]')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          {
            type: 'bracket',
            options: [{ type: 'option', children: [], position: span1(1, 1) }],
            position: span1(0, 2),
          },
        ],
        position: span1(0, 2),
      },
    });
  });

  it('parses `[/]` to two empty options', () => {
    expect(parseNotation('[/]')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          {
            type: 'bracket',
            options: [
              { type: 'option', children: [], position: span1(1, 1) },
              { type: 'option', children: [], position: span1(2, 2) },
            ],
            position: span1(0, 3),
          },
        ],
        position: span1(0, 3),
      },
    });
    expect(shape('[a//b]')).toEqual(root(bracket(option(text('a')), option(), option(text('b')))));
  });

  it('splits a spaced slash into options that keep their spaces', () => {
    expect(shape('[technology / know-how]')).toEqual(
      root(bracket(option(text('technology ')), option(text(' know-how')))),
    );
  });

  it('reads `[a]/[b]` among other words as brackets joined by a slash, not as options of the bracket around them', () => {
    // WIPO IGC, TCE draft articles, article 5: the outer bracket is to keep or drop.
    const source = '[[Member States]/[Contracting Parties] [should]/[shall] not apply sanctions in cases of use/utilization/inclusion.]';
    const parsed = expectTree(parseNotation(source));
    expect(stripPositions(parsed)).toEqual(
      root(
        bracket(
          option(
            bracket(option(text('Member States'))),
            text('/'),
            bracket(option(text('Contracting Parties'))),
            text(' '),
            bracket(option(text('should'))),
            text('/'),
            bracket(option(text('shall'))),
            text(' not apply sanctions in cases of use/utilization/inclusion.'),
          ),
        ),
      ),
    );
    expect(printNotation(parsed)).toBe(source);
    // Positions still slice the source: the joined text runs from the first option's words to the last's.
    const outer = parsed.children[0];
    const last = outer?.type === 'bracket' ? outer.options[0]?.children.at(-1) : undefined;
    expect(last?.position && source.slice(last.position.start.offset, last.position.end.offset)).toBe(' not apply sanctions in cases of use/utilization/inclusion.');
    expect(shape('[this [instrument]/[treaty] applies]')).toEqual(
      root(bracket(option(text('this '), bracket(option(text('instrument'))), text('/'), bracket(option(text('treaty'))), text(' applies')))),
    );
  });

  it('still reads options that are each one bracket alone as a choice: `[[new]/[old]]`', () => {
    expect(shape('[[new]/[old]]')).toEqual(root(bracket(option(bracket(option(text('new')))), option(bracket(option(text('old')))))));
    expect(shape('[ [new] / [old] ]')).toEqual(
      root(bracket(option(text(' '), bracket(option(text('new'))), text(' ')), option(text(' '), bracket(option(text('old'))), text(' ')))),
    );
  });

  it('gives positions on line 2 and later for multi-line input', () => {
    const source = 'first line\nsecond [a/b] line\n[c]';
    expect(parseNotation(source)).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          {
            type: 'text',
            value: 'first line\nsecond ',
            position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 8, offset: 18 } },
          },
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [
                  {
                    type: 'text',
                    value: 'a',
                    position: { start: { line: 2, column: 9, offset: 19 }, end: { line: 2, column: 10, offset: 20 } },
                  },
                ],
                position: { start: { line: 2, column: 9, offset: 19 }, end: { line: 2, column: 10, offset: 20 } },
              },
              {
                type: 'option',
                children: [
                  {
                    type: 'text',
                    value: 'b',
                    position: { start: { line: 2, column: 11, offset: 21 }, end: { line: 2, column: 12, offset: 22 } },
                  },
                ],
                position: { start: { line: 2, column: 11, offset: 21 }, end: { line: 2, column: 12, offset: 22 } },
              },
            ],
            position: { start: { line: 2, column: 8, offset: 18 }, end: { line: 2, column: 13, offset: 23 } },
          },
          {
            type: 'text',
            value: ' line\n',
            position: { start: { line: 2, column: 13, offset: 23 }, end: { line: 3, column: 1, offset: 29 } },
          },
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [
                  {
                    type: 'text',
                    value: 'c',
                    position: { start: { line: 3, column: 2, offset: 30 }, end: { line: 3, column: 3, offset: 31 } },
                  },
                ],
                position: { start: { line: 3, column: 2, offset: 30 }, end: { line: 3, column: 3, offset: 31 } },
              },
            ],
            position: { start: { line: 3, column: 1, offset: 29 }, end: { line: 3, column: 4, offset: 32 } },
          },
        ],
        position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 4, offset: 32 } },
      },
    });
  });

  it('parses a bracket spanning lines', () => {
    const tree = expectTree(parseNotation('a [b\nc/d] e'));
    expect(stripPositions(tree)).toEqual(
      root(text('a '), bracket(option(text('b\nc')), option(text('d'))), text(' e')),
    );
    const b = tree.children[1];
    expect(b?.type).toBe('bracket');
    expect(b?.position).toEqual({
      start: { line: 1, column: 3, offset: 2 },
      end: { line: 2, column: 5, offset: 9 },
    });
  });

  it('keeps CRLF line endings in text and counts lines on `\\n`', () => {
    const source = 'a\r\n[b]';
    expect(parseNotation(source)).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          {
            type: 'text',
            value: 'a\r\n',
            position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 1, offset: 3 } },
          },
          {
            type: 'bracket',
            options: [
              {
                type: 'option',
                children: [
                  {
                    type: 'text',
                    value: 'b',
                    position: { start: { line: 2, column: 2, offset: 4 }, end: { line: 2, column: 3, offset: 5 } },
                  },
                ],
                position: { start: { line: 2, column: 2, offset: 4 }, end: { line: 2, column: 3, offset: 5 } },
              },
            ],
            position: { start: { line: 2, column: 1, offset: 3 }, end: { line: 2, column: 4, offset: 6 } },
          },
        ],
        position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 4, offset: 6 } },
      },
    });
  });

  it('counts columns in UTF-16 code units and keeps unicode text intact', () => {
    const source = '😀 «[قرار/decision]»\u00a0x';
    const tree = expectTree(parseNotation(source));
    expect(stripPositions(tree)).toEqual(
      root(text('😀 «'), bracket(option(text('قرار')), option(text('decision'))), text('»\u00a0x')),
    );
    expect(tree.children[1]?.position).toEqual(span1(4, 19));
  });
});

describe('parseNotation: errors', () => {
  it('reports a stray closing bracket `a ] b` with code and point', () => {
    expect(parseNotation('a ] b')).toEqual({
      ok: false,
      errors: [
        {
          code: 'UNEXPECTED_CLOSING_BRACKET',
          message: expect.any(String),
          point: { line: 1, column: 3, offset: 2 },
        },
      ],
    });
  });

  it('reports `[a [b]` as unclosed at the first bracket only', () => {
    expect(parseNotation('[a [b]')).toEqual({
      ok: false,
      errors: [{ code: 'UNCLOSED_BRACKET', message: expect.any(String), point: p1(0) }],
    });
  });

  it('collects every error in offset order, across lines', () => {
    const source = ']a[b]c]\n[d [e';
    const errors = expectErrors(parseNotation(source));
    expect(errors.map((e) => [e.code, e.point])).toEqual([
      ['UNEXPECTED_CLOSING_BRACKET', { line: 1, column: 1, offset: 0 }],
      ['UNEXPECTED_CLOSING_BRACKET', { line: 1, column: 7, offset: 6 }],
      ['UNCLOSED_BRACKET', { line: 2, column: 1, offset: 8 }],
      ['UNCLOSED_BRACKET', { line: 2, column: 4, offset: 11 }],
    ]);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(0);
  });

  it('reports every unclosed bracket of `[[[`', () => {
    const errors = expectErrors(parseNotation('[[['));
    expect(errors.map((e) => [e.code, e.point.offset])).toEqual([
      ['UNCLOSED_BRACKET', 0],
      ['UNCLOSED_BRACKET', 1],
      ['UNCLOSED_BRACKET', 2],
    ]);
  });

  it('reports points on the right line and column for CRLF input', () => {
    const source = 'line one\r\n[a/b]\r\n] end [x';
    expect(parseNotation(source)).toEqual({
      ok: false,
      errors: [
        {
          code: 'UNEXPECTED_CLOSING_BRACKET',
          message: expect.any(String),
          point: { line: 3, column: 1, offset: 17 },
        },
        {
          code: 'UNCLOSED_BRACKET',
          message: expect.any(String),
          point: { line: 3, column: 7, offset: 23 },
        },
      ],
    });
  });

  it('never throws on odd input', () => {
    for (const source of [']', '[', '][', '\uD800[', '/]/[/', '\r\n\r\n]', '[\u0000]']) {
      expect(() => parseNotation(source)).not.toThrow();
    }
    expect(parseNotation('][').ok).toBe(false);
    expect(printNotation(expectTree(parseNotation('[\u0000]')))).toBe('[\u0000]');
  });
});

describe('parseNotation: labelled brackets', () => {
  it('keeps `Option 2A: ` as the label of its bracket, apart from the words, with exact positions', () => {
    expect(parseNotation('shall [Option 2A: act now]')).toEqual({
      ok: true,
      tree: {
        type: 'root',
        children: [
          { type: 'text', value: 'shall ', position: span1(0, 6) },
          {
            type: 'bracket',
            label: { value: 'Option 2A', raw: 'Option 2A: ' },
            options: [{ type: 'option', children: [{ type: 'text', value: 'act now', position: span1(18, 25) }], position: span1(18, 25) }],
            position: span1(6, 26),
          },
        ],
        position: span1(0, 26),
      },
    });
  });

  it('reads every spelling of a label: digits, letters, parentheses, any case, blanks around the colon', () => {
    const labels = ['Option 1: ', 'Option (a): ', 'option B:', 'OPTION 2bis :  ', 'Option\u00a0IV:\t'];
    for (const raw of labels) {
      const source = `[${raw}words/others]`;
      const tree = shape(source);
      const node = tree.children[0];
      expect(node?.type === 'bracket' ? node.label?.raw : undefined, source).toBe(raw);
      expect(tree).toEqual(root(labelled(raw, option(text('words')), option(text('others')))));
      expect(printNotation(tree)).toBe(source);
    }
  });

  it('reads no label where the words only look like one', () => {
    for (const source of ['[Option 2A act now]', '[the Option 2A: text]', '[Option: now]', '[Option 2-A: now]', 'Option 2A: outside']) {
      const tree = shape(source);
      expect(JSON.stringify(tree), source).not.toContain('label');
      expect(printNotation(tree)).toBe(source);
    }
  });

  it("reads the proposers that open a bracket as its label: `[EU: …]`, `[US/AU propose: …]`", () => {
    const labels = ['EU: ', 'G77: ', 'US/AU propose: ', 'NZ/CL/PE propose; US/JP oppose: ', 'CA5/MX6 propose:  '];
    for (const raw of labels) {
      const source = `[${raw}useful]`;
      const tree = shape(source);
      expect(tree, source).toEqual(root(labelled(raw, option(text('useful')))));
      expect(printNotation(tree)).toBe(source);
    }
    // Words, long acronyms, lower case and a missing colon are the bracket's own words.
    for (const source of ['[Note: see above]', '[AOSIS: now]', '[eu: now]', '[EU now]', '[the EU: now]', '[EU : now]x']) {
      const tree = shape(source);
      const node = tree.children[0];
      expect(node?.type === 'bracket' ? node.label?.value : undefined, source).toBe(source === '[EU : now]x' ? 'EU' : undefined);
    }
  });

  it('reads a label on a nested bracket too, and a labelled bracket left open is still an error', () => {
    expect(shape('[a [Option 1: b]]')).toEqual(root(bracket(option(text('a '), labelled('Option 1: ', option(text('b')))))));
    expect(expectErrors(parseNotation('x [Option 1: y'))).toEqual([
      { code: 'UNCLOSED_BRACKET', message: 'opening bracket "[" is never closed', point: p1(2) },
    ]);
  });
});
