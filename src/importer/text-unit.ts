import type { Status } from '../model/schemas.js';
import { DEFAULT_VOCABULARY } from './compile-conventions.js';

/**
 * A piece of text being assembled from one or more source lines (a paragraph body, an item,
 * an alternative). It remembers where each line came from, so that a problem found later at an
 * offset in the joined text can be reported at its line and column in the source file.
 */
export interface TextUnit {
  text: string;
  segments: { offset: number; line: number; column: number }[];
}

export function newUnit(): TextUnit {
  return { text: '', segments: [] };
}

/** Adds a source line's words; lines are joined with one space, as a reader would. */
export function appendLine(unit: TextUnit, words: string, line: number, column: number): void {
  if (words === '') return;
  if (unit.text !== '') unit.text += ' ';
  unit.segments.push({ offset: unit.text.length, line, column });
  unit.text += words;
}

export function prependText(unit: TextUnit, prefix: string): void {
  unit.text = prefix + unit.text;
  for (const s of unit.segments) s.offset += prefix.length;
  const first = unit.segments[0];
  unit.segments.unshift({ offset: 0, line: first?.line ?? 0, column: Math.max(1, (first?.column ?? 1) - prefix.length) });
}

/** Inserts `text` at `offset` of the unit's text; the words after it keep their source positions. */
export function insertText(unit: TextUnit, offset: number, text: string): void {
  if (offset <= 0) return prependText(unit, text);
  unit.text = unit.text.slice(0, offset) + text + unit.text.slice(offset);
  for (const s of unit.segments) if (s.offset >= offset) s.offset += text.length;
}

/** Source line and column of an offset in the unit's text. */
export function locate(unit: TextUnit, offset: number): { line: number; column: number } {
  let best = unit.segments[0];
  for (const s of unit.segments) if (s.offset <= offset) best = s;
  if (!best) return { line: 0, column: 0 };
  return { line: best.line, column: best.column + Math.max(0, offset - best.offset) };
}

/**
 * Takes a status marker off the text: `(Agreed)`, `(Agreed ad ref)`, `[Agreed ad ref]`,
 * `agreed ad ref`, `(Deleted)`, and the conventions' own (`marker`, from `compileConventions`),
 * at the end (`… session (Agreed ad ref);` keeps its `;`), or else first, before the words
 * (`(Agreed) Decides …`, `leading`).
 */
export function takeStatusMarker(unit: TextUnit, marker: RegExp = DEFAULT_VOCABULARY.marker, leading: RegExp = DEFAULT_VOCABULARY.leadingMarker): Status | undefined {
  // `[deleted]` as the whole text: the paragraph or item was deleted (a bracket of that one word would mean nothing).
  if (/^\s*\[\s*deleted\s*\][.;]?\s*$/iu.test(unit.text)) {
    unit.text = '';
    return 'deleted';
  }
  const atEnd = marker.exec(unit.text);
  const match = atEnd ?? leading.exec(unit.text);
  if (!match) return undefined;
  if (atEnd) {
    const punctuation = /[.;,:](?=\s*$)/u.exec(match[0])?.[0] ?? '';
    unit.text = unit.text.slice(0, match.index).trimEnd() + punctuation;
  } else dropStart(unit, match[0].length);
  if (match[4] !== undefined) return 'agreed';
  if (match[5] !== undefined) return 'agreed-ad-ref';
  if (match[6] !== undefined) return 'deleted';
  const word = (match[1] ?? match[2] ?? match[3] ?? '').toLowerCase();
  if (word.startsWith('agreed ad ref')) return 'agreed-ad-ref';
  return word === 'deleted' ? 'deleted' : 'agreed';
}

/** Cuts the first `length` characters of the text, keeping every later offset on its source line and column. */
function dropStart(unit: TextUnit, length: number): void {
  unit.text = unit.text.slice(length);
  const kept = unit.segments.filter((s, i) => s.offset >= length || (unit.segments[i + 1]?.offset ?? Infinity) > length);
  unit.segments = kept.map((s) => (s.offset >= length ? { ...s, offset: s.offset - length } : { line: s.line, column: s.column + (length - s.offset), offset: 0 }));
}

const MOVED = /\s*\((moved (?:to|from) [^()]{1,60})\)\s*[.;]?\s*$/iu;

/** Takes `(moved to 63)` or `(moved from 12)` off the end of the text, as a note: `Moved to 63`. */
export function takeMoveNote(unit: TextUnit): string | undefined {
  const match = MOVED.exec(unit.text);
  if (!match) return undefined;
  unit.text = unit.text.slice(0, match.index).trimEnd();
  const words = (match[1] as string).trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
