import type { RemovedFurniture, SourceLine } from './source-lines.js';

export interface WithoutFurniture {
  lines: SourceLine[];
  furniture: RemovedFurniture[];
}

/**
 * Takes out what a PDF page adds around the text: form feeds, page numbers, running headers and
 * footers, and redaction bars. Running headers are found by repetition, not by a list: a line
 * among the first (or last) three lines of at least three pages, and at least half of them, is
 * furniture wherever it opens or closes a page. Page numbers are recognised by shape: `3 of 40`, `Page 3`, `12/60`,
 * `- 3 -` anywhere on a line of their own, and a lone indented (centred) number at the edge of a
 * page. A text with no pages (no form feed, no page number) is returned unchanged, save for lines
 * that are nothing but a redaction bar.
 */
export function removePageFurniture(input: readonly SourceLine[]): WithoutFurniture {
  const furniture: RemovedFurniture[] = [];
  const lines: SourceLine[] = [];
  const pageStarts = new Set<number>();
  for (const line of input) {
    const feeds = line.text.match(/\f/g)?.length ?? 0;
    if (feeds === 0) {
      lines.push(line);
      continue;
    }
    for (let k = 0; k < feeds; k++) furniture.push({ line: line.line, text: '\f', kind: 'form-feed' });
    const lead = /^\f+/.exec(line.text)?.[0].length ?? 0;
    if (lead > 0) pageStarts.add(lines.length);
    const rest = line.text.slice(lead).replace(/\f/g, '');
    if (rest !== '' || lead < line.text.length) lines.push({ text: rest, line: line.line, column: line.column + lead });
  }

  const removed = new Map<number, RemovedFurniture['kind']>();
  lines.forEach((l, i) => {
    if (REDACTION.test(l.text)) removed.set(i, 'redaction');
    else if (EXPLICIT_PAGE_NUMBER.some((p) => p.test(l.text))) {
      removed.set(i, 'page-number');
      pageStarts.add(i + 1);
    }
  });
  const pages = splitPages(lines.length, pageStarts);
  if (pages.length > 1) {
    for (const page of pages) markLonePageNumbers(lines, page, removed);
    markRunningLines(lines, pages, removed);
  }
  for (const [i, kind] of removed) furniture.push({ line: (lines[i] as SourceLine).line, text: (lines[i] as SourceLine).text, kind });
  furniture.sort((a, b) => a.line - b.line || (a.kind === 'form-feed' ? -1 : b.kind === 'form-feed' ? 1 : 0));
  return { lines: lines.filter((_, i) => !removed.has(i)), furniture };
}

const REDACTION = /^\s*\u2588[\u2588\s]*$/;

const EXPLICIT_PAGE_NUMBER = [
  /^\s*(?:page\s+)?\d{1,4}\s+of\s+\d{1,4}\s*$/i,
  /^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$/,
  /^\s*[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]\s*$/,
  /^\s*page\s+\d{1,4}\s*$/i,
];

/** A number alone and indented, as pdftotext -layout leaves a centred or right-aligned folio. */
const LONE_NUMBER = /^\s{8,}\d{1,4}\s*$/;

/** Index ranges [start, end) of the pages. */
function splitPages(count: number, starts: ReadonlySet<number>): [number, number][] {
  const cuts = [...starts].filter((s) => s > 0 && s < count).sort((a, b) => a - b);
  const bounds = [0, ...new Set(cuts), count];
  return bounds.slice(1).map((end, k) => [bounds[k] as number, end]);
}

function markLonePageNumbers(lines: readonly SourceLine[], [start, end]: [number, number], removed: Map<number, RemovedFurniture['kind']>): void {
  const filled = indexesOfText(lines, start, end, removed);
  for (const i of [filled[0], filled[filled.length - 1]]) {
    if (i !== undefined && LONE_NUMBER.test((lines[i] as SourceLine).text)) removed.set(i, 'page-number');
  }
}

/** How many lines with text at the top and at the bottom of a page can be running lines. */
const ZONE = 3;

function markRunningLines(lines: readonly SourceLine[], pages: readonly [number, number][], removed: Map<number, RemovedFurniture['kind']>): void {
  const zones = pages.map(([start, end]) => {
    const filled = indexesOfText(lines, start, end, removed);
    // A short page is split between its top and its foot, so that a footer is not taken for a header.
    const top = Math.min(ZONE, Math.ceil(filled.length / 2));
    return { head: filled.slice(0, top), foot: filled.slice(Math.max(top, filled.length - ZONE)) };
  });
  const nonEmpty = zones.filter((z) => z.head.length > 0).length;
  const needed = Math.max(3, Math.ceil(nonEmpty / 2));
  for (const [zone, kind] of [['head', 'page-header'], ['foot', 'page-footer']] as const) {
    const pagesWith = new Map<string, number>();
    for (const z of zones) for (const key of new Set(z[zone].map((i) => runningKey(lines[i] as SourceLine)))) if (key) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
    for (const z of zones) {
      for (const i of z[zone]) {
        const key = runningKey(lines[i] as SourceLine);
        if (key && (pagesWith.get(key) ?? 0) >= needed) removed.set(i, kind);
      }
    }
  }
}

/**
 * Running lines compare with spacing ignored and numbers as `#` ("Page 3", "Rev.2"). A line needs
 * three letters to count, and one that starts with a number or a label (`3. The Parties`, `(a)`)
 * is text: paragraphs of the same shape may well open several pages.
 */
function runningKey(line: SourceLine): string | undefined {
  const key = line.text.trim().replace(/\s+/g, ' ');
  if ((key.match(/\p{L}/gu)?.length ?? 0) < 3 || /^(?:\d|\(?[a-z]{1,4}[.)]\s)/i.test(key)) return undefined;
  return key.replace(/\d+/g, '#');
}

function indexesOfText(lines: readonly SourceLine[], start: number, end: number, removed: ReadonlyMap<number, unknown>): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) if (!removed.has(i) && (lines[i] as SourceLine).text.trim() !== '') out.push(i);
  return out;
}
