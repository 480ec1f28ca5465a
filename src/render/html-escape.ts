import { closeBidi } from './close-bidi.js';
/**
 * Text from a draft is typed by people and pasted from Word and e-mail: it may hold anything.
 * Both document renderers (HTML and Markdown) pass every user string through `cleanText`
 * before escaping it for their format.
 */

// C0 controls except tab and line feed, DEL and the C1 controls. Carriage returns (alone or
// before a line feed) become line feeds first, as Word and old Mac files end lines with them.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
const REPLACEMENT = '\ufffd';
/** The same characters, tested for without the `u` flag (all are in the BMP): most texts hold none, and the test is far cheaper than a replace. */
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

// Bidi embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;

/**
 * The string as typed, made safe to show: control characters become U+FFFD (visible, so a
 * reader sees that something was there), line breaks are `\n`, and a bidi override or isolate
 * left open (`\u202e` in a name) is closed at the end of the string, so it cannot reverse the
 * text that follows it in the document. Right-to-left letters are untouched.
 */
export function cleanText(text: string): string {
  const lines = text.includes('\r') ? text.replace(/\r\n?/gu, '\n') : text;
  const cleaned = HAS_CONTROL.test(lines) ? lines.replace(CONTROL, REPLACEMENT) : lines;
  return BIDI.test(cleaned) ? closeBidi(cleaned) : cleaned;
}


const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Whatever `escapeHtml` changes: most strings hold none of it and are returned after this one scan. */
const TOUCHED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069&<>"']/;

/** For element content and attribute values alike: no user string can open a tag, an entity or leave an attribute. */
export function escapeHtml(text: string): string {
  if (!TOUCHED.test(text)) return text;
  return cleanText(text).replace(/[&<>"']/gu, (ch) => HTML_ESCAPES[ch] as string);
}

const ID_SAFE = /^[A-Za-z0-9._](?:[A-Za-z0-9._-]*[A-Za-z0-9._])?$/;

/** A value for an `id` (and the `#` of a link to it): ASCII letters, digits, `.`, `_` and `-` only. */
export function idSafe(text: string): string {
  // A paragraph's number (`61bis`) nearly always is one already.
  if (ID_SAFE.test(text)) return text;
  const safe = text.replace(/[^A-Za-z0-9._-]+/gu, '-').replace(/^-+|-+$/gu, '');
  return safe === '' ? 'x' : safe;
}
