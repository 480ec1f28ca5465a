/**
 * The layout passes of the PDF reader on pages built by hand (positions in points, y down the
 * page), so that each rule is seen on its own and without a browser: lines by baseline with their
 * superscripts, two columns read in order, running headers and footers, footnotes in small type,
 * paragraph breaks, hyphenation, and a PDF without text.
 */
import { describe, expect, it } from 'vitest';
import { NdraftError } from '../../../src/diagnostics/diagnostic.js';
import { describePdfSource } from '../../../src/importer/pdf/describe-pdf-source.js';
import { groupLines } from '../../../src/importer/pdf/group-lines.js';
import { joinParagraphLines } from '../../../src/importer/pdf/join-paragraph-lines.js';
import type { PdfItem, PdfPageText } from '../../../src/importer/pdf/load-pdf-text.js';
import { orderColumns } from '../../../src/importer/pdf/order-columns.js';
import { preparePdf } from '../../../src/importer/pdf/prepare-pdf.js';

const CHAR = 5; // width of a character at size 10, near enough

function item(text: string, x: number, y: number, size = 10): PdfItem {
  return { text, x, y, width: text.length * CHAR * (size / 10), size, font: 'f1' };
}

function page(number: number, items: PdfItem[]): PdfPageText {
  return { number, width: 595, height: 842, items };
}

/** A column of lines from `y`, 14 points apart, at `x`. */
function column(lines: string[], x: number, y: number): PdfItem[] {
  return lines.map((text, i) => item(text, x, y + i * 14));
}

const texts = (lines: readonly { text: string }[]) => lines.map((l) => l.text);

describe('groupLines', () => {
  it('puts items on one baseline into one line, left to right, with a space where there is a gap', () => {
    const lines = groupLines([item('world', 120, 100), item('Hello', 60, 100), item('next line', 60, 114)]);
    expect(texts(lines)).toEqual(['Hello world', 'next line']);
  });

  it("keeps Word's `o` bullet apart from its words with a tab, even where a space fills the tab stop's gap", () => {
    const [bullet] = groupLines([item('o', 60, 100), item(' ', 65, 100), item('Early warning', 90, 100)]);
    expect(bullet?.text).toBe('o\tEarly warning');
    // A word "o" at a normal space from the next is a word.
    expect(groupLines([item('o', 60, 100), item('Early', 68, 100)])[0]?.text).toBe('o Early');
  });

  it('says which lines start with a label set apart from their words, as a hanging indent does', () => {
    const prepared = preparePdf([page(1, [item('(g)', 60, 100), item('International Convention', 90, 100), item('(g) and (h).', 60, 130), item('o', 60, 160), item('x', 68, 160)])], 'x.pdf');
    expect(prepared.extracted).toEqual(['(g) International Convention', '(g) and (h).', 'o x']);
    expect(prepared.tabbed).toEqual([true, false, false]);
  });

  it('keeps a superscript on its line, marked raised, and joins pieces of a word without a space', () => {
    const [line] = groupLines([item('session', 60, 100), item('1', 95, 96.5, 6.5), item('speci', 110, 100), item('fic', 135, 100)]);
    expect(line?.text).toBe('session1 specific');
    expect(line?.spans.find((s) => s.text === '1')?.raised).toBe(true);
    expect(line?.size).toBe(10);
  });
});

describe('orderColumns', () => {
  const left = ['1. The left column', 'goes on here and', 'ends here.', '2. Second left', 'paragraph text.'];
  const right = ['3. The right column', 'starts at the top', 'of the page.', '4. And ends', 'here.'];

  it('reads two columns down the left, then down the right, not line by line across', () => {
    const lines = orderColumns(page(1, [...column(left, 60, 100), ...column(right, 320, 100)]));
    expect(texts(lines)).toEqual([...left, ...right]);
    expect(lines.map((l) => l.column)).toEqual([...left.map(() => 1), ...right.map(() => 2)]);
  });

  it('reads a line across the gutter (a heading) before the columns under it', () => {
    const lines = orderColumns(page(1, [item('A heading that runs right across the two columns', 60, 80), ...column(left, 60, 100), ...column(right, 320, 100)]));
    expect(texts(lines)[0]).toBe('A heading that runs right across the two columns');
    expect(texts(lines).slice(1)).toEqual([...left, ...right]);
  });

  it('does not take a narrow column of paragraph numbers for a second column', () => {
    const body = ['Decides that the forum shall meet once a year in conjunction with', 'the sessions of the subsidiary bodies, and that its modalities', 'shall be reviewed in 2027;'];
    const lines = orderColumns(page(1, [item('12.', 60, 100), ...column(body, 90, 100), item('13.', 60, 150), ...column(body, 90, 150)]));
    expect(lines.every((l) => l.column === 0)).toBe(true);
    expect(texts(lines)[0]).toBe('12. Decides that the forum shall meet once a year in conjunction with');
  });
});

