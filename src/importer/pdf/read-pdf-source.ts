import { NdraftError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ImportResult } from '../import-text.js';
import { importPrepared } from '../import-prepared.js';
import { checkImportLines } from '../input-limits.js';
import type { ReadOptions, ReadSource } from '../read-draft-source.js';
import { loadPdfText } from './load-pdf-text.js';
import { preparePdf, type PdfPlace } from './prepare-pdf.js';

/** What came from the PDF, for the import summary. */
export interface PdfSummary {
  pages: number;
  /** The pages read as two columns. */
  twoColumnPages: number[];
  /** Lines of text read, furniture and footnotes included. */
  lines: number;
}

/**
 * A PDF to a draft: its positioned text read (`loadPdfText`), laid out into clean lines
 * (`preparePdf`), then the same import as a text file's (`importPrepared`). A warning names
 * the page and the line on it, counted in reading order, since a PDF has no line numbers of its
 * own; the line it quotes is the line as read from the PDF.
 */
export async function readPdfSource(bytes: Uint8Array, options: ReadOptions): Promise<ReadSource> {
  const pages = await loadPdfText(bytes, options.file);
  const prepared = preparePdf(pages, options.file);
  const text = prepared.extracted.join('\n');
  checkImportLines(text, options.file);
  const place = (d: Diagnostic): Diagnostic => placed(d, prepared.places);
  let result: ImportResult;
  try {
    result = importPrepared(prepared, prepared.extracted, options);
  } catch (error) {
    throw error instanceof NdraftError ? onPages(error, options.file, prepared.places, place) : error;
  }
  // Each line number of what was taken out gets its page and line on the page beside it (--json).
  const onPage = <T extends { line: number }>(x: T): T & { page: number; lineOnPage: number } => ({ ...x, page: prepared.places[x.line - 1]?.page ?? 0, lineOnPage: prepared.places[x.line - 1]?.line ?? 0 });
  return {
    ...result,
    warnings: result.warnings.map(place),
    decoded: { text, encoding: 'utf-8', warnings: [] },
    prepared: { ...prepared, furniture: prepared.furniture.map(onPage), notes: prepared.notes.map(onPage), references: prepared.references.map(onPage) },
    allWarnings: [...prepared.warnings, ...result.warnings].map(place),
    pdf: { pages: prepared.pages, twoColumnPages: prepared.twoColumnPages, lines: prepared.extracted.length },
  };
}

/** "page 3, line 12: …" in place of a line number that means nothing to someone holding the PDF. */
function placed(d: Diagnostic, places: readonly PdfPlace[]): Diagnostic {
  const at = d.line === undefined ? undefined : places[d.line - 1];
  if (at === undefined) return d;
  const { line: _line, column: _column, sourceLine, ...rest } = d;
  return { ...rest, message: `page ${at.page}, line ${at.line}: ${d.message}${sourceLine ? ` (“${clip(sourceLine)}”)` : ''}` };
}

/** An import error with its places ("draft.pdf:189:1: …") said as pages and lines. */
function onPages(error: NdraftError, file: string, places: readonly PdfPlace[], place: (d: Diagnostic) => Diagnostic): NdraftError {
  const at = (line: string) => places[Number(line) - 1];
  const message = error.message
    .split(`${file}:`)
    .map((part, i) => (i === 0 ? part : part.replace(/^(\d+):\d+:/, (all, line: string) => (at(line) ? `, page ${at(line)?.page}, line ${at(line)?.line}:` : `:${all}`))))
    .join(file)
    .replace(/\(first at line (\d+)\)/g, (all, line: string) => (at(line) ? `(first at page ${at(line)?.page}, line ${at(line)?.line})` : all));
  return new NdraftError(error.kind, message, error.diagnostics.map(place));
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
