import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, LINE_LENGTH, lineBreaks } from '../../src/render/break-lines.js';

describe('breakLines', () => {
  it('keeps a text that fits on one line whole', () => {
    expect(breakLines('We agree.')).toEqual(['We agree.']);
    expect(breakLines('x'.repeat(LINE_LENGTH))).toEqual(['x'.repeat(LINE_LENGTH)]);
    expect(breakLines('')).toEqual(['']);
  });

  it('breaks at the last space that leaves at most 80 characters, the space not shown', () => {
    const text = `${'a'.repeat(70)} bbbbbbbbb cc`;
    expect(breakLines(text)).toEqual([`${'a'.repeat(70)} bbbbbbbbb`, 'cc']);
    expect(lineBreaks(text)).toEqual([{ at: 80, skip: 1 }]);
    expect(breakLines(`${'a'.repeat(70)} bbbbbbbbbb cc`)).toEqual(['a'.repeat(70), 'bbbbbbbbbb cc']);
  });

  it('takes all the spaces of a break, and splits a word longer than a line', () => {
    expect(breakLines(`${'a'.repeat(78)}   b`)).toEqual(['a'.repeat(78), 'b']);
    expect(breakLines(`x ${'w'.repeat(170)}`)).toEqual(['x', 'w'.repeat(80), 'w'.repeat(80), 'w'.repeat(10)]);
  });

  it('starts a new line at every line break of the text', () => {
    expect(breakLines('first\nsecond\n')).toEqual(['first', 'second', '']);
    expect(lineBreaks('a\nb')).toEqual([{ at: 1, skip: 1 }]);
  });

  it('breaks at the given length', () => {
    expect(breakLines('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('never makes a line longer than the length, and loses only the characters of its breaks', () => {
    const word = fc.stringMatching(/^[a-z\u00e9]{1,30}$/);
    const gap = fc.constantFrom(' ', '  ', '\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 60 }), (parts) => {
        const text = parts.map(([w, g]) => w + g).join('');
        const lines = breakLines(text);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(LINE_LENGTH);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        expect(lines).toHaveLength(lineBreaks(text).length + 1);
      }),
    );
  });
});
