import { describe, expect, it } from 'vitest';
import { removePageFurniture } from '../../src/importer/remove-page-furniture.js';
import { splitSourceLines } from '../../src/importer/split-source-lines.js';

const texts = (text: string): string[] => removePageFurniture(splitSourceLines(text)).lines.map((l) => l.text);

const TOPICS = ['water', 'energy', 'finance', 'forests'];

/** Four pages as pdftotext -layout writes them: header, body, centred folio, form feed. */
function pdfPages(header: string, folio: (n: number) => string): string {
  return [1, 2, 3, 4].map((n) => `${header}\n      Draft of 3 March\n\n${n}. Paragraph ${n} of the text.\nIt is about ${TOPICS[n - 1]}.\n\n${folio(n)}\n`).join('\f');
}

describe('removePageFurniture', () => {
  it('removes a running header found by repetition, centred page numbers and form feeds, and lists them', () => {
    const result = removePageFurniture(splitSourceLines(pdfPages('ADP.2015.1.InformalNote             Page header', (n) => `${' '.repeat(30)}${n}`)));
    expect(result.lines.map((l) => l.text).filter((t) => t !== '')).toEqual([1, 2, 3, 4].flatMap((n) => [`${n}. Paragraph ${n} of the text.`, `It is about ${TOPICS[n - 1]}.`]));
    const kinds = result.furniture.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'form-feed')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'page-number')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'page-header')).toHaveLength(8);
    expect(result.furniture.find((f) => f.kind === 'page-number')).toEqual({ line: 7, text: `${' '.repeat(30)}1`, kind: 'page-number' });
  });

  it('a line after a form feed keeps its place: column 2 in the original', () => {
    const result = removePageFurniture(splitSourceLines(pdfPages('Header line here', (n) => `- ${n} -`)));
    expect(result.furniture[0]).toEqual({ line: 1, text: 'Header line here', kind: 'page-header' });
    expect(result.furniture.find((f) => f.kind === 'form-feed')).toEqual({ line: 8, text: '\f', kind: 'form-feed' });
  });

  it.each([['3 of 40'], ['Page 3 of 40'], ['12/60'], ['- 3 -'], ['  – 12 –'], ['Page 7']])('%s on a line of its own is a page number, even without form feeds', (folio) => {
    const result = removePageFurniture(splitSourceLines(`1. Text.\n${folio}\n2. More text.`));
    expect(result.furniture).toEqual([{ line: 2, text: folio, kind: 'page-number' }]);
    expect(result.lines.map((l) => l.text)).toEqual(['1. Text.', '2. More text.']);
  });

  it('page numbers split pages, so headers repeat across them without form feeds', () => {
    const text = [1, 2, 3].map((n) => `UNEP/CBD/COP/15/L.25\n${n}. Text ${n}.\nPage ${n} of 3`).join('\n');
    expect(texts(text)).toEqual(['1. Text 1.', '2. Text 2.', '3. Text 3.']);
  });

  it('a running footer repeated at the foot of the pages is a page footer', () => {
    const pages = TOPICS.map((topic, n) => `${n + 1}. About ${topic}.\nMore on ${topic}.\n\nGE.15-02345                 Advance unedited version\n`).join('\f');
    const result = removePageFurniture(splitSourceLines(pages));
    expect(result.furniture.filter((f) => f.kind === 'page-footer').map((f) => f.line)).toEqual([4, 8, 12, 16]);
    expect(result.lines.map((l) => l.text).join('\n')).not.toContain('GE.15');
  });

  it('redaction bars are furniture wherever they stand alone', () => {
    const result = removePageFurniture(splitSourceLines('1. Text.\n        ███████████\n2. More.'));
    expect(result.furniture).toEqual([{ line: 2, text: '        ███████████', kind: 'redaction' }]);
  });

  it('leaves a text without pages alone: a lone number is not a page number there, nor is a line seen twice', () => {
    const text = '1.\nIntroduction\n\n                 3\nIntroduction\n39.\nWe reaffirm';
    expect(removePageFurniture(splitSourceLines(text))).toEqual({ lines: splitSourceLines(text), furniture: [] });
  });

  it('a number alone at the margin (a footnote marker) is not a folio, and a line seen on two pages only is text', () => {
    const text = 'Title\n1. Text.\n12\n    Negotiators’ Note: text.\n\fTitle\n2. Text.\n\fOther\n3. Text.';
    expect(texts(text)).toEqual(['Title', '1. Text.', '12', '    Negotiators’ Note: text.', 'Title', '2. Text.', 'Other', '3. Text.']);
  });
});
