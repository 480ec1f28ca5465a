import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PreparedSource, RemovedFurniture } from './source-lines.js';

/**
 * What cleaning took out, said in words, for the import summary and for the draft's notes, until
 * the model gives notes a shape of their own (issue 9, part 9).
 */
export function describeFurniture(furniture: readonly RemovedFurniture[]): string | undefined {
  if (furniture.length === 0) return undefined;
  const parts = KINDS.flatMap(([kind, one, many]) => {
    const found = furniture.filter((f) => f.kind === kind);
    if (found.length === 0) return [];
    const texts = [...new Set(found.map((f) => f.text.trim().replace(/\s+/g, ' ')).filter((t) => t !== '' && kind !== 'page-number'))];
    const shown = texts.length > 0 && texts.length <= 3 ? ` (${texts.map((t) => `"${t}"`).join(', ')})` : '';
    return [`${found.length} ${found.length === 1 ? one : many}${shown}`];
  });
  return `${furniture.length} line${furniture.length === 1 ? '' : 's'} of page furniture removed: ${parts.join(', ')}`;
}

const KINDS: [RemovedFurniture['kind'], string, string][] = [
  ['form-feed', 'form feed', 'form feeds'],
  ['page-header', 'page header line', 'page header lines'],
  ['page-footer', 'page footer line', 'page footer lines'],
  ['page-number', 'page number', 'page numbers'],
  ['redaction', 'redaction bar', 'redaction bars'],
];

/** Each footnote as a draft note: `footnote 7 (line 166): Negotiators' Note: …`. */
export function footnotesAsNotes(source: PreparedSource): string[] {
  return source.notes.map((n) => `footnote ${n.marker} (line ${n.line}): ${n.text}`);
}

/**
 * The importer reads the cleaned text, so its places are in that text; this puts them back in
 * the original file: the line, the column (exact unless layout spaces were collapsed before it)
 * and the original line's text, for the caret.
 */
export function placeInOriginal(d: Diagnostic, source: PreparedSource, originalLines: readonly string[]): Diagnostic {
  const at = d.line === undefined ? undefined : source.lines[d.line - 1];
  if (at === undefined || d.line === undefined) return d;
  const column = d.column === undefined ? undefined : at.column + d.column - 1;
  return { ...d, line: at.line, ...(column === undefined ? {} : { column }), ...(d.sourceLine === undefined ? {} : { sourceLine: originalLines[at.line - 1] ?? d.sourceLine }) };
}

/**
 * Today's importer names lines inside some messages (`file:12:1: … (first at line 7)`); those are
 * lines of the cleaned text, so they are put back to the original file's. The rebuilt importer
 * will take positions from the source lines and make this unnecessary.
 */
export function messageInOriginal(message: string, file: string, source: PreparedSource): string {
  const original = (n: string): string => String(source.lines[Number(n) - 1]?.line ?? n);
  return message.replace(`${file}:`, '\u0000').replace(/^\u0000(\d+):/, (_all, n: string) => `${file}:${original(n)}:`).replace('\u0000', `${file}:`).replace(/\bat line (\d+)\b/g, (_all, n: string) => `at line ${original(n)}`);
}
