/**
 * The slash rule. Inside a bracket, at that bracket's own level, `/` separates options
 * (`[management/development]`), except when the word it stands in contains a digit or `://`:
 * such a word is a document symbol, a resolution number or an address (`A/60/L.1`, `57/239`,
 * `https://un.org/x`), and its slashes are text. Outside brackets a slash is always text.
 * A "word" runs between white space and brackets.
 */
export function isOptionSeparator(source: string, index: number): boolean {
  return source[index] === '/' && !isSymbolWord(wordAround(source, index));
}

/** A word whose slashes are text: it has a digit or `://` (`A/C.3/70/L.1`, `57/239`, an address). */
export function isSymbolWord(word: string): boolean {
  return /\p{Nd}/u.test(word) || word.includes('://');
}

/** The word (between white space and brackets) that the character at `index` stands in. */
export function wordAround(source: string, index: number): string {
  let start = index;
  while (start > 0 && !isWordBoundary(source[start - 1] as string)) start--;
  let end = index + 1;
  while (end < source.length && !isWordBoundary(source[end] as string)) end++;
  return source.slice(start, end);
}

function isWordBoundary(ch: string): boolean {
  const code = ch.charCodeAt(0);
  // ASCII answered without the Unicode class (a word is walked character by character).
  if (code < 128) return code === 91 || code === 93 || code === 32 || (code >= 9 && code <= 13);
  return /\s/u.test(ch);
}
