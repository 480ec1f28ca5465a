import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Conventions } from '../model/conventions-schema.js';
import { decodeInput, type DecodedInput } from './decode-input.js';
import { describeFurniture } from './describe-prepared-source.js';
import { importText, type ImportResult } from './import-text.js';
import { checkImportLines, checkImportResult } from './input-limits.js';
import { prepareSource } from './prepare-source.js';
import type { PreparedSource } from './source-lines.js';

export interface ReadOptions {
  /** Absolute path of the source, for messages. */
  file: string;
  title: string;
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
  const furniture = describeFurniture(prepared.furniture);
  const result = importText(prepared.lines, {
    file: options.file,
    title: options.title,
    ...(options.source !== undefined ? { source: options.source } : {}),
    originalLines: decoded.text.split('\n'),
    footnotes: prepared.notes,
    references: prepared.references,
    ...(options.conventions ? { conventions: options.conventions } : {}),
    ...(furniture ? { notes: [{ text: furniture, kind: 'furniture' as const }] } : {}),
  });
  checkImportResult(result, options.file);
  return { ...result, decoded, prepared, allWarnings: [...decoded.warnings, ...prepared.warnings, ...result.warnings] };
}
