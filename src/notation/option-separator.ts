/**
 * The slash rule. Inside a bracket, at that bracket's own level, `/` separates options
 * (`[management/development]`), except when the word it stands in contains a digit or `://`:
 * such a word is a document symbol, a resolution number or an address (`A/60/L.1`, `57/239`,
 * `https://un.org/x`), and its slashes are text; so are those of a list of delegations (`US/AU`). Outside brackets a slash is always text.
 * A "word" runs between white space and brackets. (The parser takes back the splits of a bracket
 * that holds `[a]/[b]` among other words: see `joinsBrackets`.)
 */
export function isOptionSeparator(source: string, index: number): boolean {
  return source[index] === '/' && !isSymbolWord(wordAround(source, index));
}

/**
 * Whether the slash at `index` stands between a `]` and a `[`, blanks allowed
 * (`[should]/[shall]`, `[Member State]/ [Contracting Party]`): the WIPO way of writing a choice,
 * each wording in its own brackets (see `slashedChoice`). A bracket around them is split there
 * only when each of its options is one bracket alone (`[[new]/[old]]`, as a merge writes it).
 */
export function joinsBrackets(source: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && isBlank(source.charCodeAt(before))) before--;
  if (source.charCodeAt(before) !== 93) return false;
  let after = index + 1;
  while (after < source.length && isBlank(source.charCodeAt(after))) after++;
  return source.charCodeAt(after) === 91;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/**
 * A word whose slashes are text: it has a digit or `://` (`A/C.3/70/L.1`, `57/239`, an address),
 * or it is a list of delegations' codes, two or three capitals each (`US/AU`, `NZ/CL/PE:`), as
 * texts name who proposes a bracket (`[US/AU propose: useful]`).
 */
export function isSymbolWord(word: string): boolean {
  return /\p{Nd}/u.test(word) || word.includes('://') || DELEGATIONS.test(word);
}

const DELEGATIONS = /^\p{Lu}{2,3}(?:\/\p{Lu}{2,3})+[:;,.]?$/u;

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
