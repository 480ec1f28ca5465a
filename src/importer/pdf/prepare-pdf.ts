import { inputError } from '../../diagnostics/diagnostic.js';
import { joinHyphenation } from '../join-hyphenation.js';
import type { ExtractedNote, NoteReference, PreparedSource, RemovedFurniture, SourceLine } from '../source-lines.js';
import { breaksBefore } from './break-paragraphs.js';
import { joinParagraphLines } from './join-paragraph-lines.js';
import { findFurniture, type PageLines } from './find-furniture.js';
import { bodySizeOf, findPdfFootnotes, MARKER, type PdfFootnote } from './find-pdf-footnotes.js';
import { joinSpans, type PdfLine, type PdfSpan } from './group-lines.js';
import type { PdfPageText } from './load-pdf-text.js';
import { orderColumns, type PlacedLine } from './order-columns.js';

/** Where an extracted line came from: "page 3, line 12", counting the page's lines in reading order. */
export interface PdfPlace {
  page: number;
  line: number;
}

export interface PreparedPdf extends PreparedSource {
  /** Every line read from the PDF, furniture and footnotes included; `SourceLine.line` numbers them from 1. */
  extracted: string[];
  /** For each number in `extracted` (1-based), the page and the line on that page. */
  places: PdfPlace[];
  /** For each number in `extracted` (1-based), where the line starts on the page (points from the left). */
  lefts: number[];
  /** For each number in `extracted` (1-based), whether its first word stands apart from the rest, as a label before a tab stop does. */
  tabbed: boolean[];
  pages: number;
  /** The pages read as two columns. */
  twoColumnPages: number[];
}

/**
 * The PDF's positioned text to the lines the text import reads, in passes over the layout:
 * lines in reading order with columns (`orderColumns`), running headers and footers taken out
 * (`findFurniture`), footnotes at the foot of the page taken out as notes and their superscript
 * markers cut from the text (`findPdfFootnotes`), paragraph breaks from spacing and numbering
 * (`breaksBefore`), words broken at line ends joined (`joinHyphenation`, the text path's own)
 * and each paragraph's lines made one (`joinParagraphLines`).
 * Pure; a PDF without any text (scanned pages) is refused, since it holds nothing to import.
 */
export function preparePdf(pages: readonly PdfPageText[], file: string): PreparedPdf {
  const visible = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.text.trim().length, 0), 0);
  if (visible === 0) {
    throw inputError('the file was not imported', [
      {
        code: 'PDF_NO_TEXT',
        severity: 'error',
        message: `no text layer: the PDF's ${pages.length} page${pages.length === 1 ? ' is an image' : 's are images'} (a scan?); run OCR first (e.g. \`ocrmypdf scan.pdf text.pdf\`) and import the result`,
        file,
      },
    ]);
  }
  const placed: PageLines<PlacedLine>[] = pages.map((p) => ({ number: p.number, height: p.height, lines: orderColumns(p) }));
  const furniture = findFurniture(placed);
  const body = placed.map((p) => ({ ...p, lines: p.lines.filter((l) => !furniture.has(l)) }));
  const bodySize = bodySizeOf(body);
  const footnotes = body.map((p) => findPdfFootnotes(p, bodySize));
  const markers = new Set(footnotes.flat().map((n) => n.marker));

  const extracted: string[] = [];
  const places: PdfPlace[] = [];
  const lefts: number[] = [];
  const tabbed: boolean[] = [];
  const removed: RemovedFurniture[] = [];
  const notes: ExtractedNote[] = [];
  const references: NoteReference[] = [];
  const running: { line: PlacedLine; page: number; number: number; text: string }[] = [];
  placed.forEach((page, p) => {
    const pageNotes = footnotes[p] as PdfFootnote[];
    const noteLines = new Set(pageNotes.flatMap((n) => n.lines));
    // The footnotes are numbered after the page's text, so that a note comes after its reference.
    const order = [...page.lines.filter((l) => !noteLines.has(l)), ...page.lines.filter((l) => noteLines.has(l))];
    const numberOf = new Map<PdfLine, number>();
    order.forEach((line, i) => {
      extracted.push(line.text);
      places.push({ page: page.number, line: i + 1 });
      lefts.push(line.x);
      tabbed.push(labelApart(line));
      const number = extracted.length;
      numberOf.set(line, number);
      const kind = furniture.get(line);
      if (kind) removed.push({ line: number, text: line.text, kind });
      else if (!noteLines.has(line)) running.push({ line, page: page.number, number, text: cutMarkers(line, number, markers, references) });
    });
    for (const note of pageNotes) notes.push({ marker: note.marker, text: note.text, line: numberOf.get(note.lines[0] as PdfLine) as number, kind: 'footnote' });
  });

  const breaks = breaksBefore(running);
  const lines: SourceLine[] = [];
  running.forEach((r, i) => {
    if (breaks[i]) lines.push({ text: '', line: r.number, column: 1 });
    // A typesetter's hyphen at a line end (U+2010, what a soft hyphen prints as) is a break, not a spelling.
    lines.push({ text: r.text.endsWith('\u2010') ? `${r.text.slice(0, -1)}\u00ad` : r.text, line: r.number, column: 1 });
  });
  const joined = joinParagraphLines(joinHyphenation(lines), references);
  return {
    lines: joined.lines,
    furniture: removed,
    notes,
    references: joined.references,
    warnings: [],
    format: 'text',
    extracted,
    places,
    lefts,
    tabbed,
    pages: pages.length,
    twoColumnPages: placed.filter((p) => p.lines.some((l) => l.column !== 0)).map((p) => p.number),
  };
}

/** A line's text without the superscript footnote markers that follow a word; each cut is a reference. */
function cutMarkers(line: PdfLine, number: number, markers: ReadonlySet<string>, references: NoteReference[]): string {
  const drop = new Set<PdfSpan>();
  line.spans.forEach((span, i) => {
    const marker = span.text.trim();
    // After raised text, a raised digit goes on with it: `Pp1` `5` is the margin label Pp15.
    const before = line.spans[i - 1];
    if (span.raised && i > 0 && MARKER.test(marker) && markers.has(marker) && !(before?.raised === true && before.text.trim() !== '')) drop.add(span);
  });
  if (drop.size === 0) return line.text;
  const { text, cuts } = joinSpans(line.spans, drop);
  for (const [span, column] of cuts) references.push({ marker: span.text.trim(), line: number, column });
  return text;
}

/**
 * Whether the line's first run of text is one word set apart from the next by more than a space,
 * as an item's label is from its words in ndraft's PDF (a hanging indent): `(g)` then a gap is a
 * label, `(g) and (h).` in one run is words that happen to start like one.
 */
function labelApart(line: PdfLine): boolean {
  const visible = line.spans.filter((s) => s.text.trim() !== '');
  const [first, second] = visible;
  if (first === undefined || second === undefined || /\s/u.test(first.text.trim())) return false;
  return second.x - first.x2 > first.size * 0.9;
}
