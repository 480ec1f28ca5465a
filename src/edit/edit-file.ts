import type { Point } from '../notation/types.js';

/**
 * The file `ndraft edit` opens in an editor. A text is one line in the draft; here it is wrapped
 * at spaces so that it reads in any editor, under a few comment lines:
 *
 *     # ndraft edit: paragraph 61, text. Lines starting with "#" are ignored; the others are
 *     # joined with one space into one text, in bracket notation. Save and quit to apply.
 *     We underline the importance of the prosecution of cybercrime, including
 *     [cybercrime committed in one jurisdiction, but having effects in another].
 *
 * Reading it back trims each line's spaces and tabs and joins the lines that are left with one
 * space, so an unchanged file gives back exactly the text it was written from.
 */
export const WRAP_WIDTH = 80;

export function editFileContent(header: readonly string[], text: string): string {
  return `${header.map((line) => `# ${line}`).join('\n')}\n${wrap(text).join('\n')}\n`;
}

/**
 * Breaks at single spaces only (a double space or a non-breaking one stays as it is), never before
 * a word that starts with `#` (it would read as a comment) and never at the text's edges.
 */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let lastBreak = -1;
  for (let i = 0; i < text.length; i++) {
    const breakable = text[i] === ' ' && !/[ \t]/.test(text[i - 1] ?? ' ') && !/[ \t#]/.test(text[i + 1] ?? ' ') && i > start;
    if (breakable) lastBreak = i;
    if (i - start >= WRAP_WIDTH && lastBreak > start) {
      lines.push(text.slice(start, lastBreak));
      start = lastBreak + 1;
      lastBreak = -1;
    }
  }
  lines.push(text.slice(start));
  // A text that itself starts with "#" must not read as a comment: a leading space is trimmed away on reading.
  if (lines[0]?.startsWith('#')) lines[0] = ` ${lines[0]}`;
  return lines;
}

export interface EditedText {
  text: string;
  /** Where a point of `text` stands in the file: its line and column, and that line. */
  place(point: Point): { line: number; column: number; sourceLine: string };
}

/** The text an edited file holds: comment lines dropped, the others trimmed and joined with one space. */
export function readEditFile(content: string): EditedText {
  const fileLines = content.split(/\r?\n/);
  const pieces: { offset: number; line: number; column: number; length: number }[] = [];
  let text = '';
  fileLines.forEach((raw, index) => {
    if (raw.startsWith('#')) return;
    const lead = /^[ \t]*/.exec(raw)?.[0].length ?? 0;
    const kept = raw.slice(lead).replace(/[ \t]+$/, '');
    if (kept === '') return;
    if (text !== '') text += ' ';
    pieces.push({ offset: text.length, line: index + 1, column: lead + 1, length: kept.length });
    text += kept;
  });
  return {
    text,
    place: (point) => {
      const piece = [...pieces].reverse().find((p) => p.offset <= point.offset) ?? pieces[0];
      if (!piece) return { line: 1, column: 1, sourceLine: '' };
      const within = Math.min(point.offset - piece.offset, piece.length);
      return { line: piece.line, column: piece.column + within, sourceLine: fileLines[piece.line - 1] ?? '' };
    },
  };
}
