import { readFileSync, statSync } from 'node:fs';
import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findLongLine, formatBytes, inputLimits, pastLimit } from '../limits/input-limits.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Draft } from '../model/schemas.js';
import type { ImportResult } from './import-text.js';

/**
 * The limits an import enforces (see src/limits/input-limits.ts and SECURITY.md): the file is a
 * regular file of bounded size, read only once that is known (`import /dev/zero` used to grow
 * past 10 GB), no line is longer than the line limit, no bracket nests past the depth limit, and
 * no text of the draft it makes is longer than a line may be in a paragraph file, since each
 * text is written on one line there. Past a limit: exit 1, naming the file, the line and the limit.
 */
export function readImportFile(path: string, name: string): Buffer {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw inputError(`${name} is a folder; give a text file`);
    if (!stats.isFile()) throw inputError(`${name} is not a regular file (a device or a pipe has no end); give a text file`);
    size = stats.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw inputError(code === 'ENOENT' ? `${name}: no such file` : `${name}: ${(error as Error).message}`);
  }
  const limit = inputLimits().fileSize;
  if (size > limit) throw inputError(`${name} is ${formatBytes(size)}, ${pastLimit('fileSize', formatBytes(limit))}`);
  return readFileSync(path);
}

/** Refuses a text with a line past the line limit, naming the first. */
export function checkImportLines(text: string, file: string): void {
  const long = findLongLine(text);
  if (!long) return;
  throw inputError(`the file was not imported`, [
    { code: 'LINE_TOO_LONG', severity: 'error', message: long.message, file, line: long.line },
  ]);
}

/** Refuses an import whose brackets nest too deep, or that would write a text longer than a line may be. */
export function checkImportResult(result: ImportResult, file: string): void {
  const errors: Diagnostic[] = result.warnings.filter((w) => w.code === 'NESTING_TOO_DEEP').map((w) => ({ ...w, severity: 'error' as const }));
  const limit = inputLimits().lineLength;
  for (const { where, text } of texts(result.draft)) {
    if (text.length > limit) {
      errors.push({ code: 'TEXT_TOO_LONG', severity: 'error', message: `${where} would be ${text.length} characters long, ${pastLimit('lineLength')}`, file });
    }
  }
  if (errors.length > 0) throw inputError('the file was not imported', errors);
}

function* texts(draft: Draft): Generator<{ where: string; text: string }> {
  for (const name of ['preamble', 'closing'] as const) {
    const text = draft.meta[name];
    if (text !== undefined) yield { where: `the ${name}`, text };
  }
  for (const p of draft.paragraphs) {
    yield { where: `paragraph ${paragraphName(p)}`, text: p.text };
    for (const item of p.items) {
      yield { where: `item ${item.label} of paragraph ${paragraphName(p)}`, text: item.text };
      for (const alt of item.alternatives ?? []) yield { where: `"${alt.label}" of paragraph ${paragraphName(p)}`, text: alt.text };
    }
    for (const alt of p.alternatives) yield { where: `"${alt.label}" of paragraph ${paragraphName(p)}`, text: alt.text };
  }
}
