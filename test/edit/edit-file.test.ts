import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editFileContent, readEditFile, WRAP_WIDTH } from '../../src/edit/edit-file.js';

const LONG = 'We underline the importance of the prosecution of cybercrime, including [cybercrime committed in one jurisdiction, but having effects in another]. We call upon governments  to act.';

describe('the file ndraft edit opens', () => {
  it('wraps the text under its comment lines, and reads back exactly the text it was written from', () => {
    const content = editFileContent(['ndraft edit: paragraph 61'], LONG);
    const lines = content.split('\n');
    expect(lines[0]).toBe('# ndraft edit: paragraph 61');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(WRAP_WIDTH + 20);
    expect(readEditFile(content).text).toBe(LONG);
  });

  it('gives back any one-line text unchanged (property)', () => {
    const word = fc.stringMatching(/^[#\p{L}\u00a0\t.,[\]/-]{1,12}$/u);
    const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((words) => words.join(' ').replace(/^[ \t]+|[ \t]+$/g, ''));
    fc.assert(fc.property(text, (t) => t === '' || readEditFile(editFileContent(['head'], t)).text === t));
  });

  it('ignores comment lines, trims lines and joins them with one space', () => {
    expect(readEditFile('# a comment\n  We agree\t\n\n# another\nto act. \n').text).toBe('We agree to act.');
  });

  it('places a point of the text at its line and column in the file', () => {
    const edited = readEditFile('# head\nWe agree\n  to [act.\n');
    const offset = edited.text.indexOf('[');
    expect(edited.place({ line: 1, column: offset + 1, offset })).toEqual({ line: 3, column: 6, sourceLine: '  to [act.' });
  });
});
