import { classifyLine, type LineKind } from '../classify-line.js';
import type { PlacedLine } from './order-columns.js';

/**
 * Where a paragraph ends between two body lines read one after the other. PDF has no paragraphs,
 * only lines, so the breaks are read from the layout: more space between two lines than between
 * the lines of a paragraph (1.4 times the usual spacing), a change of type size, or a line that
 * starts a numbered paragraph, an item or an option. Across a column or a page the text runs on,
 * unless the new column starts such a line or the last one stopped short.
 */
export function breaksBefore(lines: readonly { line: PlacedLine; page: number }[]): boolean[] {
  const spacing = usualSpacing(lines);
  // The right edge of each column of each page: where full lines end.
  const edges = new Map<string, number>();
  for (const { line, page } of lines) edges.set(`${page}:${line.column}`, Math.max(edges.get(`${page}:${line.column}`) ?? 0, line.x2));
  return lines.map((current, i) => {
    const previous = lines[i - 1];
    if (previous === undefined) return false;
    const [a, b] = [previous.line, current.line];
    const starts = startsUnit(b.text);
    // Across a page or a column the paragraph runs on, unless the last line stopped short (the
    // end of a paragraph) or the new line opens a unit of its own.
    // Stopped short: well before the column's edge, after a sentence's or a clause's end, or a
    // heading (in ragged text a line ends short anywhere). A number or label on a line of its own ("12."
    // over its text) is short but ends nothing.
    const short = (x: PlacedLine, page: number) => x.x2 < (edges.get(`${page}:${x.column}`) ?? x.x2) - x.size * 3;
    if (previous.page !== current.page || a.column !== b.column || b.y < a.y) {
      // A change of type size (a heading at the top of the page) breaks there too.
      return starts || Math.abs(a.size - b.size) > 0.5 || (short(a, previous.page) && (/[.;:,)\]]$/.test(a.text) || HEADINGS.has(classifyLine(a.text).kind)) && !labelOnly(a.text));
    }
    // A change of type size: a heading and its text, or text and a quotation set smaller.
    if (Math.abs(a.size - b.size) > 0.5) return true;
    const gap = b.y - a.y;
    if (gap > (spacing.get(sizeKey(b)) ?? b.size * 1.2) * 1.4) return true;
    // A short line in capitals or under a roman number (`ADAPTATION`, `IV. [WORKSTREAM 2]`) after
    // a line of text that stopped short is a heading, however tight the spacing (UNFCCC's informal
    // notes); after a heading's line, it is that heading wrapped (`ELIGIBILITY CRITERIA FOR` / `…`).
    if (!starts && short(a, previous.page) && short(b, current.page) && STANDALONE_HEADINGS.has(classifyLine(b.text).kind) && !HEADINGS.has(classifyLine(a.text).kind)) return true;
    return starts;
  });
}

/** The median distance between consecutive lines of a size in one column: the document's leading. */
function usualSpacing(lines: readonly { line: PlacedLine; page: number }[]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  lines.forEach((current, i) => {
    const previous = lines[i - 1];
    if (!previous || previous.page !== current.page || previous.line.column !== current.line.column) return;
    const gap = current.line.y - previous.line.y;
    if (gap <= 0 || gap > current.line.size * 3 || sizeKey(previous.line) !== sizeKey(current.line)) return;
    const key = sizeKey(current.line);
    const list = gaps.get(key);
    if (list) list.push(gap);
    else gaps.set(key, [gap]);
  });
  const out = new Map<number, number>();
  // Two or three gaps of a size say nothing: between two headings set one under the other they are
  // the space around headings, not a leading (a size with so few is left to its default).
  for (const [key, list] of gaps) if (list.length >= MIN_GAPS) out.set(key, list.sort((x, y) => x - y)[Math.floor(list.length / 2)] as number);
  return out;
}

const MIN_GAPS = 4;

function sizeKey(line: PlacedLine): number {
  return Math.round(line.size * 2) / 2;
}

// Headings are left to the spacing around them: a wrapped sentence may well go on with "Article 2.".
const UNIT_STARTS = new Set<LineKind['kind']>(['paragraph', 'item', 'option', 'alternative', 'subsection', 'editorial']);

const HEADINGS = new Set<LineKind['kind']>(['caps-heading', 'section-number', 'subsection', 'article', 'division']);

/** Headings no sentence wrapped onto a line of its own could be read as (`Article 2 of the Convention.` could). */
const STANDALONE_HEADINGS = new Set<LineKind['kind']>(['caps-heading', 'section-number']);

/**
 * A line that opens a unit of its own, read by the text import's own classifier: a paragraph
 * number (`12.`), an item (`(a)`, `a.`), an option or an alternative, an editorial note. A bare number (`2 Members …`) is left out: a wrapped line may start with one.
 */
function startsUnit(text: string): boolean {
  const kind = classifyLine(text);
  // An editorial note (`{Footnote 2: …}`) wrapped over lines starts with its brace.
  return (UNIT_STARTS.has(kind.kind) && !(kind.kind === 'paragraph' && kind.bare)) || text.startsWith('{');
}

/** A line that is a label and nothing else: `12.`, `(b)`, `[Alt 763b1)`, `Option 2:`. */
function labelOnly(text: string): boolean {
  const kind = classifyLine(text);
  return UNIT_STARTS.has(kind.kind) && 'rest' in kind && kind.rest.trim() === '';
}
