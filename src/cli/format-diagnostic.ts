import { relative, resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** `path:line:col: message`, then the source line and a caret under the column. */
export function formatDiagnostic(d: Diagnostic, cwd: string, c: ChalkInstance): string {
  const place = [d.file ? displayPath(d.file, cwd) : undefined, d.line, d.column].filter((x) => x !== undefined && x !== 0).join(':');
  const label = d.severity === 'error' ? c.red('error') : c.yellow('warning');
  const head = `${place ? `${c.bold(place)}: ` : ''}${label}: ${d.message} ${c.dim(`[${d.code}]`)}`;
  if (d.sourceLine === undefined || d.line === undefined || d.column === undefined) return head;
  const { shown, caretAt } = clip(d.sourceLine, d.column - 1);
  return `${head}\n  ${shown}\n  ${' '.repeat(caretAt)}${c.red('^')}`;
}

export function displayPath(file: string, cwd: string): string {
  // A name that is not a path (`--text`, `HEAD:paragraphs/061.yaml`) stays as it is: taken
  // against the command's folder, never the process's (the same, but for ndraft run in-process).
  const rel = relative(cwd, resolve(cwd, file));
  if (rel === '') return '.';
  return rel.startsWith('../..') ? file : rel;
}

/** Long lines (a paragraph is one line) are cut around the column so the caret stays on screen. */
function clip(line: string, index: number): { shown: string; caretAt: number } {
  const text = line.replace(/\t/g, ' ');
  const width = 100;
  if (text.length <= width) return { shown: text, caretAt: index };
  const start = Math.max(0, Math.min(index - 40, text.length - width));
  const prefix = start > 0 ? '…' : '';
  const suffix = start + width < text.length ? '…' : '';
  return { shown: `${prefix}${text.slice(start, start + width)}${suffix}`, caretAt: index - start + prefix.length };
}

export function diagnosticJson(d: Diagnostic, cwd: string): Record<string, unknown> {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.file ? { file: displayPath(d.file, cwd) } : {}),
    ...(d.line !== undefined ? { line: d.line, column: d.column } : {}),
  };
}
