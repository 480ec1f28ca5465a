import { groupLines, lineOf, type PdfLine, type PdfSpan } from './group-lines.js';
import type { PdfItem, PdfPageText } from './load-pdf-text.js';

/** A line in reading order, with the column it was read from: 0 across the page (or a page of one column), 1 left, 2 right. */
export interface PlacedLine extends PdfLine {
  column: 0 | 1 | 2;
}

/**
 * A page's lines in reading order. A page set in two columns has a gutter: a band in the middle
 * of the page that almost no text crosses, with plenty of text on both sides. Its lines are read
 * down the left column, then down the right one; a line across the gutter (a heading, a footnote
 * across the page) closes a band of columns, and the band below it is read the same way. Reading
 * by baseline alone, as `pdftotext -layout` does, would run the two columns together line by line.
 * A narrow left column of paragraph numbers is no gutter: the text beside it is far too little.
 */
export function orderColumns(page: PdfPageText): PlacedLine[] {
  const gutter = findGutter(page);
  if (gutter === undefined) return groupLines(page.items).map((l) => ({ ...l, column: 0 }));
  // Each side of the gutter is read into lines of its own, so that a superscript in one column
  // does not join a line of the other that stands a little higher. Whatever sits at the height of
  // a line across the gutter belongs to it (a footnote's marker, left of the gutter).
  const sides: [PdfItem[], PdfItem[], PdfItem[]] = [[], [], []];
  for (const item of page.items) sides[item.x + item.width <= gutter ? 1 : item.x >= gutter ? 2 : 0].push(item);
  const across = groupLines(sides[0]);
  const spanning: PlacedLine[] = [];
  const columns: PlacedLine[] = [];
  const joined = new Map<PdfLine, PdfSpan[]>();
  const [leftLines, rightLines] = [groupLines(sides[1]), groupLines(sides[2])];
  for (const column of [1, 2] as const) {
    const [own, other] = column === 1 ? [leftLines, rightLines] : [rightLines, leftLines];
    for (const line of own) {
      const host = across.find((a) => Math.abs(a.y - line.y) <= 0.5 * Math.max(a.size, line.size));
      if (host) joined.set(host, [...(joined.get(host) ?? []), ...line.spans]);
      // A line in the top margin with nothing beside it (a running header set to one side) is
      // read first, as a line across the page, not after the column under it.
      else if (line.y < page.height / 10 && !other.some((o) => Math.abs(o.y - line.y) <= line.size)) spanning.push({ ...line, column: 0 });
      else columns.push({ ...line, column });
    }
  }
  for (const line of across) spanning.push({ ...(joined.has(line) ? lineOf([...line.spans, ...(joined.get(line) as PdfSpan[])]) : line), column: 0 });
  spanning.sort((a, b) => a.y - b.y);
  // Each column line goes to the band between the spanning lines above and below it.
  const band = (line: PdfLine) => spanning.filter((s) => s.y < line.y).length;
  const out: PlacedLine[] = [];
  for (let b = 0; b <= spanning.length; b++) {
    if (b > 0) out.push(spanning[b - 1] as PlacedLine);
    const inBand = columns.filter((l) => band(l) === b);
    out.push(...inBand.filter((l) => l.column === 1).sort((p, q) => p.y - q.y), ...inBand.filter((l) => l.column === 2).sort((p, q) => p.y - q.y));
  }
  return out;
}

const BIN = 2;

function findGutter(page: PdfPageText): number | undefined {
  const text = page.items.filter((i) => i.text.trim() !== '' && i.width > 0);
  if (text.length < 8) return undefined;
  const bins = new Array<number>(Math.ceil(page.width / BIN) + 1).fill(0);
  for (const item of text) {
    const from = Math.max(0, Math.floor(item.x / BIN));
    const to = Math.min(bins.length - 1, Math.floor((item.x + item.width) / BIN));
    for (let b = from; b <= to; b++) bins[b] = (bins[b] as number) + 1;
  }
  // The gutter lies in the middle of the page: look between 30% and 70% of its width.
  const low = Math.floor((page.width * 0.3) / BIN);
  const high = Math.ceil((page.width * 0.7) / BIN);
  let best = low;
  for (let b = low; b <= high; b++) if ((bins[b] as number) < (bins[best] as number)) best = b;
  if ((bins[best] as number) > text.length * 0.05) return undefined;
  // The middle of the run of emptiest bins around the best one.
  let [from, to] = [best, best];
  while (from > low && bins[from - 1] === bins[best]) from--;
  while (to < high && bins[to + 1] === bins[best]) to++;
  const gutter = ((from + to + 1) / 2) * BIN;
  const chars = (items: PdfItem[]) => items.reduce((n, i) => n + i.text.length, 0);
  const total = chars(text);
  const leftChars = chars(text.filter((i) => i.x + i.width <= gutter));
  const rightChars = chars(text.filter((i) => i.x >= gutter));
  return leftChars > total * 0.15 && rightChars > total * 0.15 ? gutter : undefined;
}
