import type { Conventions } from '../model/conventions-schema.js';
import { describeFurniture } from './describe-prepared-source.js';
import { importText, type ImportResult } from './import-text.js';
import { checkImportResult } from './input-limits.js';
import type { PreparedSource } from './source-lines.js';

export interface ImportPreparedOptions {
  /** Absolute path of the source, for messages. */
  file: string;
  title: string;
  /** The file name stored as the draft's source. */
  source?: string;
  conventions?: Conventions;
  /** Also say where each line ended up (`ImportResult.places`). */
  places?: boolean;
}

/**
 * The shared back of the import pipeline: clean lines, whatever file they were read from (text,
 * Markdown, PDF), to a draft, the furniture removed kept as a note of the draft and each footnote
 * on the paragraph citing it, within the input limits. `originalLines` are the lines as read,
 * before cleaning, which warnings quote.
 */
export function importPrepared(prepared: PreparedSource, originalLines: readonly string[], options: ImportPreparedOptions): ImportResult {
  const furniture = describeFurniture(prepared.furniture);
  const result = importText(prepared.lines, {
    file: options.file,
    title: options.title,
    ...(options.source !== undefined ? { source: options.source } : {}),
    originalLines,
    footnotes: prepared.notes,
    references: prepared.references,
    ...(options.conventions ? { conventions: options.conventions } : {}),
    ...(furniture ? { notes: [{ text: furniture, kind: 'furniture' as const }] } : {}),
    ...(options.places === true ? { places: true } : {}),
  });
  checkImportResult(result, options.file);
  return result;
}
