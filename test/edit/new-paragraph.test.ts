import { describe, expect, it } from 'vitest';
import { newParagraph } from '../../src/edit/new-paragraph.js';
import { failure } from '../helpers/sandbox.js';

const taken = ['61', '61bis', 'art3-2'];

describe('newParagraph', () => {
  it('prints the address as its number when it reads as one, and no number otherwise', () => {
    expect(newParagraph({ address: '61ter', text: ' We [also] note. ' }, taken)).toEqual({ address: '61ter', number: '61ter', status: 'open', bracketed: false, text: 'We [also] note.', items: [], alternatives: [] });
    expect(newParagraph({ address: '3.1bis', text: 'x' }, taken).number).toBe('3.1bis');
    expect(newParagraph({ address: 'pp4', text: 'Recalling,' }, taken).number).toBeUndefined();
    expect(newParagraph({ address: 'art3-3', text: 'x', number: '3' }, taken).number).toBe('3');
    const unnumbered = newParagraph({ address: '62', text: 'x', unnumbered: true, bracketed: true }, taken);
    expect([unnumbered.bracketed, 'number' in unnumbered]).toEqual([true, false]);
  });

  it('refuses an address that is taken (in any case), invalid or reserved, and suggests the next one', () => {
    expect(failure(() => newParagraph({ address: '61', text: 'x' }, taken)).message).toBe('paragraph 61 exists already; choose a new address, e.g. 61bis');
    expect(failure(() => newParagraph({ address: '61bis', text: 'x' }, taken)).message).toBe('paragraph 61bis exists already; choose a new address, e.g. 61ter');
    expect(failure(() => newParagraph({ address: 'ART3-2', text: 'x' }, taken)).message).toBe('address ART3-2 differs only in case from paragraph art3-2; choose another');
    expect(failure(() => newParagraph({ address: '61 bis', text: 'x' }, taken)).message).toMatch(/^"61 bis" is not a paragraph address/);
    expect(failure(() => newParagraph({ address: 'nul', text: 'x' }, taken)).message).toMatch(/reserved file name on Windows/);
  });

  it('refuses an empty text, and brackets that do not balance, with their column', () => {
    expect(failure(() => newParagraph({ address: '62', text: ' ' }, taken)).message).toMatch(/--text is empty/);
    const error = failure(() => newParagraph({ address: '62', text: 'We [agree] to] act' }, taken));
    expect(error.diagnostics).toEqual([expect.objectContaining({ file: '--text', line: 1, column: 14, code: 'UNEXPECTED_CLOSING_BRACKET' })]);
  });
});
