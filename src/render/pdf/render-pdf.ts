import { inputError } from '../../diagnostics/diagnostic.js';
import { headerOf, type ExportInput } from '../../export/export-input.js';
import { VERSION } from '../../version.js';
import { runningTitle } from '../document-parts.js';
import { safeText, span } from '../docx-runs.js';
import { layoutLines, type LaidLine } from './layout-lines.js';
import { CM, pdfBlocks } from './pdf-blocks.js';
import { PageContent } from './pdf-content.js';
import { describeFallback, type PdfFallback } from './pdf-fallback.js';

export { describeFallback } from './pdf-fallback.js';
import { PdfFile, textString } from './pdf-file.js';
import { pdfOutline, type Bookmark } from './pdf-outline.js';
import { Paginator, type Frame } from './pdf-pages.js';
import { TinosFaces } from './tinos-faces.js';

/** A4 in points. */
const WIDTH = 595.276;
const HEIGHT = 841.89;
/** The Word export's margins: 2.5 cm (2 cm at the sides with line numbers), header and footer 1.25 cm from the edge. */
const FRAME: Frame = { height: HEIGHT, top: 2.5 * CM, bottom: 2.5 * CM };
const FURNITURE = 1.25 * CM;
const FURNITURE_SIZE = 10;

/** The PDF, or why ndraft's writer cannot set this draft (a browser must print it). */
export type NativePdf = { pdf: Uint8Array } | { fallback: PdfFallback };

/**
 * The draft as a PDF laid out and written by ndraft itself: A4 pages in Tinos (Times New Roman's
 * metrics), the Word export's layout (`pdf-blocks.ts`), the symbol in bold and the running title
 * in italics at the top right of every page, `n / N` at the foot, the sections as bookmarks.
 * The same draft gives the same bytes: no time is written but the document's own date.
 */
export function nativePdf(input: ExportInput, faces = new TinosFaces()): NativePdf {
  const side = input.lineNumbers ? 2 * CM : 2.5 * CM;
  const width = WIDTH - 2 * side;
  const file = new PdfFile();
  const catalog = file.allocate();
  const pagesId = file.allocate();
  const resources = file.allocate();
  const header = headerLines(input, faces, width);
  const pages: { id: number; footer: number }[] = [];
  const bookmarks: Bookmark[] = [];
  // Each page is written as soon as it is full; its footer (`n / N`) once the number of pages is known.
  const paginator = new Paginator(FRAME, (page) => {
    const ops = new PageContent();
    header.forEach((line, n) => ops.line(line, side, HEIGHT - FURNITURE - FURNITURE_SIZE * (0.891 + 1.15 * n), FURNITURE_SIZE));
    for (const placed of page.lines) ops.line(placed.line, side, placed.y, placed.size);
    const content = file.addStream(ops.content());
    const footer = file.allocate();
    const id = file.add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${WIDTH} ${HEIGHT}] /Resources ${resources} 0 R /Contents [${content} 0 R ${footer} 0 R] >>`);
    pages.push({ id, footer });
    for (const mark of page.outline) bookmarks.push({ ...mark, page: id });
  });
  const fallback = pdfBlocks(input, faces, width, (block) => paginator.push(block));
  if (fallback !== undefined) return { fallback };
  paginator.finish();
  pages.forEach(({ footer }, i) => {
    // The footer is a content stream of its own, after the page's.
    const ops = new PageContent();
    for (const line of layoutLines([span(`${i + 1} / ${pages.length}`)], { size: FURNITURE_SIZE, width, left: 0, hanging: 0, align: 'center' }, faces)) ops.line(line, side, FURNITURE, FURNITURE_SIZE);
    file.stream(footer, ops.content());
  });
  const fonts = faces.used().filter((face) => face.isUsed).map((face) => `/${face.resourceName} ${face.write(file)} 0 R`);
  file.set(resources, `<< /Font << ${fonts.join(' ')} >> /ProcSet [/PDF /Text] >>`);
  file.set(pagesId, `<< /Type /Pages /Kids [${pages.map(({ id }) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  const outline = pdfOutline(file, bookmarks);
  file.set(catalog, `<< /Type /Catalog /Pages ${pagesId} 0 R${outline === undefined ? '' : ` /Outlines ${outline} 0 R`} >>`);
  const date = headerOf(input).date;
  const info = file.add(
    `<< /Title ${textString(safeText(input.draft.meta.title))} /Subject (${input.mode === 'compilation' ? 'Compilation text' : 'Clean text'}) /Producer (ndraft ${VERSION})` +
      `${date === undefined ? '' : ` /CreationDate (D:${date.replace(/-/g, '')}000000Z)`} >>`,
  );
  return { pdf: file.bytes(catalog, info) };
}

/** `nativePdf`'s PDF; a draft it cannot set is an input error naming why. */
export function renderPdf(input: ExportInput, faces = new TinosFaces()): Uint8Array {
  const result = nativePdf(input, faces);
  if ('fallback' in result) throw inputError(describeFallback(result.fallback));
  return result.pdf;
}

/** The symbol in bold, then the running title in grey italics, set right as the Word export's header. */
function headerLines(input: ExportInput, faces: TinosFaces, width: number): LaidLine[] {
  const symbol = headerOf(input).symbol;
  const spec = { size: FURNITURE_SIZE, width, left: 0, hanging: 0, align: 'right' as const };
  return [
    ...(symbol !== undefined ? layoutLines([span(symbol, { bold: true })], spec, faces) : []),
    ...layoutLines([span(runningTitle(input), { italics: true, color: '666666' })], spec, faces),
  ];
}
