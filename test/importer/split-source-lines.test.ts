import { describe, expect, it } from 'vitest';
import { dropStart } from '../../src/importer/source-lines.js';
import { splitSourceLines } from '../../src/importer/split-source-lines.js';

describe('splitSourceLines', () => {
  it('numbers lines from 1 at column 1, and joining them with \\n gives the text back', () => {
    const text = ' 1.\nIntroduction\n\n39.\nWe reaffirm\n';
    const lines = splitSourceLines(text);
    expect(lines.slice(0, 2)).toEqual([
      { text: ' 1.', line: 1, column: 1 },
      { text: 'Introduction', line: 2, column: 1 },
    ]);
    expect(lines).toHaveLength(6);
    expect(lines.map((l) => l.text).join('\n')).toBe(text);
  });

  it('splits on a stray CR too', () => {
    expect(splitSourceLines('a\r\nb\rc').map((l) => l.text)).toEqual(['a', 'b', 'c']);
  });

  it('dropStart keeps the column pointing at the first character left', () => {
    expect(dropStart({ text: '\fHeader', line: 7, column: 1 }, 1)).toEqual({ text: 'Header', line: 7, column: 2 });
  });
});
