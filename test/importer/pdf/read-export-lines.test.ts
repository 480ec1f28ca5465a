/**
 * The lines of ndraft's own PDF export, recognised by their exact wording in a PDF whose Producer
 * is ndraft, and only there: prepared lines built by hand, as `preparePdf` gives them (one line a
 * paragraph, a blank line between), numbered as read from the PDF.
 */
import { describe, expect, it } from 'vitest';
import { readExportLines } from '../../../src/importer/pdf/read-export-lines.js';
import type { SourceLine } from '../../../src/importer/source-lines.js';

/** The texts as prepared lines, a blank one between each, numbered 1, 2, 3… as read. */
function prepared(texts: readonly string[]): SourceLine[] {
  return texts.flatMap((text, i) => [...(i > 0 ? [{ text: '', line: i + 1, column: 1 }] : []), { text, line: i + 1, column: 1 }]);
}

const EXPORT = [
  'Draft outcome',
  'A/CONF.1/L.1 · Date: 30 November 2026',
  'Source: outcome.txt',
  'Compilation text: highlighted words in [brackets] are not agreed, [a/b] is a choice between options, [Alt …] paragraphs are competing wordings.',
  'Article 2 Scope',
  '3. [This Agreement applies to all Parties.]',
  'Bracket over paragraphs 3–4: the highlighted words from its [ to its ] are kept or dropped as one.',
  '[Alt 1 3. This Agreement applies to the Parties that ratify it.]',
  '(to insert after sentence 1)',
  '(proposed by EU; opposed by G77, AOSIS)',
  'Paragraph 4: Option 1 {Short}',
  'Comment (EU, 2026-11-30): to be discussed',
];

const texts = (lines: readonly SourceLine[]) => lines.map((l) => l.text).filter((t) => t !== '');

describe('readExportLines', () => {
  it("joins a note wrapped where a line starts like an item, when no label stands apart there", () => {
    const lines = ['Draft', '2. Parties shall act.', "Footnote 6: MX will reflect further on the additional subparagraphs", '(g) and (h).', '(g) A real item.'];
    const tabbed = [false, false, false, false, true];
    const read = readExportLines(prepared(lines), true, { tabbed });
    expect(texts(read.lines)).toEqual(['2. Parties shall act.', '(g) A real item.']);
    const note = read.exportLines.find((l) => l.role.kind === 'note');
    expect(note?.text).toBe('Footnote 6: MX will reflect further on the additional subparagraphs (g) and (h).');
    // With the label apart (an item of the paragraph), the line stays an item.
    expect(texts(readExportLines(prepared(lines), true, { tabbed: [false, false, false, true, true] }).lines)).toContain('(g) and (h).');
  });

  it("in ndraft's PDF: the title and header skipped, option headings as the text export writes them, bookmarked headings marked", () => {
    const lefts = EXPORT.map((t) => (t.startsWith('Comment') || t.startsWith('(') ? 100 : 70));
    const read = readExportLines(prepared(EXPORT), true, { outline: [{ title: 'Article 2 Scope', depth: 0 }], lefts });
    expect(read.title).toBe('Draft outcome');
    expect(texts(read.lines)).toEqual(['Article 2 Scope', '3. [This Agreement applies to all Parties.]', '[Alt 1 3. This Agreement applies to the Parties that ratify it.]', '4. Option 1: {Short}']);
    expect(read.lines.find((l) => l.text === 'Article 2 Scope')?.heading).toBe(1);
    expect(read.exportLines.map((l) => [l.line, l.role.kind === 'furniture' ? l.role.what : l.role.kind])).toEqual([
      [1, 'title'],
      [2, 'header fields'],
      [3, 'header fields'],
      [4, 'legend'],
      [7, 'bracket span caption'],
      [9, 'scope'],
      [10, 'positions'],
      [12, 'note'],
    ]);
    expect(read.exportLines.find((l) => l.line === 10)?.role).toEqual({ kind: 'positions', proposedBy: ['EU'], supportedBy: [], opposedBy: ['G77', 'AOSIS'] });
    expect(read.exportLines.find((l) => l.line === 12)?.role).toEqual({ kind: 'note', own: true, note: { text: 'to be discussed', kind: 'comment', author: 'EU', date: '2026-11-30' } });
  });

  it('in any other PDF leaves every line as it is, the same words included', () => {
    const lines = prepared(EXPORT);
    const read = readExportLines(lines, false, { outline: [{ title: 'Article 2 Scope', depth: 0 }] });
    expect(read.lines).toEqual(lines);
    expect(read.exportLines).toEqual([]);
    expect(read.title).toBeUndefined();
  });

  it("keeps lines that look like the export's but are not its wording, even in ndraft's PDF", () => {
    const foreign = [
      'Draft outcome',
      'Compilation text: words in brackets are not agreed.',
      '(to insert after the first sentence)',
      '(as proposed by the Chair)',
      'Bracket over paragraphs 3–4.',
      'Article 5: Final clauses',
      'Note that paragraph 3 is pending.',
    ];
    const read = readExportLines(prepared(foreign), true);
    expect(texts(read.lines)).toEqual(foreign.slice(1));
    expect(read.exportLines.map((l) => l.line)).toEqual([1]);
  });

  it('joins again a span caption broken where a wrapped line starts like an item', () => {
    const read = readExportLines(prepared(['Title', '5. [Words', 'Bracket over paragraph 5, from its text to item', '(c): the highlighted words from its [ to its ] are kept or dropped as one.', '(a) Item]']), true);
    expect(texts(read.lines)).toEqual(['5. [Words', '(a) Item]']);
    expect(read.exportLines.map((l) => l.text)).toContain('Bracket over paragraph 5, from its text to item (c): the highlighted words from its [ to its ] are kept or dropped as one.');
  });
});
