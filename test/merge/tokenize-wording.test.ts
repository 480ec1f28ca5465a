import { describe, expect, it } from 'vitest';
import { countWords, tokenizeWording } from '../../src/merge/tokenize-wording.js';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';

describe('tokenizeWording: labelled brackets', () => {
  it('moves a labelled bracket as one token that prints with its label', () => {
    const tokens = tokenizeWording('shall [Option 2A: act now] [Option 2B: act by 2030].');
    expect(tokens.map((t) => t.text)).toEqual(['shall', '[Option 2A: act now]', '[Option 2B: act by 2030]', '.']);
    const bracket = tokens[1]?.bracket;
    expect(bracket?.label).toEqual({ value: 'Option 2A', raw: 'Option 2A: ' });
    expect(bracket && printNotation(bracket)).toBe('[Option 2A: act now]');
  });

  it('counts the words of the options, never the label', () => {
    const parsed = parseNotation('[Option 2A: act now][Option 2B: act by 2030]');
    expect(parsed.ok && countWords(parsed.tree.children)).toBe(5);
  });
});
