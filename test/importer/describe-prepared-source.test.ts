import { describe, expect, it } from 'vitest';
import { describeFurniture, footnotesAsNotes, messageInOriginal, placeInOriginal } from '../../src/importer/describe-prepared-source.js';
import { prepareSource } from '../../src/importer/prepare-source.js';

const text = 'Running head of the draft\n1. One.\n\n          1\n\fRunning head of the draft\n2. Two.3\n3   The note.\n\n          2\n\fRunning head of the draft\n    3.    Three.\n';
const source = prepareSource(text, { file: 'f.txt' });

describe('describing what cleaning removed', () => {
  it('says the furniture in words, with the distinct texts of the running lines', () => {
    expect(describeFurniture(source.furniture)).toBe('7 lines of page furniture removed: 2 form feeds, 3 page header lines ("Running head of the draft"), 2 page numbers');
    expect(describeFurniture([])).toBeUndefined();
  });

  it('turns footnotes into draft notes', () => {
    expect(footnotesAsNotes(source)).toEqual(['footnote 3 (line 7): The note.']);
  });

  it('puts the importer\'s places back in the original file', () => {
    const kept = source.lines.map((l) => l.text);
    const three = kept.indexOf('3. Three.') + 1;
    expect(placeInOriginal({ code: 'X', severity: 'warning', message: 'm', file: 'f.txt', line: three, column: 4, sourceLine: '3. Three.' }, source, text.split('\n'))).toEqual({
      code: 'X', severity: 'warning', message: 'm', file: 'f.txt', line: 11, column: 8, sourceLine: '    3.    Three.',
    });
    expect(messageInOriginal(`f.txt:${three}:1: paragraph 3 appears twice (first at line ${three})`, 'f.txt', source)).toBe('f.txt:11:1: paragraph 3 appears twice (first at line 11)');
  });
});
