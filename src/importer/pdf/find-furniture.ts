import type { RemovedFurniture } from '../source-lines.js';
import type { PdfLine } from './group-lines.js';

export interface PageLines<L extends PdfLine = PdfLine> {
  /** 1-based page number. */
  number: number;
  height: number;
  lines: L[];
}

/**
 * Running headers and footers: lines in the top or bottom tenth of the page whose text, digits
 * aside (page numbers, dates of printing), stands at the same height on at least half of the
 * pages, and on two at least. A line in those margins that is only a page number ("3", "- 3 -",
 * "3/12", "Page 3 of 12") is furniture on any page. Matching position and text together keeps a
 * paragraph that happens to start a page from being taken for a header; so does leaving numbered
 * paragraphs alone.
 */
export function findFurniture(pages: readonly PageLines[]): Map<PdfLine, RemovedFurniture['kind']> {
  const found = new Map<PdfLine, RemovedFurniture['kind']>();
  const margin = pages.flatMap((page) => marginRows(page).map((row) => ({ page: page.number, height: page.height, line: row[0] as PdfLine, row, key: keyOf(row.map((l) => l.text).join(' ')) })));
  const byKey = new Map<string, typeof margin>();
  for (const m of margin) {
    const group = byKey.get(m.key);
    if (group) group.push(m);
    else byKey.set(m.key, [m]);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const group of byKey.values()) {
    // Within one group the repeats must stand at one height (2 points either way).
    const heights = group.map((m) => m.line.y).sort((a, b) => a - b);
    const median = heights[Math.floor(heights.length / 2)] as number;
    const repeated = group.filter((m) => Math.abs(m.line.y - median) <= 2);
    if (new Set(repeated.map((m) => m.page)).size < needed) continue;
    for (const m of repeated) for (const line of m.row) found.set(line, kindOf(line, m.height));
  }
  for (const m of margin) for (const line of m.row) if (!found.has(line) && PAGE_NUMBER.test(line.text)) found.set(line, 'page-number');
  return found;
}

/**
 * A page's lines in its margins, those at one height together, left to right: a footer that two
 * columns cut in two ("GE.26-04711 (E)" on the left, the page number on the right) is one row.
 */
function marginRows(page: PageLines): PdfLine[][] {
  const rows: PdfLine[][] = [];
  for (const line of page.lines.filter((l) => inMargin(l, page.height)).sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs((r[0] as PdfLine).y - line.y) <= 2);
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows.map((r) => r.sort((a, b) => a.x - b.x));
}

function inMargin(line: PdfLine, height: number): boolean {
  return (line.y < height / 10 || line.y > (height * 9) / 10) && !NUMBERED.test(line.text) && !line.spans.find((s) => s.text.trim() !== '')?.raised;
}

function keyOf(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

function kindOf(line: PdfLine, height: number): RemovedFurniture['kind'] {
  if (PAGE_NUMBER.test(line.text)) return 'page-number';
  return line.y < height / 2 ? 'page-header' : 'page-footer';
}

// A numbered paragraph that starts a page is text, however alike its words are to another's; a
// line that starts with a superscript is a footnote.
const NUMBERED = /^\d{1,4}\.\s+\p{L}/u;
const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?$|^[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]$/i;