describe('preparePdf', () => {
  /** A page of a text with a running header and footer, and a footnote at the foot. */
  function textPage(number: number, body: PdfItem[], footnote?: string): PdfPageText {
    const items = [item('A/CONF.999/L.1', 420, 40, 9), ...body, item(`GE.26-04711 ${number}`, 60, 810, 8)];
    if (footnote) items.push(item('1', 60, 777, 5.5), item(footnote, 66, 780, 8));
    return page(number, items);
  }
  const first = [...column(['1. Recognizes the work of the', 'forum on the environ-', 'mental consequences of response', 'measures;'], 60, 100), item('2. Requests the secretariat', 60, 170), item('to report', 60, 184), item('1', 104, 180.5, 6.5), item('next year;', 110, 184)];
  const second = column(['3. Decides to continue the', 'forum in 2027;', '', '4. Invites Parties to submit', 'their views.'], 60, 100).filter((i) => i.text !== '');

  it('reads running headers and footers as furniture, footnotes as notes, and the rest as paragraphs', () => {
    const prepared = preparePdf([textPage(1, first, 'See document FCCC/SB/2026/INF.1.'), textPage(2, second)], '/drafts/rev1.pdf');
    expect(texts(prepared.lines).filter(Boolean)).toEqual([
      '1. Recognizes the work of the forum on the environmental consequences of response measures;',
      '2. Requests the secretariat to report next year;',
      '3. Decides to continue the forum in 2027;',
      '4. Invites Parties to submit their views.',
    ]);
    expect(prepared.furniture.map((f) => [f.kind, f.text])).toEqual([
      ['page-header', 'A/CONF.999/L.1'],
      ['page-footer', 'GE.26-04711 1'],
      ['page-header', 'A/CONF.999/L.1'],
      ['page-footer', 'GE.26-04711 2'],
    ]);
    expect(prepared.notes).toEqual([{ marker: '1', text: 'See document FCCC/SB/2026/INF.1.', line: expect.any(Number), kind: 'footnote' }]);
    // The reference moved with its line into paragraph 2's one line, at the column it was cut from.
    const two = prepared.lines.find((l) => l.text.startsWith('2.'));
    expect(prepared.references).toEqual([{ marker: '1', line: two?.line, column: '2. Requests the secretariat to report'.length + 1 }]);
    expect(prepared.places[(two?.line ?? 0) - 1]).toEqual({ page: 1, line: 6 });
    expect(prepared.pages).toBe(2);
  });

  // The ADP's informal notes of 2015, read on real PDFs (UNFCCC, ADP.2015.8/11.InformalNote).
  it('breaks before a heading set larger at the top of a page, where the paragraph before ran to the foot of the last', () => {
    const full = 'x'.repeat(80);
    const one = textPage(1, [item(`2. The CMA shall undertake its first stocktaking ${full}`, 60, 700), item(`the CMA at its first session ${full}`, 90, 714)]);
    const two = textPage(2, [item('Article 11 (FACILITATING IMPLEMENTATION AND COMPLIANCE)', 180, 95, 12), item('1. A mechanism is hereby established.', 60, 112)]);
    expect(texts(preparePdf([one, two], '/drafts/8.pdf').lines).filter(Boolean)).toEqual([
      `2. The CMA shall undertake its first stocktaking ${full} the CMA at its first session ${full}`,
      'Article 11 (FACILITATING IMPLEMENTATION AND COMPLIANCE)',
      '1. A mechanism is hereby established.',
    ]);
  });

  it('takes a short line in capitals after a line of text that stopped short for a heading, however tight the spacing; a heading wrapped stays one', () => {
    const full = 'x'.repeat(90);
    const body = [
      item(`46bis. Requests the SBSTA ${full}`, 60, 100),
      item('consistent with the rules of the COP;]', 90, 112),
      item('Option III: [No text on this mechanism]', 60, 127),
      item('ADAPTATION', 60, 141),
      item(`47. [Decides that the activities ${full}`, 60, 156),
      item('ELIGIBILITY CRITERIA FOR', 200, 200),
      item('SUBJECT MATTER', 220, 212),
      item('1. One.', 60, 226),
    ];
    expect(texts(preparePdf([page(1, body)], '/drafts/11.pdf').lines).filter(Boolean)).toEqual([
      `46bis. Requests the SBSTA ${full} consistent with the rules of the COP;]`,
      'Option III: [No text on this mechanism]',
      'ADAPTATION',
      `47. [Decides that the activities ${full}`,
      'ELIGIBILITY CRITERIA FOR SUBJECT MATTER',
      '1. One.',
    ]);
  });

  it('reads 9-point notes under 10-point text as footnotes, and a raised digit after a raised label as part of it (Pp15, not Pp1 and note 5)', () => {
    const body = [item('Pp1', 56, 97, 6.5), item('5', 66, 97, 6.5), item('[Acknowledging that putting a price on carbon', 85, 100), item('5', 310, 97, 6.5), item('is important,]', 320, 100)];
    const notes = [item('5 See the report of the Executive Secretary.', 56, 700, 9)];
    const prepared = preparePdf([page(1, [...body, ...notes])], '/drafts/11.pdf');
    expect(texts(prepared.lines).filter(Boolean)).toEqual(['Pp15 [Acknowledging that putting a price on carbon is important,]']);
    expect(prepared.notes).toEqual([{ marker: '5', text: 'See the report of the Executive Secretary.', line: expect.any(Number), kind: 'footnote' }]);
    expect(prepared.references.map((r) => [r.marker, r.column])).toEqual([['5', 'Pp15 [Acknowledging that putting a price on carbon'.length + 1]]);
  });

  it('refuses a PDF without any text: no text layer, run OCR first', () => {
    let error: unknown;
    try {
      preparePdf([page(1, []), page(2, [item('   ', 60, 100)])], '/drafts/scan.pdf');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NdraftError);
    expect((error as NdraftError).diagnostics[0]).toMatchObject({ code: 'PDF_NO_TEXT', message: expect.stringMatching(/^no text layer: the PDF's 2 pages are images \(a scan\?\); run OCR first/) });
  });

  it('keeps a paragraph that starts a page apart from the header of the page before', () => {
    const pages = [1, 2, 3].map((n) => textPage(n, column([`${n}. Paragraph ${n} starts the page and`, 'ends here.'], 60, 90)));
    const prepared = preparePdf(pages, '/drafts/rev1.pdf');
    expect(texts(prepared.lines).filter(Boolean)).toEqual(['1. Paragraph 1 starts the page and ends here.', '2. Paragraph 2 starts the page and ends here.', '3. Paragraph 3 starts the page and ends here.']);
  });
});

describe('joinParagraphLines', () => {
  it('joins the lines between blank ones, moving the references on later lines with their text', () => {
    const lines = [
      { text: '1. First line', line: 1, column: 1 },
      { text: 'second line', line: 2, column: 1 },
      { text: '', line: 3, column: 1 },
      { text: 'Another', line: 3, column: 1 },
    ];
    const joined = joinParagraphLines(lines, [{ marker: '2', line: 2, column: 7 }]);
    expect(texts(joined.lines)).toEqual(['1. First line second line', '', 'Another']);
    expect(joined.references).toEqual([{ marker: '2', line: 1, column: '1. First line second'.length + 1 }]);
  });
});

describe('describePdfSource', () => {
  it('says the pages, which were read as two columns, and the lines', () => {
    expect(describePdfSource({ pages: 12, twoColumnPages: [3, 4, 5, 9], lines: 480 })).toBe('12 pages (4 read as two columns: pages 3–5, 9), 480 lines of text');
    expect(describePdfSource({ pages: 1, twoColumnPages: [], lines: 1 })).toBe('1 page, 1 line of text');
    expect(describePdfSource({ pages: 2, twoColumnPages: [1, 2], lines: 90 })).toBe('2 pages (all read as two columns), 90 lines of text');
  });
});
