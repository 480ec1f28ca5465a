/** Marks that never take a space before them: `,` `.` `;` `:` `!` `?` `…`, closing brackets and quotes. */
const CLOSING = /^[,.;:!?…)\]}\p{Pe}\p{Pf}]/u;

/**
 * Whether `text` starts with a closing mark. The merge treats white space before such a mark as
 * removable at a bracket's seam, and the start of a text as white space before anything else.
 */
export function startsWithClosingMark(text: string): boolean {
  return CLOSING.test(text);
}
