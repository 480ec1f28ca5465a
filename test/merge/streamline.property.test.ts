import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChoices } from '../../src/merge/apply-choices.js';
import { startsWithClosingMark } from '../../src/merge/closing-mark.js';
import { normalizeWhitespace } from '../../src/merge/normalize-whitespace.js';
import { streamlineWordings } from '../../src/merge/streamline-wordings.js';
import { tokenizeWording } from '../../src/merge/tokenize-wording.js';
import type { StreamlineResult } from '../../src/merge/types.js';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import type { BracketNode } from '../../src/notation/types.js';
import { stripPositions } from '../notation/notation-helpers.js';

const NUM_RUNS = 300;

// ---------------------------------------------------------------------------------------------
// Arbitraries: wordings from a small vocabulary, so that they share words
// ---------------------------------------------------------------------------------------------

/** Plain words, without digits or slashes: no join ever needs a space (used for maximality). */
const PLAIN_WORDS = ['the', 'of', 'and', 'rules', 'new', 'forum', 'cooperation', 'inter', 'alia', 'Europe’s', 'U.N'];
/** Words whose slashes are text (a digit, an address): they make joining slashes need a space. */
const SYMBOLS = ['2005', '2006', 'A/60/L.1', '55/63', 'https://un.org/x'];
const MARKS = [',', '.', ';', ':', '(', ')', '“', '”', '-'];
const PHRASES = ['[new]', '[the new]', '[x/y]', '[2005/2006]', '[a [b] c]', '[, and]', '[]'];
/** A literal slash outside brackets that the parser would read as a separator inside one. */
const SLASHED = ['and/or', 'enhance/establish'];
/** Two brackets joined by a slash: `[[a]/[b] c]` is not a choice of two (see `joinsBrackets`). */
const JOINED = /\][ \t\u00a0]*\/[ \t\u00a0]*\[/u;
/** Mostly one space; sometimes none (gluing tokens), several, a line break or a no-break space. */
const SEPARATORS = [' ', ' ', ' ', ' ', ' ', '', '\n', '  ', '\u00a0', '\t'];

type Piece = readonly [separator: string, token: string];

function pieceOf(tokens: fc.Arbitrary<string>): fc.Arbitrary<Piece> {
  return fc.tuple(fc.constantFrom(...SEPARATORS), tokens);
}

const plainToken = fc.oneof(
  { arbitrary: fc.constantFrom(...PLAIN_WORDS), weight: 6 },
  { arbitrary: fc.constantFrom(...MARKS), weight: 2 },
);
const richToken = fc.oneof(
  { arbitrary: fc.constantFrom(...PLAIN_WORDS), weight: 30 },
  { arbitrary: fc.constantFrom(...SYMBOLS), weight: 8 },
  { arbitrary: fc.constantFrom(...MARKS), weight: 12 },
  { arbitrary: fc.constantFrom(...PHRASES), weight: 8 },
  { arbitrary: fc.constantFrom(...SLASHED), weight: 1 },
);

const join = (pieces: readonly Piece[]): string => pieces.map(([sep, token]) => sep + token).join('');

/** A base wording and 2–5 wordings made from it by a few deletions, insertions and replacements. */
function editedWordings(tokens: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('delete', 'insert', 'replace'), piece: pieceOf(tokens) });
  return fc
    .tuple(fc.array(pieceOf(tokens), { minLength: 1, maxLength: 14 }), fc.array(fc.array(edit, { maxLength: 3 }), { minLength: 2, maxLength: 5 }))
    .map(([base, edits]) =>
      edits.map((list) => {
        const pieces = [...base];
        for (const { at, op, piece } of list) {
          const i = at % (pieces.length + 1);
          if (op === 'insert') pieces.splice(i, 0, piece);
          else if (i < pieces.length) pieces.splice(i, 1, ...(op === 'replace' ? [piece] : []));
        }
        return join(pieces);
      }),
    );
}

/** 2–5 unrelated wordings; they still share words, the vocabulary being small. */
function independentWordings(tokens: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  return fc.array(fc.array(pieceOf(tokens), { maxLength: 10 }).map(join), { minLength: 2, maxLength: 5 });
}

const wordingSets = (tokens: fc.Arbitrary<string>): fc.Arbitrary<string[]> =>
  fc.oneof({ arbitrary: editedWordings(tokens), weight: 3 }, { arbitrary: independentWordings(tokens), weight: 1 });

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The merge's own brackets: top-level brackets that not every wording keeps as written. */
function mergeBrackets(result: StreamlineResult): { bracket: BracketNode; index: number }[] {
  const top = result.tree.children.filter((c): c is BracketNode => c.type === 'bracket');
  return top.map((bracket, index) => ({ bracket, index })).filter(({ index }) => result.choices[0]?.[index] !== 'keep');
}

