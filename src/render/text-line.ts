import { classifyLine } from '../importer/classify-line.js';

/**
 * The text format gives structure to lines: a line that starts `77.` is a paragraph, `f)` an
 * item, `[Alt 2 61.` an alternative, `II.` a heading. A text written on a line of its own must
 * therefore be one line, and one that does not start like structure; otherwise an export then
 * an import would create a paragraph nobody proposed (issue 12: `We agree.\n\n77. Injected…`).
 */

/** The text on one line: its line breaks become spaces, as the import reads them anyway. */
export function oneLine(text: string): string {
  return text.includes('\n') ? text.replace(/[ \t]*\n[\s]*/g, ' ') : text;
}

/** Whether `line`, standing alone, would be read as something other than text. */
export function readsAsStructure(line: string): boolean {
  const kind = classifyLine(line).kind;
  return kind !== 'text' && kind !== 'blank';
}

/**
 * `head` (a paragraph number, an alternative's label) followed by `text`: on the next line as
 * the conventions have it; on the same line when the text would read as structure on its own
 * and reads back whole there; else escaped with a backslash, which import takes off
 * (`10.⏎\\Option 1: …` is paragraph 10's text, not an option).
 */
export function headAndText(head: string, text: string): string[] {
  const line = oneLine(text);
  if (!needsEscape(line)) return [head, line];
  const joined = `${head} ${line}`;
  const kind = classifyLine(joined);
  if ((kind.kind === 'paragraph' || kind.kind === 'alternative') && kind.rest === line) return [joined];
  return [head, `\\${line}`];
}

/** A text on a line of its own, escaped when it would read as structure there (or starts with a backslash). */
export function textLine(text: string): string {
  const line = oneLine(text);
  return needsEscape(line) ? `\\${line}` : line;
}

function needsEscape(line: string): boolean {
  return line.startsWith('\\') || readsAsStructure(line);
}
