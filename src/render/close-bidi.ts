/**
 * Closes what is still open at the end, innermost first, as the Unicode bidi algorithm pairs
 * them: a PDF closes the innermost embedding unless an isolate is open inside it; a PDI closes
 * the innermost isolate and every embedding opened inside that isolate.
 */
export function closeBidi(text: string): string {
  const open: ('\u202c' | '\u2069')[] = [];
  for (const ch of text) {
    if (ch === '\u202c') {
      if (open[open.length - 1] === '\u202c') open.pop();
    } else if (ch === '\u2069') {
      const at = open.lastIndexOf('\u2069');
      if (at >= 0) open.length = at;
    } else if (ch >= '\u202a' && ch <= '\u202e') open.push('\u202c');
    else if (ch >= '\u2066' && ch <= '\u2068') open.push('\u2069');
  }
  return text + open.reverse().join('');
}
