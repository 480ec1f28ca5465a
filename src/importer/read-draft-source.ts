import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Conventions } from '../model/conventions-schema.js';
import { decodeInput, type DecodedInput } from './decode-input.js';
import type { ImportResult } from './import-text.js';
import { importPrepared } from './import-prepared.js';
import { checkImportLines } from './input-limits.js';
import { prepareSource } from './prepare-source.js';
import type { PdfSummary } from './pdf/read-pdf-source.js';
import type { PreparedSource } from './source-lines.js';

export interface ReadOptions {
  /** Absolute path of the source, for messages. */
  file: string;
  title: string;
  /** `title` was given by the user (--title): a title the file prints does not replace it. */
  titleGiven?: boolean;
  /** The file name stored as the draft's source. */
  source?: string;
  encoding?: string;
  from?: 'text' | 'markdown';
  /** A negotiation's own spellings (`--conventions`), read with `readConventions`. */
  conventions?: Conventions;
}

export interface ReadSource extends ImportResult {
  decoded: DecodedInput;
  prepared: PreparedSource;
  /** Every warning, in the order the passes found them: decoding, cleaning, reading. */
  allWarnings: Diagnostic[];
  /** What was read from a PDF, for the summary (src/importer/pdf/read-pdf-source.ts). */
  pdf?: PdfSummary;
}

/**
 * A file's bytes to a draft, through every pass: decode (content sniffed, encoding), clean (page
 * furniture, footnotes, hyphenation, Markdown), then read the conventions (`importText`), within
 * the input limits (a line past the line limit, brackets nested too deep: an error). Pure.
 */
export function readDraftSource(bytes: Uint8Array, options: ReadOptions): ReadSource {
  const decoded = decodeInput(bytes, options.file, options.encoding);
  checkImportLines(decoded.text, options.file);
  const prepared = prepareSource(decoded.text, { file: options.file, ...(options.from ? { from: options.from } : {}) });
  const result = importPrepared(prepared, decoded.text.split('\n'), options);
  return { ...result, decoded, prepared, allWarnings: [...decoded.warnings, ...prepared.warnings, ...result.warnings] };
}
