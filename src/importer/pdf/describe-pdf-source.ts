import type { PdfSummary } from './read-pdf-source.js';

/** "4 pages (2 read as two columns), 212 lines of text": what the import read from a PDF, for its summary. */
export function describePdfSource(pdf: PdfSummary): string {
  const columns = pdf.twoColumnPages.length;
  const pages = `${pdf.pages} page${pdf.pages === 1 ? '' : 's'}`;
  const read = columns === 0 ? '' : ` (${columns === pdf.pages ? 'all' : columns} read as two columns${columns === pdf.pages || columns > 6 ? '' : `: ${pageList(pdf.twoColumnPages)}`})`;
  return `${pages}${read}, ${pdf.lines} line${pdf.lines === 1 ? '' : 's'} of text`;
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
