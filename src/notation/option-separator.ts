/**
 * The slash rule. Inside a bracket, at that bracket's own level, `/` separates options
 * (`[management/development]`), except when the word it stands in contains a digit or `://`:
 * such a word is a document symbol, a resolution number or an address (`A/60/L.1`, `57/239`,
 * `https://un.org/x`), and its slashes are text. Outside brackets a slash is always text.
 * A "word" runs between white space and brackets.
 */
export function isOptionSeparator(source: string, index: number): boolean {
  if (source[index] !== '/') return false;
  let start = index;
  while (start > 0 && !isWordBoundary(source[start - 1] as string)) start--;
  let end = index + 1;
  while (end < source.length && !isWordBoundary(source[end] as string)) end++;
  const word = source.slice(start, end);
  return !/\p{Nd}/u.test(word) && !word.includes('://');
}

function isWordBoundary(ch: string): boolean {
  return ch === '[' || ch === ']' || /\s/u.test(ch);
}
