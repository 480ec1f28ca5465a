import type { Change } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, diffWordings, similarity, WordingDiff, type WordingDiffOptions } from '../../src/diff/wording-diff.js';

/** The changes as a readable string: `a <del>b</del><ins>c</ins>`, spacing exactly as in the change objects. */
function show(changes: readonly Change[]): string {
  return changes.map((c) => (c.added ? `<ins>${c.value}</ins>` : c.removed ? `<del>${c.value}</del>` : c.value)).join('');
}

const diff = (a: string, b: string, options: WordingDiffOptions = {}): string => show(diffWordings(a, b, options));

/** The two wordings read back from the changes. */
function sides(changes: readonly Change[]): { a: string; b: string } {
  return {
    a: changes.filter((c) => !c.added).map((c) => c.value).join(''),
    b: changes.filter((c) => !c.removed).map((c) => c.value).join(''),
  };
}

const ALT_1 =
  'We further underline the necessity of effective instruments and efficient mechanisms at national and international levels, and the importance to promote international cooperation to this end.';
const ALT_2 =
  'We further underline [the importance of efficient mechanisms and effective instruments at national and international levels, and] the necessity to promote international cooperation to this end.';

describe('diffWordings: words', () => {
  it('marks a replaced word, a deleted word and an inserted word', () => {
    expect(diff('a b c', 'a x c')).toBe('a <del>b</del><ins>x</ins> c');
    expect(diff('a b c', 'a c')).toBe('a<del> b</del> c');
    expect(diff('a c', 'a b c')).toBe('a<ins> b</ins> c');
  });

  it('keeps the first word of the other text with its space when the first word goes', () => {
    expect(diff('a b c', 'b c')).toBe('<del>a</del> b c');
    expect(diff('b c', 'a b c')).toBe('<ins>a</ins> b c');
  });

  it('replaces runs of words rather than interleaving spaces', () => {
    expect(
      diff(
        'Encouraging ISPs and other parties in commercial negotiations, recognising the special needs of LDCs',
        'Encouraging relevant parties to negotiate special and reduced interconnection costs for LDCs',
      ),
    ).toBe(
      'Encouraging <del>ISPs and other</del><ins>relevant</ins> parties <del>in commercial negotiations, recognising the</del><ins>to negotiate</ins> special <del>needs of</del><ins>and reduced interconnection costs for</ins> LDCs',
    );
  });

  it('reports nothing for identical wordings', () => {
    expect(diffWordings('We agree.', 'We agree.')).toEqual([{ value: 'We agree.', added: false, removed: false, count: 3 }]);
  });
});

describe('diffWordings: punctuation', () => {
  it('makes each punctuation mark a token of its own', () => {
    expect(diff('levels, and', 'levels and')).toBe('levels<del>,</del> and');
    expect(diff('to this end.', 'to this end;')).toBe('to this end<del>.</del><ins>;</ins>');
    expect(diff('“Geneva principles”', '"Geneva principles"')).toBe('<del>“</del><ins>"</ins>Geneva principles<del>”</del><ins>"</ins>');
    expect(new WordingDiff().tokenize('a...b')).toEqual(['a', '.', '.', '.', 'b']);
  });

  it('keeps hyphenated words, apostrophes and numbers whole', () => {
    expect(new WordingDiff().tokenize("Europe's non-discriminatory 55/63")).toEqual(["Europe's", ' non-discriminatory', ' 55', '/', '63']);
    expect(diff('non-discriminatory parameters', 'discriminatory parameters')).toBe('<del>non-discriminatory</del><ins>discriminatory</ins> parameters');
  });
});

