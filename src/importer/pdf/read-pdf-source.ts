import { NdraftError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ImportResult } from '../import-text.js';
import { importPrepared } from '../import-prepared.js';
import { checkImportLines } from '../input-limits.js';
import type { ReadOptions, ReadSource } from '../read-draft-source.js';
import { loadPdfText } from './load-pdf-text.js';
import { attachPdfExportLines } from './attach-pdf-export-lines.js';
import { preparePdf, type PdfPlace } from './prepare-pdf.js';
import { readExportLines, type PdfExportLine } from './read-export-lines.js';

/** What came from the PDF, for the import summary. */
export interface PdfSummary {
  pages: number;
  /** The pages read as two columns. */
  twoColumnPages: number[];
  /** Lines of text read, furniture and footnotes included. */
  lines: number;
  /** The Producer named ndraft: its export's own lines were looked for. */
  madeByNdraft?: boolean;
  /** The lines of ndraft's own export recognised: skipped (title, header fields, legend, span captions) or read back (positions, scopes, notes), by what they are. */
  exportLines?: Record<string, number>;
}

/**
 * A PDF to a draft: its positioned text read (`loadPdfText`), laid out into clean lines
 * (`preparePdf`), then the same import as a text file's (`importPrepared`). A warning names
 * the page and the line on it, counted in reading order, since a PDF has no line numbers of its
 * own; the line it quotes is the line as read from the PDF.
 */
export async function readPdfSource(bytes: Uint8Array, options: ReadOptions): Promise<ReadSource> {
  const { pages, producer, outline } = await loadPdfText(bytes, options.file);
  const prepared = preparePdf(pages, options.file);
  const text = prepared.extracted.join('\n');
  const place = (d: Diagnostic): Diagnostic => placed(d, prepared.places);
  // ndraft's PDF export names itself in the Info dictionary (render-pdf.ts): only then are its own lines looked for.
  const madeByNdraft = producer !== undefined && /^ndraft(?: |$)/.test(producer);
  const own = readExportLines(prepared.lines, madeByNdraft, { outline, lefts: prepared.lefts, tabbed: prepared.tabbed, extracted: prepared.extracted });
  const title = options.titleGiven !== true && own.title !== undefined ? own.title : options.title;
  let result: ImportResult;
  try {
    checkImportLines(text, options.file);
    result = importPrepared({ ...prepared, lines: own.lines }, prepared.extracted, { ...options, title, places: own.exportLines.length > 0 });
  } catch (error) {
    throw error instanceof NdraftError ? onPages(error, options.file, prepared.places, place) : error;
  }
  const attached = attachPdfExportLines(result, own);
  // Each line number of what was taken out gets its page and line on the page beside it (--json).
  const onPage = <T extends { line: number }>(x: T): T & { page: number; lineOnPage: number } => ({ ...x, page: prepared.places[x.line - 1]?.page ?? 0, lineOnPage: prepared.places[x.line - 1]?.line ?? 0 });
  return {
    ...result,
    warnings: result.warnings.map(place),
    decoded: { text, encoding: 'utf-8', warnings: [] },
    prepared: { ...prepared, furniture: prepared.furniture.map(onPage), notes: prepared.notes.map(onPage), references: prepared.references.map(onPage) },
    allWarnings: [...prepared.warnings, ...result.warnings, ...attached.map((w) => ({ ...w, file: options.file }))].map(place),
    pdf: { pages: prepared.pages, twoColumnPages: prepared.twoColumnPages, lines: prepared.extracted.length, ...(madeByNdraft ? { madeByNdraft, exportLines: countBy(own.exportLines) } : {}) },
  };
}

/** "page 3, line 12: …" in place of a line number that means nothing to someone holding the PDF. */
function placed(d: Diagnostic, places: readonly PdfPlace[]): Diagnostic {
  const at = d.line === undefined ? undefined : places[d.line - 1];
  if (at === undefined) return d;
  const { line: _line, column: _column, sourceLine, ...rest } = d;
  // A line of the text read is a paragraph's lines joined: "line 9 is 111 characters long" says nothing on the page.
  const message = firstOnPage(d.message, places).replace(/^line \d+ is /, 'the text from there to the end of its paragraph is ');
  return { ...rest, message: `page ${at.page}, line ${at.line}: ${message}${sourceLine ? ` (“${clip(sourceLine)}”)` : ''}` };
}

/** "(first at line 185)", a line of the text read from the pages, as the page and line a reader finds it at. */
function firstOnPage(message: string, places: readonly PdfPlace[]): string {
  return message.replace(/\(first at line (\d+)\)/g, (all, line: string) => {
    const at = places[Number(line) - 1];
    return at ? `(first at page ${at.page}, line ${at.line})` : all;
  });
}

/** An import error with its places ("draft.pdf:189:1: …") said as pages and lines. */
function onPages(error: NdraftError, file: string, places: readonly PdfPlace[], place: (d: Diagnostic) => Diagnostic): NdraftError {
  const at = (line: string) => places[Number(line) - 1];
  const message = error.message
    .split(`${file}:`)
    .map((part, i) => (i === 0 ? part : part.replace(/^(\d+):\d+:/, (all, line: string) => (at(line) ? `, page ${at(line)?.page}, line ${at(line)?.line}:` : `:${all}`))))
    .join(file);
  return new NdraftError(error.kind, firstOnPage(message, places), error.diagnostics.map(place));
}

/** How many of the export's lines there were of each kind: `{ legend: 1, positions: 3 }`. */
function countBy(lines: readonly PdfExportLine[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { role } of lines) {
    const what = role.kind === 'furniture' ? role.what : role.kind;
    counts[what] = (counts[what] ?? 0) + 1;
  }
  return counts;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
