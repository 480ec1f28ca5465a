import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { isPlainText, notationHtml, plainNotationHtml } from '../../src/render/html-notation.js';

/** Words as drafts hold them: choices nobody bracketed, symbols, `and/or`, markup to escape, other scripts. */
const PIECES = ['enhance', 'establish', 'enhance/establish', 'technology / know-how', 'and/or', 'A/C.3/70/L.1', 'US/AU', 'https://un.org/sdgs', '57/239', '<b>', 'R&D', '"quoted"', "it's", 'développement/renforcement', 'التنمية', '\u202e', '\u0007', ' ', '  ', '/', 'a/b/c', '.', ','];
const plainText = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join(' '));

describe('plainNotationHtml (a text with no bracket, not parsed)', () => {
  it('gives the markup notationHtml gives after parsing it, flagged or not', () => {
    fc.assert(
      fc.property(plainText, fc.boolean(), (text, flag) => {
        expect(isPlainText(text)).toBe(true);
        expect(plainNotationHtml(text, flag)).toBe(notationHtml(text, flag, undefined, undefined, parseNotation(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('flags an unbracketed choice in open text only, and escapes the words', () => {
    expect(plainNotationHtml('We enhance/establish R&D', true)).toBe('We <span class="loose" title="Unbracketed choice: not resolved">enhance/establish</span> R&amp;D');
    expect(plainNotationHtml('We enhance/establish R&D', false)).toBe('We enhance/establish R&amp;D');
    expect(plainNotationHtml('', true)).toBe('');
  });

  it('is not taken for a text with a bracket or a line break', () => {
    for (const text of ['the [vital] role', 'a]', 'first\nsecond']) {
      expect(isPlainText(text)).toBe(false);
      expect(notationHtml(text)).toBe(notationHtml(text, true, undefined, undefined, parseNotation(text)));
    }
  });
});