describe('diffWordings: brackets', () => {
  it('treats each top-level bracket, nested brackets and all, as one token', () => {
    expect(new WordingDiff().tokenize('We [a [b] c/d] e [f].')).toEqual(['We', ' [a [b] c/d]', ' e', ' [f]', '.']);
  });

  it('inserts and deletes a bracketed phrase whole', () => {
    expect(diff(ALT_1, ALT_2)).toBe(
      'We further underline<ins> [the importance of efficient mechanisms and effective instruments at national and international levels, and]</ins> the necessity' +
        '<del> of effective instruments and efficient mechanisms at national and international levels, and the importance</del> to promote international cooperation to this end.',
    );
    expect(diff('We underline [the importance of X, and] the need', 'We underline the need')).toBe('We underline<del> [the importance of X, and]</del> the need');
  });

  it('replaces a bracket whole when a word inside it changes', () => {
    expect(diff('technical [management/development] of', 'technical [management/governance] of')).toBe(
      'technical <del>[management/development]</del><ins>[management/governance]</ins> of',
    );
    expect(diff('a [b] c', 'a b c')).toBe('a <del>[b]</del><ins>b</ins> c');
  });

  it('keeps a labelled bracket whole, its label shown with it', () => {
    expect(new WordingDiff().tokenize('shall [Option 2A: act now][Option 2B: act by 2030].')).toEqual([
      'shall',
      ' [Option 2A: act now]',
      '[Option 2B: act by 2030]',
      '.',
    ]);
    expect(diff('shall [Option 2A: act now][Option 2B: act by 2030].', 'shall act by 2030.')).toBe(
      'shall <del>[Option 2A: act now][Option 2B: act by 2030]</del><ins>act by 2030</ins>.',
    );
  });

  it('falls back to brackets as punctuation when they do not balance', () => {
    expect(new WordingDiff().tokenize('[61. We underline')).toEqual(['[', '61', '.', ' We', ' underline']);
    expect(diff('[61. We underline', '61. We underline')).toBe('<del>[</del>61. We underline');
  });
});

describe('diffWordings: whitespace', () => {
  it('ignores differences in whitespace alone by default', () => {
    expect(diff('a  b', 'a b')).toBe('a  b');
    expect(diffWordings('a\u00a0b', 'a b')).toHaveLength(1);
    expect(diffWordings('a ,b', 'a, b')).toHaveLength(1);
    expect(diffWordings('x [a  b] y', 'x [a b ] y')).toHaveLength(1);
    expect(diffWordings('a b\n', 'a b')).toHaveLength(1);
    expect(diffWordings(' a b', 'a b')).toHaveLength(1);
  });

  it('still reports words joined or split', () => {
    expect(diff('a b', 'ab')).toBe('<del>a b</del><ins>ab</ins>');
  });

  it('reports whitespace with whitespace: true', () => {
    expect(diff('a  b', 'a b', { whitespace: true })).toBe('a<del>  </del><ins> </ins>b');
    expect(diff('a\u00a0b', 'a b', { whitespace: true })).toBe('a<del>\u00a0</del><ins> </ins>b');
    expect(diff('a ,b', 'a, b', { whitespace: true })).toBe('a<del> </del>,<ins> </ins>b');
    expect(diff('x [a  b] y', 'x [a b] y', { whitespace: true })).toBe('x <del>[a  b]</del><ins>[a b]</ins> y');
    expect(diff('a b ', 'a b', { whitespace: true })).toBe('a b<del> </del>');
  });

  it('does not let spaces alone align unrelated words with whitespace: true', () => {
    expect(diff('a  b c', 'a b\u00a0c', { whitespace: true })).toBe('a<del>  </del><ins> </ins>b<del> </del><ins>\u00a0</ins>c');
    expect(diff('a b', 'b c', { whitespace: true })).toBe('<del>a </del>b<ins> c</ins>');
  });

  it('gives back both wordings exactly with whitespace: true, and up to spacing without', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'd', ',', '.', '[a b]', '[c/d]', '[a [b] c]', ' ', '  ', '\u00a0', '\n');
    const wording = fc.array(unit, { maxLength: 14 }).map((units) => units.join(''));
    const squash = (s: string) => s.replace(/\s+/gu, '');
    fc.assert(
      fc.property(wording, wording, (a, b) => {
        expect(sides(diffWordings(a, b, { whitespace: true }))).toEqual({ a, b });
        const loose = sides(diffWordings(a, b));
        expect({ a: squash(loose.a), b: squash(loose.b) }).toEqual({ a: squash(a), b: squash(b) });
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a text without brackets as the tree-based tokenizer does (its one-pass fast path)', () => {
    // The tokenizer before the fast path: units, each whitespace run glued to the unit after it.
    const UNIT = /[\p{L}\p{N}\p{M}\p{Pc}]+(?:['’‐‑-][\p{L}\p{N}\p{M}\p{Pc}]+)*|\s+|[^\s]/gu;
    const oracle = (text: string): string[] => {
      const tokens: string[] = [];
      let pending = '';
      for (const unit of text.match(UNIT) ?? []) {
        if (/^\s+$/u.test(unit)) pending += unit;
        else {
          tokens.push(pending + unit);
          pending = '';
        }
      }
      if (pending !== '') {
        if (tokens.length > 0) tokens[tokens.length - 1] += pending;
        else tokens.push(pending);
      }
      return tokens;
    };
    const unit = fc.constantFrom('a', 'bc', "it's", 'non-binding', 'é', '2030', ',', '.', '/', '—', ' ', '  ', '\u00a0', '\n', '\t');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 16 }).map((units) => units.join('')), (text) => {
        expect(new WordingDiff().tokenize(text)).toEqual(oracle(text));
      }),
      { numRuns: 500 },
    );
  });

  it('compares tokens on their units, spacing aside, as trim() sees spacing', () => {
    const space = fc.constantFrom('', ' ', '  ', '\u00a0', '\n', '\t', '\u2009', '\u3000', '\ufeff', '\u2028');
    const unit = fc.constantFrom('a', 'ab', 'b', "it's", ',', '—', '\u200b', 'é', 'e\u0301');
    const token = fc.tuple(space, unit, space).map(([before, u, after]) => `${before}${u}${after}`);
    const differ = new WordingDiff();
    fc.assert(
      fc.property(token, token, (a, b) => {
        expect(differ.equals(a, b)).toBe(a.trim() === b.trim());
      }),
      { numRuns: 1000 },
    );
    expect(differ.equals(' [a  b]', '[a b] ')).toBe(true);
    expect(differ.equals(' [a b]', 'a')).toBe(false);
  });

  it('tokenizes back to the wording in both modes', () => {
    const text = ' We  [a [b]\u00a0c], d. ';
    for (const whitespace of [false, true]) {
      const differ = new WordingDiff({ whitespace });
      expect(differ.join(differ.tokenize(text))).toBe(text);
    }
  });
});

