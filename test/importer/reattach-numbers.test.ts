import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/import-text.js';
import { prepareSource } from '../../src/importer/prepare-source.js';
import { reattachNumbers } from '../../src/importer/reattach-numbers.js';
import { splitSourceLines } from '../../src/importer/split-source-lines.js';

const texts = (text: string) => reattachNumbers(splitSourceLines(text));

describe('reattachNumbers', () => {
  it('puts a run of numbers cut off by lost columns back in front of their bodies, in order', () => {
    const { lines, warnings } = texts('5. Five.\n6. 7.\nParties shall act\non finance.\n\nParties shall report.\n8. Eight.');
    expect(lines.map((l) => l.text)).toEqual(['5. Five.', '6. Parties shall act', 'on finance.', '', '7. Parties shall report.', '8. Eight.']);
    expect(warnings).toEqual([]);
  });

  it('takes single lines as the bodies when there are as many as the numbers', () => {
    const { lines } = texts('6. 7. 8.\nOne body.\nTwo body.\nThree body.');
    expect(lines.map((l) => l.text)).toEqual(['6. One body.', '7. Two body.', '8. Three body.']);
  });

  it('keeps the numbers as written, with a warning, where the count does not match', () => {
    const { lines, warnings } = texts('6. 7.\nOnly one body here.\n\n9. Nine.');
    expect(lines.map((l) => l.text)).toEqual(['6. 7.', 'Only one body here.', '', '9. Nine.']);
    expect(warnings).toEqual([expect.objectContaining({ code: 'NUMBERS_WITHOUT_TEXT', line: 1, message: 'the paragraph numbers 6. 7. stand on a line of their own, but 1 text block follow; kept as written' })]);
  });

  it('reads back as the paragraphs they were, through the whole pipeline', () => {
    const prepared = prepareSource('6. 7.\nParties shall act.\n\nParties shall report.\n', { file: 'x.txt' });
    const { draft } = importText(prepared.lines, { file: 'x.txt', title: 'T' });
    expect(draft.paragraphs.map((p) => [p.number, p.text])).toEqual([
      ['6', 'Parties shall act.'],
      ['7', 'Parties shall report.'],
    ]);
  });
});
