import type { PdfLine, PdfSpan } from './group-lines.js';
import type { PageLines } from './find-furniture.js';

export interface PdfFootnote {
  marker: string;
  text: string;
  /** The lines it was read from, the first holding the marker. */
  lines: PdfLine[];
}

/**
 * Footnotes: the block of lines at the foot of a page set smaller than the running text (90%
 * of its size or less), each note starting with its marker, a superscript or a number or a
 * symbol; lines without a marker continue the note above. A small-type block that does not start
 * with a marker (a table's notes, a signature block) is left in the text. `bodySize` is the size
 * of most of the document's text.
 */
export function findPdfFootnotes(page: PageLines, bodySize: number): PdfFootnote[] {
  const byHeight = [...page.lines].sort((a, b) => a.y - b.y);
  let start = byHeight.length;
  while (start > 0 && isSmall(byHeight[start - 1] as PdfLine, bodySize) && (byHeight[start - 1] as PdfLine).y > page.height * 0.4) start--;
  const block = byHeight.slice(start);
  if (block.length === 0 || markerOf(block[0] as PdfLine) === undefined) return [];
  const notes: PdfFootnote[] = [];
  for (const line of block) {
    const marker = markerOf(line);
    const current = notes[notes.length - 1];
    if (marker !== undefined) notes.push({ marker: marker.marker, text: marker.rest, lines: [line] });
    else if (current) {
      current.text = current.text.endsWith('-') ? current.text + line.text : `${current.text} ${line.text}`;
      current.lines.push(line);
    }
  }
  return notes;
}

/** 90% of the body size or less: UNFCCC's 9-point notes under 10-point text are (a hair of rounding allowed). */
function isSmall(line: PdfLine, bodySize: number): boolean {
  return line.size <= bodySize * 0.9 + 0.01;
}

/** The marker a footnote line starts with, and the rest of its text. */
function markerOf(line: PdfLine): { marker: string; rest: string } | undefined {
  const first = line.spans.find((s) => s.text.trim() !== '') as PdfSpan | undefined;
  if (first?.raised && MARKER.test(first.text.trim())) {
    const rest = line.text.slice(line.text.indexOf(first.text.trim()) + first.text.trim().length).trim();
    return { marker: first.text.trim(), rest };
  }
  const typed = /^(\d{1,3}|[*\u2020\u2021\u00a7]{1,3})[.)]?\s+(?=\S)/u.exec(line.text);
  return typed ? { marker: typed[1] as string, rest: line.text.slice(typed[0].length) } : undefined;
}

/** What a footnote marker looks like in the text: a number or a symbol. */
export const MARKER = /^(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3}|[a-z])$/u;

/** The size most of the text is set in, weighted by characters. */
export function bodySizeOf(pages: readonly PageLines[]): number {
  const weight = new Map<number, number>();
  for (const page of pages) for (const line of page.lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, n] of weight) if (n > most) [best, most] = [size, n];
  return best;
}
