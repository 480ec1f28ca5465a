import { describe, expect, it } from 'vitest';
import { applyChoices } from '../../src/merge/apply-choices.js';
import type { Choice } from '../../src/merge/types.js';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { expectTree } from '../notation/notation-helpers.js';

const apply = (text: string, ...choices: Choice[]): string => applyChoices(expectTree(parseNotation(text)), choices);

describe('applyChoices', () => {
  it('prints the chosen option in place of each top-level bracket', () => {
    expect(apply('the [importance/necessity] of', { option: 1 })).toBe('the necessity of');
    expect(apply('a [x/y/] c', { option: 0 })).toBe('a x c');
  });

  it('prints a chosen option’s own brackets as written', () => {
    expect(apply('the [[new]/[old]] rules', { option: 0 })).toBe('the [new] rules');
  });

  it('keeps a bracket resolved by keep', () => {
    expect(apply('the [new] rules [apply]', 'keep', 'drop')).toBe('the [new] rules');
  });

  it('tidies the space a dropped bracket or an empty option leaves', () => {
    expect(apply('the [importance] of', 'drop')).toBe('the of');
    expect(apply('a [x/y/] c', { option: 2 })).toBe('a c');
    expect(apply('cooperation [to this end].', 'drop')).toBe('cooperation.');
    expect(apply('[We] further underline', 'drop')).toBe('further underline');
    expect(apply('the end [of it]', 'drop')).toBe('the end');
  });

  it('takes the space before an option that starts with a closing mark', () => {
    expect(apply('cooperation [to this end/, inter alia]', { option: 1 })).toBe('cooperation, inter alia');
  });

  it('removes the space that keeps a slash a separator', () => {
    expect(apply('resolution [2005 / 2006] of', { option: 0 })).toBe('resolution 2005 of');
    expect(apply('resolution [2005 / 2006] of', { option: 1 })).toBe('resolution 2006 of');
    expect(apply('see [2005 / 2006].', { option: 0 })).toBe('see 2005.');
  });

  it('tidies only at the seams of resolved brackets', () => {
    expect(apply('a  b [c] d ,e', { option: 0 })).toBe('a  b c d ,e');
    expect(apply('the [very ]good', 'drop')).toBe('the good');
  });

  it('throws when the choices do not fit the brackets', () => {
    expect(() => apply('a [b] c')).toThrow('expected 1 choice, one per top-level bracket, got 0');
    expect(() => apply('a [b/c] d', { option: 2 })).toThrow('bracket 1 has 2 options, no option 2');
  });
});
