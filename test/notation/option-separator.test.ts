import { describe, expect, it } from 'vitest';
import { isOptionSeparator } from '../../src/notation/option-separator.js';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { bracket, expectTree, option, root, stripPositions, text } from './notation-helpers.js';

/** Every offset of a `/` in `source`. */
const slashes = (source: string): number[] => Array.from(source.matchAll(/\//g), (m) => m.index);

/** The verdict of isOptionSeparator for every slash in `source`, in order. */
const verdicts = (source: string): boolean[] => slashes(source).map((i) => isOptionSeparator(source, i));

describe('isOptionSeparator', () => {
  it('is false for any index that is not a slash', () => {
    const source = '[a/b]';
    expect([0, 1, 3, 4].map((i) => isOptionSeparator(source, i))).toEqual([false, false, false, false]);
    expect(isOptionSeparator(source, 99)).toBe(false);
    expect(isOptionSeparator('', 0)).toBe(false);
  });

  it('separates options between plain words', () => {
    expect(verdicts('[management/development]')).toEqual([true]);
    expect(verdicts('[enhance/establish/strengthen]')).toEqual([true, true]);
    expect(verdicts('[and/or]')).toEqual([true]);
    expect(verdicts('[Governance/oversight]')).toEqual([true]);
  });

  it('separates options on a spaced slash, even next to a document symbol', () => {
    expect(verdicts('[technology / know-how]')).toEqual([true]);
    expect(verdicts('[see A/60/L.1 / other]')).toEqual([false, false, true]);
  });

  it('separates empty options', () => {
    expect(verdicts('[/]')).toEqual([true]);
    expect(verdicts('[a//b]')).toEqual([true, true]);
  });

  it('keeps slashes in a word with a digit as text', () => {
    expect(verdicts('[see A/60/L.1]')).toEqual([false, false]);
    expect(verdicts('[as outlined in A/60/L.1/Rev.2]')).toEqual([false, false, false]);
    expect(verdicts('[resolution 57/239]')).toEqual([false]);
    expect(verdicts('[a/b1]')).toEqual([false]);
    expect(verdicts('[1a/b]')).toEqual([false]);
  });

  it('keeps slashes in a list of delegations as text: who proposes, not a choice', () => {
    // TPP IP chapter (corpus 05, 06): the proposers open the bracket.
    expect(verdicts('[US/AU propose: useful]')).toEqual([false]);
    expect(verdicts('[AU/PE: For the purpose of this Chapter]')).toEqual([false]);
    expect(verdicts('[NZ/CL/PE/MY/AU/VN/BN/SG/CA/MX propose:]')).toEqual(Array(9).fill(false));
    // Words, one capital, four capitals or lower case are not delegations' codes.
    expect(verdicts('[Member/Party]')).toEqual([true]);
    expect(verdicts('[A/B]')).toEqual([true]);
    expect(verdicts('[ISPs/NGOs]')).toEqual([true]);
    expect(verdicts('[UNEP/UNESCO]')).toEqual([true]);
  });

  it('counts non-ASCII decimal digits as digits', () => {
    // Arabic-Indic digits ٥٧/٢٣٩ (57/239).
    expect(verdicts('[القرار ٥٧/٢٣٩]')).toEqual([false]);
    // Arabic letters with no digit separate options.
    expect(verdicts('[قرار/مقرر]')).toEqual([true]);
  });

  it('keeps slashes in an address with `://` as text', () => {
    expect(verdicts('[https://un.org/a/b]')).toEqual([false, false, false, false]);
    expect(verdicts('[see https://un.org/a/b here]')).toEqual([false, false, false, false]);
    // A lone `:/` is not an address.
    expect(verdicts('[a:/b]')).toEqual([true]);
  });

  it('delimits words at white space (including non-breaking space) and brackets', () => {
    expect(verdicts('[A/60 x/y]')).toEqual([false, true]);
    expect(verdicts('[A/60\u00a0x/y]')).toEqual([false, true]);
    expect(verdicts('[A/60\nx/y]')).toEqual([false, true]);
    expect(verdicts('[x[1]/y]')).toEqual([true]);
    expect(verdicts('[x/[1]]')).toEqual([true]);
    expect(verdicts('[[1]x/y]')).toEqual([true]);
    expect(verdicts('[x/y[2]]')).toEqual([true]);
  });

  it('judges the word around the slash only, not the rest of the bracket', () => {
    expect(verdicts('[in 2005 we/they agreed]')).toEqual([true]);
  });
});

describe('the slash rule as applied by parseNotation', () => {
  const shape = (source: string) => stripPositions(expectTree(parseNotation(source)));

  it('splits `[and/or]` into two options', () => {
    expect(shape('[and/or]')).toEqual(root(bracket(option(text('and')), option(text('or')))));
  });

  it('keeps an address in a bracket as one option', () => {
    expect(shape('[see https://un.org/a/b]')).toEqual(root(bracket(option(text('see https://un.org/a/b')))));
  });

  it('keeps `57/239` in a bracket as one option', () => {
    expect(shape('[resolution 57/239]')).toEqual(root(bracket(option(text('resolution 57/239')))));
  });

  it('never splits outside brackets', () => {
    expect(shape('management/development')).toEqual(root(text('management/development')));
    expect(shape('a/b [c] d/e')).toEqual(root(text('a/b '), bracket(option(text('c'))), text(' d/e')));
  });

  it('splits only at the slash’s own level', () => {
    expect(shape('[a [b/c] d]')).toEqual(
      root(bracket(option(text('a '), bracket(option(text('b')), option(text('c'))), text(' d')))),
    );
  });
});
