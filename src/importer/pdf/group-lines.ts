import type { PdfItem } from './load-pdf-text.js';

/** A run of text on a line, with where it stands. `raised`: smaller and above the baseline (a superscript). */
export interface PdfSpan {
  text: string;
  x: number;
  x2: number;
  y: number;
  size: number;
  raised: boolean;
}

/** The runs of text that share a baseline, left to right. `y` and `size` are those of its main text. */
export interface PdfLine {
  spans: PdfSpan[];
  text: string;
  x: number;
  x2: number;
  y: number;
  size: number;
}

/**
 * Items to lines: items whose baselines lie within half a font size of each other share a line,
 * so a superscript (raised by a third of the size of the text it sits in) stays on its line and
 * the next line (a line height below) does not join it. Within a line the items are ordered by x,
 * and a space is put between two where the PDF leaves a gap but no space character, as typesetters
 * that place words one by one do.
 */
export function groupLines(items: readonly PdfItem[]): PdfLine[] {
  const sorted = items.filter((i) => i.text.trim() !== '' || i.width > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; items: PdfItem[] }[] = [];
  for (const item of sorted) {
    // Only the last few lines can take it: the items come in order of baseline.
    let home: (typeof groups)[number] | undefined;
    for (let g = groups.length - 1; g >= 0 && g >= groups.length - 3; g--) {
      const group = groups[g] as (typeof groups)[number];
      if (Math.abs(item.y - group.y) <= 0.5 * Math.max(group.size, item.size)) home = group;
    }
    if (home) {
      home.items.push(item);
      if (item.size > home.size) [home.y, home.size] = [item.y, item.size];
    } else groups.push({ y: item.y, size: item.size, items: [item] });
  }
  return groups.map((g) => toLine(g.items)).filter((l) => l.text !== '');
}

function toLine(items: PdfItem[]): PdfLine {
  return lineOf(items.map((i) => ({ text: i.text, x: i.x, x2: i.x + i.width, y: i.y, size: i.size, raised: false })));
}

/** A line made of these spans (some of a line's, when a gutter splits it): ordered, its main text found, superscripts marked. */
export function lineOf(input: readonly PdfSpan[]): PdfLine {
  const sorted = [...input].sort((a, b) => a.x - b.x);
  const main = sorted.reduce((best, s) => (s.size > best.size + 0.1 || (Math.abs(s.size - best.size) <= 0.1 && s.text.length > best.text.length) ? s : best));
  const spans = sorted.map((s) => ({ ...s, raised: s.size < main.size * 0.85 && s.y < main.y - main.size * 0.15 }));
  const visible = spans.filter((s) => s.text.trim() !== '');
  return {
    spans,
    text: joinSpans(spans).text,
    x: (visible[0] ?? (spans[0] as PdfSpan)).x,
    x2: Math.max(...spans.map((s) => s.x2)),
    y: main.y,
    size: main.size,
  };
}

const BULLET_O = /^o ?$/;

/**
 * The text of a line's spans, whitespace collapsed, without the spans in `drop` (footnote
 * markers); `cuts` says at which column (1-based) of the text each dropped span stood.
 */
export function joinSpans(spans: readonly PdfSpan[], drop?: ReadonlySet<PdfSpan>): { text: string; cuts: Map<PdfSpan, number> } {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  let inked = Number.NEGATIVE_INFINITY;
  const cuts = new Map<PdfSpan, number>();
  for (const span of spans) {
    if (drop?.has(span)) {
      cuts.set(span, text.length + 1);
      end = Math.max(end, span.x2);
      continue;
    }
    // Spaces, tabs and line ends collapse; a no-break space (`2\u00a0°C`) is text and stays.
    let piece = span.text.replace(/[ \t\r\n]+/g, ' ');
    const gap = span.x - end;
    if (text !== '' && !text.endsWith(' ') && !piece.startsWith(' ') && gap > span.size * 0.18) piece = ` ${piece}`;
    if (text === '' || text.endsWith(' ')) piece = piece.replace(/^ +/, '');
    // Word's second-level bullet is a letter `o` and a tab stop: kept as `o` + tab, which reads as
    // an item's bullet (`classifyLine`), where a space would glue it to the words as a word "o".
    if (BULLET_O.test(text) && piece.trim() !== '' && span.x - inked > span.size * 0.9) {
      text = 'o\t';
      piece = piece.replace(/^ +/, '');
    }
    text += piece;
    end = Math.max(end, span.x2);
    // Where the last visible text ends: a space character may fill the gap a tab stop leaves.
    if (piece.trim() !== '') inked = span.x2;
  }
  return { text: text.replace(/ +$/, ''), cuts };
}
