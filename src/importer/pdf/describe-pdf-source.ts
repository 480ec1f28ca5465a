import type { PdfSummary } from './read-pdf-source.js';

/**
 * "4 pages (2 read as two columns), 212 lines of text": what the import read from a PDF, for its
 * summary; for ndraft's own PDF, also the lines of its export skipped or read back.
 */
export function describePdfSource(pdf: PdfSummary): string {
  const columns = pdf.twoColumnPages.length;
  const pages = `${pdf.pages} page${pdf.pages === 1 ? '' : 's'}`;
  const read = columns === 0 ? '' : ` (${columns === pdf.pages ? 'all' : columns} read as two columns${columns === pdf.pages || columns > 6 ? '' : `: ${pageList(pdf.twoColumnPages)}`})`;
  return `${pages}${read}, ${pdf.lines} line${pdf.lines === 1 ? '' : 's'} of text${pdf.madeByNdraft === true ? `; written by ndraft: ${ownLines(pdf.exportLines ?? {})}` : ''}`;
}

/** "12 lines of its own recognised (1 title, 1 legend, 3 scope, 4 note)": what the import skipped or read back. */
function ownLines(counts: Readonly<Record<string, number>>): string {
  const kinds = Object.entries(counts);
  const total = kinds.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return 'none of its own lines found';
  return `${total} line${total === 1 ? '' : 's'} of its own recognised (${kinds.map(([what, count]) => `${count} ${what}`).join(', ')})`;
}

/** [3, 4, 5, 9] → "pages 3–5, 9". */
function pageList(pages: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && (pages[j + 1] as number) === (pages[j] as number) + 1) j++;
    runs.push(j === i ? String(pages[i]) : `${pages[i]}\u2013${pages[j]}`);
    i = j + 1;
  }
  return `page${pages.length === 1 ? '' : 's'} ${runs.join(', ')}`;
}