/** What wording k puts in place of top-level bracket i. */
function contentFor(result: StreamlineResult, bracket: BracketNode, k: number, index: number): string {
  const choice = result.choices[k]?.[index];
  if (choice === undefined || choice === 'keep') throw new Error('not a merge bracket');
  return choice === 'drop' ? '' : printNotation(bracket.options[choice.option] ?? { type: 'option', children: [] });
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('streamlineWordings (property)', () => {
  it('(a) resolving the result as each wording chooses gives that wording back, white space runs aside', () => {
    // Guaranteed: normalizeWhitespace(applyChoices(tree, choices[k])) === normalizeWhitespace(wordings[k]),
    // every white space run made one space and the ends trimmed. Tokens compare white space only as
    // "some or none", so a shared word is printed with the first wording's spaces (a line break
    // may stand where wording k had a space) and a wording's leading and trailing space is dropped.
    // Nothing else changes: words, marks, brackets and where spaces are (or are not) all come back.
    fc.assert(
      fc.property(wordingSets(richToken), (wordings) => {
        const result = streamlineWordings(wordings);
        expect(result.issues.filter((i) => i.code !== 'SLASH_READ_AS_SEPARATOR')).toEqual([]);
        const reparsed = parseNotation(result.text);
        const trees = result.issues.length === 0 && reparsed.ok ? [result.tree, reparsed.tree] : [result.tree];
        wordings.forEach((wording, k) => {
          for (const tree of trees) {
            expect(normalizeWhitespace(applyChoices(tree, result.choices[k] ?? []))).toBe(normalizeWhitespace(wording));
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) the text is valid notation that reads back as the tree, unless an option holds a literal slash or options meet as ]/[', () => {
    fc.assert(
      fc.property(wordingSets(richToken), (wordings) => {
        const result = streamlineWordings(wordings);
        expect(printNotation(result.tree)).toBe(result.text);
        const reparsed = parseNotation(result.text);
        expect(reparsed.ok).toBe(true);
        if (!reparsed.ok) return;
        expect(printNotation(reparsed.tree)).toBe(result.text);
        if (result.issues.length === 0) expect(stripPositions(reparsed.tree)).toEqual(result.tree);
        else {
          // Only a wording's own separator-like slash, outside its brackets, can cause this, or
          // options that meet as `]/[` among other words (read as a slashed choice of their own).
          expect(wordings.some((w) => SLASHED.some((s) => w.includes(s))) || JOINED.test(result.text)).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(c) no bracket of the merge has two equal options, an empty one-option bracket or two empty options', () => {
    fc.assert(
      fc.property(wordingSets(richToken), (wordings) => {
        const result = streamlineWordings(wordings);
        const own = mergeBrackets(result);
        expect(own).toHaveLength(result.brackets);
        for (const { bracket } of own) {
          const options = bracket.options.map((o) => printNotation(o));
          expect(new Set(options).size).toBe(options.length);
          if (options.length === 1) expect(options[0]).not.toBe('');
        }
        // One choice per top-level bracket for every wording; a bracket kept by one is kept by all.
        const top = result.tree.children.filter((c) => c.type === 'bracket').length;
        for (const list of result.choices) expect(list).toHaveLength(top);
        for (let i = 0; i < top; i++) {
          const kept = result.choices.map((list) => list[i] === 'keep');
          expect(kept.every((x) => x === kept[0])).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d1) identical wordings give the text back with no bracket', () => {
    fc.assert(
      fc.property(fc.array(pieceOf(richToken), { maxLength: 12 }), fc.integer({ min: 2, max: 5 }), (pieces, n) => {
        const wording = join(pieces);
        const result = streamlineWordings(Array.from({ length: n }, () => wording));
        expect(result.brackets).toBe(0);
        expect(result.contestedWords).toBe(0);
        expect(result.text).toBe(wording.trim());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d2) wordings that differ in one word only give exactly one bracket', () => {
    const oneWordApart = fc
      .tuple(
        fc.array(pieceOf(richToken), { maxLength: 6 }),
        fc.array(pieceOf(richToken), { maxLength: 6 }),
        fc.array(fc.constantFrom(...PLAIN_WORDS, ...SYMBOLS), { minLength: 2, maxLength: 5 }),
      )
      .filter(([, , words]) => new Set(words).size > 1)
      .map(([before, after, words]) => words.map((word) => `${join(before)} ${word} ${join(after)}`));
    fc.assert(
      fc.property(oneWordApart, (wordings) => {
        const result = streamlineWordings(wordings);
        expect(result.brackets).toBe(1);
        expect(result.issues).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d3) brackets are maximal at their edges: the wordings never all start, or all end, with the same token', () => {
    // Plain words only, so that no joining slash needs a space and no bracket is widened for one.
    // Tokens as aligned: their text, and whether white space comes before them. A bracket after
    // white space (or at the start, which counts as white space) holds words that follow a space,
    // or a closing mark that follows none.
    const firstAndLast = (content: string, spaceBefore: boolean): [string, string] => {
      const tokens = tokenizeWording(content);
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      const spacedFirst = (spaceBefore && !startsWithClosingMark(content)) || /^\s/u.test(content) ? ' ' : '';
      const spacedLast = last === first ? spacedFirst : last?.lead ? ' ' : '';
      return [spacedFirst + (first?.text ?? ''), spacedLast + (last?.text ?? '')];
    };
    fc.assert(
      fc.property(wordingSets(plainToken), (wordings) => {
        const result = streamlineWordings(wordings);
        for (const { bracket, index } of mergeBrackets(result)) {
          const contents = wordings.map((_, k) => contentFor(result, bracket, k, index));
          if (contents.some((c) => c.trim() === '')) continue; // a wording with nothing there shares nothing
          const at = result.tree.children.indexOf(bracket);
          const before = result.tree.children[at - 1];
          const spaceBefore = at === 0 || (before?.type === 'text' && /\s$/u.test(before.value));
          const edges = contents.map((c) => firstAndLast(c, spaceBefore));
          expect(edges.every(([first]) => first === edges[0]?.[0]), `all start alike in ${result.text}`).toBe(false);
          expect(edges.every(([, last]) => last === edges[0]?.[1]), `all end alike in ${result.text}`).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
