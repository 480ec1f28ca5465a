import { parseNotation } from '../notation/parse-notation.js';
import type { NotationError, NotationResult } from '../notation/types.js';
import { locate, prependText, type TextUnit } from './text-unit.js';

export type Warn = (line: number, column: number, code: string, message: string) => void;

/** Repairs warned about one by one in a text; past this, they are counted in one more warning. */
const MAX_WARNINGS_PER_KIND = 10;

/**
 * Closes what is never closed and opens what is never opened, so that no text is lost; each
 * repair is a warning. Returns the notation of the text as it is then.
 *
 * All repairs come from one parse: every stray "]" gets a "[" at the start of the text and every
 * unclosed "[" a "]" at its end, added at once. (Repairing one error and parsing again made
 * 100,000 stray brackets cost quadratic time and gigabytes of memory.) Brackets nested past the
 * depth limit are not repaired: the parse's NESTING_TOO_DEEP error is passed on as a warning
 * with that code, which the import refuses (see input-limits.ts).
 */
export function repairBrackets(unit: TextUnit, what: string, warn: Warn): NotationResult {
  const first = parseNotation(unit.text);
  if (first.ok || tooDeep(first, unit, what, warn)) return first;
  const unclosed = first.errors.filter((e) => e.code === 'UNCLOSED_BRACKET');
  const stray = first.errors.filter((e) => e.code === 'UNEXPECTED_CLOSING_BRACKET');
  // Placed before the text changes: the offsets are those of the text as parsed.
  warnEach(unit, unclosed, warn, 'UNCLOSED_BRACKET', `"[" is never closed in ${what}; closed at its end`);
  warnEach(unit, stray, warn, 'UNEXPECTED_CLOSING_BRACKET', `"]" has no opening bracket in ${what}; opened at its start`);
  if (stray.length > 0) prependText(unit, '['.repeat(stray.length));
  unit.text += ']'.repeat(unclosed.length);
  // Every "[" added nests the text one deeper: 100,000 stray "]" would make it 100,000 deep.
  const repaired = parseNotation(unit.text);
  tooDeep(repaired, unit, `${what} once its brackets are repaired`, warn);
  return repaired;
}

/** Passes a NESTING_TOO_DEEP error on as a warning of that code; whether there was one. */
function tooDeep(result: NotationResult, unit: TextUnit, what: string, warn: Warn): boolean {
  const error = result.ok ? undefined : result.errors.find((e) => e.code === 'NESTING_TOO_DEEP');
  if (!error) return false;
  const at = locate(unit, error.point.offset);
  warn(at.line, at.column, error.code, `${error.message} in ${what}`);
  return true;
}

function warnEach(unit: TextUnit, errors: readonly NotationError[], warn: Warn, code: string, message: string): void {
  for (const error of errors.slice(0, MAX_WARNINGS_PER_KIND)) {
    const at = locate(unit, error.point.offset);
    warn(at.line, at.column, code, message);
  }
  const more = errors.length - MAX_WARNINGS_PER_KIND;
  const last = errors[MAX_WARNINGS_PER_KIND];
  if (more > 0 && last) {
    const at = locate(unit, last.point.offset);
    warn(at.line, at.column, code, `${message} (and ${more} more from here on)`);
  }
}
