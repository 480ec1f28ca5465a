import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseNotation } from '../notation/parse-notation.js';
import type { NotationRoot, Point } from '../notation/types.js';

/**
 * A text given to an editing command, parsed: unbalanced brackets are refused with every error
 * placed. `source` names where the text came from (`--text`, or the file an editor saved), and
 * `place` maps a point in the text to that source's line and column (the identity for `--text`).
 */
export function checkedNotation(text: string, source: { name: string; place?: (point: Point) => { line: number; column: number; sourceLine: string } }): NotationRoot {
  const parsed = parseNotation(text);
  if (parsed.ok) return parsed.tree;
  const diagnostics: Diagnostic[] = parsed.errors.map((error) => {
    const at = source.place?.(error.point) ?? { line: error.point.line, column: error.point.column, sourceLine: text.split('\n')[error.point.line - 1] ?? '' };
    return { code: error.code, severity: 'error', message: error.message, file: source.name, ...at };
  });
  throw inputError(`${source.name} does not parse: ${parsed.errors.length === 1 ? 'its brackets do not balance' : `${parsed.errors.length} bracket errors`}; nothing was changed`, diagnostics);
}