describe('similarity', () => {
  it('is the share of words found in both, punctuation and spacing aside', () => {
    expect(similarity(diffWordings('a b c d', 'a b c d'))).toBe(1);
    expect(similarity(diffWordings('a b', 'c d'))).toBe(0);
    expect(similarity(diffWordings('a b', 'a c'))).toBe(0.5);
    expect(similarity(diffWordings('a b c', 'a b'))).toBe(0.8);
    expect(similarity(diffWordings('a, b.', 'a b;'))).toBe(1);
    expect(similarity(diffWordings('', ''))).toBe(1);
    expect(similarity(diffWordings('', 'a'))).toBe(0);
  });

  it('counts the words inside a bracket one by one', () => {
    expect(countWords('We [a [b] c/d] e, f.')).toBe(7);
    expect(similarity(diffWordings('We [a b] agree', 'We agree'))).toBe(2 * 2 / (4 + 2));
  });

  it('stays between 0 and 1', () => {
    const wording = fc.array(fc.constantFrom('a ', 'b ', 'c ', ', ', '[a b] ', 'd'), { maxLength: 12 }).map((u) => u.join(''));
    fc.assert(
      fc.property(wording, wording, (a, b) => {
        const figure = similarity(diffWordings(a, b));
        expect(figure).toBeGreaterThanOrEqual(0);
        expect(figure).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  // With punctuation or brackets, two alignments of the same length can share different numbers
  // of words (`b ,` against `, b`), and the figure follows the alignment shown.
  it('is symmetric for plain words', () => {
    const wording = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }).map((u) => u.join(' '));
    fc.assert(
      fc.property(wording, wording, (a, b) => {
        expect(similarity(diffWordings(b, a))).toBeCloseTo(similarity(diffWordings(a, b)), 10);
      }),
      { numRuns: 200 },
    );
  });
});

describe('WordingDiff.runs', () => {
  it('gives the runs of diffTokenized, without their text (tidying moves spacing between texts, never a token)', () => {
    const unit = fc.constantFrom('a', 'b', 'of', ',', '[a b]', '[a  b]', '[c/d]', ' ', '  ', '\u00a0');
    const wording = fc.array(unit, { maxLength: 14 }).map((u) => u.join(''));
    fc.assert(
      fc.property(wording, wording, fc.boolean(), (a, b, whitespace) => {
        const differ = new WordingDiff({ whitespace });
        const tokensA = differ.tokenize(a).filter((t) => t !== '');
        const tokensB = differ.tokenize(b).filter((t) => t !== '');
        const changes = differ.diffTokenized(tokensA, tokensB);
        expect(differ.runs(tokensA, tokensB).map(({ count, added, removed }) => [count, added, removed])).toEqual(changes.map(({ count, added, removed }) => [count, added, removed]));
      }),
      { numRuns: 300 },
    );
  });
});
