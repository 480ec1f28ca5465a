import { describe, expect, it } from 'vitest';
import { findBracket } from '../../src/model/find-bracket.js';
import { parseParagraph } from '../../src/model/paragraph-slots.js';
import type { Paragraph } from '../../src/model/schemas.js';
import { failure } from '../helpers/sandbox.js';
import { paragraph } from '../resolve/paragraphs.js';

const p58 = paragraph({
  address: '58',
  number: '58',
  text: 'Arrangements [should/shall] be founded on a [democratic] basis, [with a strong emphasis on the public policy interests of all governments and the [respective] roles].',
  alternatives: [{ label: 'Alt 1', text: 'We [agree/decide].' }],
});
const at = (p: Paragraph, asked: string | number) => findBracket(p, parseParagraph(p), asked).n;

describe('findBracket', () => {
  it('takes the number show prints', () => {
    expect(at(p58, 2)).toBe(2);
    expect(at(p58, ' 3 ')).toBe(3);
  });

  it('takes the words of one option, or all of them as show prints them, case, spaces and brackets aside', () => {
    for (const asked of ['should/shall', 'Should / Shall', '[should/shall]', 'shall', 'should']) expect(at(p58, asked), asked).toBe(1);
    expect(at(p58, 'democratic')).toBe(2);
    expect(at(p58, 'respective')).toBe(4);
    expect(at(p58, 'decide')).toBe(5);
  });

  it('takes the start of long words, cut with … or ... as show cuts them', () => {
    expect(at(p58, 'with a strong emphasis…')).toBe(3);
    expect(at(p58, 'With a strong emphasis on the public policy interests of all governments and the respective roles')).toBe(3);
    expect(at(p58, 'with a strong...')).toBe(3);
  });

  it('refuses words found in two brackets, with their numbers', () => {
    const twice = paragraph({ text: 'We [agree] and [agree/note].' });
    const error = failure(() => at(twice, 'agree'));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('the words "agree" are in 2 brackets of paragraph 9: 1 [agree], 2 [agree/note]; name one by its number');
  });

  it('refuses words found nowhere, listing every bracket with its number', () => {
    expect(failure(() => at(paragraph({ text: 'We [agree] and [note].' }), 'decide')).message).toBe(
      'paragraph 9 has no bracket with the words "decide"; its brackets are 1 [agree], 2 [note]',
    );
  });

  it('refuses a number out of range and a paragraph with no brackets', () => {
    expect(failure(() => at(p58, 9)).message).toBe('paragraph 58 has no bracket 9; its brackets are numbered 1 to 5 (see "ndraft show 58")');
    expect(failure(() => at(paragraph(), 'x')).message).toBe('paragraph 9 has no open brackets');
  });
});
