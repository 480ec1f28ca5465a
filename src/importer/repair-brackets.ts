import { parseNotation, unmatchedBrackets } from '../notation/parse-notation.js';
import type { NotationError, NotationResult, SpanEdges } from '../notation/types.js';
import { insertText, locate, type TextUnit } from './text-unit.js';

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
 *
 * `spans` are the bracket spans whose edges stand in the text (see `plan-spans.ts`): their
 * brackets are matched in another text and are never repaired. The repairs then keep clear of
 * them: a stray "]" is opened just after the last span's "]" (not at the start, which would take
 * that "]" away from its span), an unclosed "[" is closed just before the first span's "[". Where
 * that would make an empty bracket (`market.]]`: a span's "]" and a stray one side by side), the
 * repair is made as ever, at the start or the end: one span's edge then moves past nothing but
 * blanks, and the span covers the same words.
 */
export function repairBrackets(unit: TextUnit, what: string, warn: Warn, spans?: SpanEdges): NotationResult {
  const first = parseNotation(unit.text, spans);
  if (first.ok || tooDeep(first, unit, what, warn)) return first;
  const unclosed = first.errors.filter((e) => e.code === 'UNCLOSED_BRACKET');
  const stray = first.errors.filter((e) => e.code === 'UNEXPECTED_CLOSING_BRACKET');
  const closes = spans?.closes.length ?? 0;
  const opens = spans?.opens.length ?? 0;
  const unmatched = closes > 0 || opens > 0 ? unmatchedBrackets(unit.text) : undefined;
  // Where the repairs go: beside the spans' edges (see above), else at the end and the start.
  let closeAt: number | undefined;
  if (unclosed.length > 0 && unmatched && opens > 0) {
    const spanOpen = unmatched.opens[unmatched.opens.length - opens] as number;
    const lastUnclosed = unmatched.opens[unmatched.opens.length - opens - 1] as number;
    if (opens > 1 || unit.text.slice(lastUnclosed + 1, spanOpen).trim() !== '') closeAt = skipBlanks(unit.text, spanOpen, -1);
  }
  let openAt: number | undefined;
  if (stray.length > 0 && unmatched && closes > 0) {
    const spanClose = unmatched.closes[closes - 1] as number;
    const firstStray = unmatched.closes[closes] as number;
    if (closes > 1 || unit.text.slice(spanClose + 1, firstStray).trim() !== '') openAt = skipBlanks(unit.text, spanClose + 1, 1);
  }
  // Placed before the text changes: the offsets are those of the text as parsed.
  warnEach(unit, unclosed, warn, 'UNCLOSED_BRACKET', `"[" is never closed in ${what}; ${closeAt !== undefined ? 'closed before the "[" of the bracket span that opens after it' : 'closed at its end'}`);
  warnEach(unit, stray, warn, 'UNEXPECTED_CLOSING_BRACKET', `"]" has no opening bracket in ${what}; ${openAt !== undefined ? 'opened after the "]" of the bracket span that closes before it' : 'opened at its start'}`);
  // The later insertion first, so that the offset of the earlier one still holds.
  if (unclosed.length > 0) insertText(unit, closeAt ?? unit.text.length, ']'.repeat(unclosed.length));
  if (stray.length > 0) insertText(unit, openAt ?? 0, '['.repeat(stray.length));
  // Every "[" added nests the text one deeper: 100,000 stray "]" would make it 100,000 deep.
  const repaired = parseNotation(unit.text, spans);
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

/** From `at`, past the blanks forwards (`step` 1) or before it backwards (-1): where a repair bracket goes beside a span's. */
function skipBlanks(text: string, at: number, step: 1 | -1): number {
  let i = at;
  if (step > 0) while (i < text.length && /\s/u.test(text[i] as string)) i++;
  else while (i > 0 && /\s/u.test(text[i - 1] as string)) i--;
  return i;
}
