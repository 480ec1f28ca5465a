/** The command as a person would type it again: `accept 61 "Alt 3" --keep`. */
export function commandLine(words: readonly (string | number | undefined | false)[]): string {
  return words
    .filter((w): w is string | number => w !== undefined && w !== false)
    .map(String)
    .map((w) => (/^[\w.,:@#/=+-]+$/u.test(w) ? w : JSON.stringify(w)))
    .join(' ');
}
