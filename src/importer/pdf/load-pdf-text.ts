import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { inputError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { inputLimits, pastLimit } from '../../limits/input-limits.js';

/** One run of text as the PDF places it: top-down page coordinates in points, baseline at `y`. */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points (the height of the text matrix). */
  size: number;
  font: string;
}

export interface PdfPageText {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

/** The pages' text, and the Info dictionary's Producer and Title (what made the PDF, and its title), when it has them. */
export interface PdfText {
  pages: PdfPageText[];
  producer?: string;
  title?: string;
  /** The document outline (bookmarks), flattened in order: each title and its depth (0 at the top). */
  outline: { title: string; depth: number }[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * The positioned text of every page, read with pdfjs-dist (Mozilla's PDF reader, the one Firefox
 * uses: well kept, and it gives each run of text its position, size and font). The library is
 * some 2 MB of code, so it is imported here, on the PDF path only: `ndraft status` never loads it.
 * In Node pdfjs runs its parser on the calling thread (its "fake worker"), so no worker file or
 * canvas is involved. Past the page limit, or for a PDF that is encrypted or damaged, nothing is
 * read: an input error says what to do instead.
 */
export async function loadPdfText(bytes: Uint8Array, file: string): Promise<PdfText> {
  const pdfjs = await importPdfJs();
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: a copy keeps the caller's bytes.
    data: new Uint8Array(bytes),
    // Character maps and the standard fonts' metrics, so that Chinese, Japanese and Korean text
    // and PDFs without embedded fonts read as text, not as glyph numbers.
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw pdfFailure(error, file);
  }
  try {
    const limit = inputLimits().pdfPages;
    if (document.numPages > limit) {
      throw refused(file, 'PDF_TOO_MANY_PAGES', `the PDF has ${document.numPages} pages, ${pastLimit('pdfPages')}`);
    }
    const pages: PdfPageText[] = [];
    for (let first = 1; first <= document.numPages; first += PAGES_AT_ONCE) {
      const numbers = Array.from({ length: Math.min(PAGES_AT_ONCE, document.numPages - first + 1) }, (_, k) => first + k);
      const read = await Promise.allSettled(numbers.map((number) => readPage(pdfjs, document, number, file)));
      // The first page that failed, in page order, as one by one.
      for (const page of read) {
        if (page.status === 'rejected') throw page.reason;
        pages.push(page.value);
      }
    }
    return { pages, ...(await documentInfo(document)), outline: await outlineOf(document) };
  } finally {
    await document.destroy();
  }
}

/**
 * Pages asked of pdfjs at once. One at a time, the thread sat idle whenever pdfjs waited for a
 * page's streams to be inflated (zlib runs off the main thread) or a font's data read (~13 % of
 * the import of the 131-page bench PDF); four at a time it parses one meanwhile. Pages come back
 * in order, the same text as one by one.
 */
const PAGES_AT_ONCE = 4;

const PDFJS_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** The language's own objects whose functions core-js may replace (see `importPdfJs`). */
const BUILT_INS: readonly object[] = [Object, Object.prototype, Array, Array.prototype, Function.prototype, JSON, Math, Number, Number.prototype, String, String.prototype, RegExp.prototype, Promise, Promise.prototype, Map.prototype, Set.prototype, WeakMap.prototype, Symbol, Reflect];

/**
 * pdfjs's legacy build (the one made for Node) carries core-js, which on Node 20 replaces some of
 * the language's own functions, for the whole process, with JavaScript ones of its own: today
 * `Array.prototype.push`, `JSON.stringify`, `JSON.parse` and `Function.prototype.toString` (for
 * corners neither pdfjs nor ndraft meets: an array past 2^32 elements, `JSON.rawJSON`). Every
 * push and every JSON of the import then went through them: of pdfjs's own reading, and of all
 * that follows it (the draft's lines, paragraphs, checks, files and cache). They are put back as
 * they were once pdfjs and its worker half are loaded (the worker half pdfjs would import at the
 * first document, bringing core-js again). What core-js adds that Node 20 lacks
 * (`Promise.withResolvers`, `Uint8Array.prototype.toHex`, …) pdfjs needs, and it stays.
 */
async function importPdfJs(): Promise<PdfJs> {
  const natives = BUILT_INS.flatMap((target) => Reflect.ownKeys(target).map((key) => ({ target, key, descriptor: Object.getOwnPropertyDescriptor(target, key) })));
  try {
    const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // No types of its own; loading it is all that is wanted (it registers itself as globalThis.pdfjsWorker).
    await import(PDFJS_WORKER);
    return pdfjs;
  } finally {
    for (const { target, key, descriptor } of natives) {
      const now = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor && now && !(['value', 'get', 'set'] as const).every((part) => Object.is(now[part], descriptor[part]))) Object.defineProperty(target, key, descriptor);
    }
  }
}

/** The Producer and Title of the Info dictionary; nothing when it is missing or unreadable (it only ever helps). */
async function documentInfo(document: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy): Promise<{ producer?: string; title?: string }> {
  try {
    const { info } = await document.getMetadata();
    const { Producer: producer, Title: title } = info as { Producer?: unknown; Title?: unknown };
    return { ...(typeof producer === 'string' ? { producer } : {}), ...(typeof title === 'string' ? { title } : {}) };
  } catch {
    return {};
  }
}

/** The bookmarks, depth first; none when the PDF has none or they cannot be read (they only ever help). */
async function outlineOf(document: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy): Promise<{ title: string; depth: number }[]> {
  type Entry = { title: string; items: Entry[] };
  const flat = (entries: readonly Entry[], depth: number): { title: string; depth: number }[] => entries.flatMap((e) => [{ title: e.title, depth }, ...flat(e.items, depth + 1)]);
  try {
    return flat(((await document.getOutline()) ?? []) as Entry[], 0);
  } catch {
    return [];
  }
}

async function readPage(pdfjs: PdfJs, document: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy, number: number, file: string): Promise<PdfPageText> {
  try {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      // Into the page as it is shown (rotation and crop box applied, y growing downwards).
      const [, , c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      const [x, y] = [e as number, f as number];
      // Text placed off the page is not shown (a page's overflow, clipped away): it is not read.
      if (x >= viewport.width || x + item.width <= 0 || y <= 0 || y > viewport.height + 2) continue;
      items.push({ text: item.str, x, y, width: item.width, size: Math.hypot(c as number, d as number), font: item.fontName });
    }
    page.cleanup();
    return { number, width: viewport.width, height: viewport.height, items };
  } catch (error) {
    throw pdfFailure(error, file, number);
  }
}

/** pdfjs's exceptions, by name (they cross its worker boundary as plain objects), in words a user can act on. */
function pdfFailure(error: unknown, file: string, page?: number): Error {
  if (error instanceof Error && error.name === 'NdraftError') return error;
  const name = (error as { name?: string } | undefined)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return refused(file, 'PDF_ENCRYPTED', 'the PDF is protected by a password (encrypted); open it with the password and save or print an unprotected copy, then import that');
  }
  const where = page === undefined ? '' : ` (page ${page})`;
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || /xref|startxref|Invalid PDF|stream|Unexpected|corrupt/i.test(detail)) {
    return refused(file, 'PDF_DAMAGED', `the file starts like a PDF but cannot be read${where}: it is damaged or incomplete (cut short in a download?); get a fresh copy. pdf.js said: ${detail}`);
  }
  return refused(file, 'PDF_UNREADABLE', `the PDF could not be read${where}: ${detail}`);
}

function refused(file: string, code: string, message: string): Error {
  const diagnostic: Diagnostic = { code, severity: 'error', message, file };
  return inputError(`${basename(file)} was not imported`, [diagnostic]);
}
