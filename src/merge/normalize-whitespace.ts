/**
 * The form in which a streamlined text reproduces each wording: every white space run (spaces,
 * tabs, line breaks, no-break spaces) becomes one space, and the ends are trimmed. The merge
 * compares white space only as "some or none", so it cannot promise more.
 */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
