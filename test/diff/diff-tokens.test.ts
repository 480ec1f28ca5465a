import { Diff, diffArrays, type Change } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTokens } from '../../src/diff/diff-tokens.js';
import { WordingDiff, type WordingDiffOptions } from '../../src/diff/wording-diff.js';

/** jsdiff's own algorithm with WordingDiff's tokens, comparison and tidying: what `diff` was before `diffTokens`. */
class JsdiffWording extends Diff<string, string, string> {
  readonly #words: WordingDiff;
  constructor(options: WordingDiffOptions) {
    super();
    this.#words = new WordingDiff(options);
  }
  override tokenize(value: string): string[] {
    return this.#words.tokenize(value);
  }
  override join(tokens: string[]): string {
    return this.#words.join(tokens);
  }
  override equals(left: string, right: string): boolean {
    return this.#words.equals(left, right);
  }
  override get useLongestToken(): boolean {
    return this.#words.useLongestToken;
  }
  override postProcess(changes: Change[]): Change[] {
    return this.#words.postProcess(changes);
  }
}

const runsOf = (changes: readonly { count?: number; added?: boolean; removed?: boolean }[]) =>
  changes.map((c) => ({ count: c.count, added: c.added === true, removed: c.removed === true }));

describe('diffTokens', () => {
  it('finds the runs jsdiff finds, tie-breaks included', () => {
    const tokens = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 });
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        expect(diffTokens(Int32Array.from(a), Int32Array.from(b))).toEqual(runsOf(diffArrays(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles empty sides and equal sides', () => {
    expect(diffTokens(new Int32Array(), new Int32Array())).toEqual([]);
    expect(diffTokens(Int32Array.of(1, 2), Int32Array.of(1, 2))).toEqual([{ count: 2, added: false, removed: false }]);
    expect(diffTokens(new Int32Array(), Int32Array.of(1, 2))).toEqual([{ count: 2, added: true, removed: false }]);
    expect(diffTokens(Int32Array.of(1, 2), new Int32Array())).toEqual([{ count: 2, added: false, removed: true }]);
    // jsdiff keeps the first of two equal tokens and inserts the second: no suffix is trimmed first.
    expect(diffTokens(Int32Array.of(7), Int32Array.of(7, 7))).toEqual([
      { count: 1, added: false, removed: false },
      { count: 1, added: true, removed: false },
    ]);
  });
});

describe('WordingDiff.diff', () => {
  const unit = fc.constantFrom('a', 'b', 'c', 'of', "it's", ',', '.', '[a b]', '[a  b]', '[c/d]', '[a [b] c]', '[', ']', ' ', '  ', '\u00a0', '\n');
  const wording = fc.array(unit, { maxLength: 24 }).map((units) => units.join(''));

  it('gives the change objects jsdiff gave, with and without whitespace', () => {
    fc.assert(
      fc.property(wording, wording, fc.boolean(), (a, b, whitespace) => {
        const ours = new WordingDiff({ whitespace }).diff(a, b);
        const theirs = new JsdiffWording({ whitespace }).diff(a, b);
        expect(ours).toEqual(theirs);
        expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives them on long reworded paragraphs too', () => {
    const words = fc.constantFrom('the', 'Parties', 'shall', 'further', 'promote', 'enhance', 'cooperation', 'national', 'levels', ',', '.', '[all]', '[and/or]');
    const sentence = fc.array(words, { minLength: 40, maxLength: 120 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(sentence, fc.array(fc.tuple(fc.nat(), words), { maxLength: 12 }), (text, edits) => {
        const reworded = text.split(' ');
        for (const [at, word] of edits) reworded.splice(at % (reworded.length + 1), at % 3 === 0 ? 0 : 1, word);
        const b = reworded.join(' ');
        expect(new WordingDiff().diff(text, b)).toEqual(new JsdiffWording({}).diff(text, b));
      }),
      { numRuns: 200 },
    );
  });
});
