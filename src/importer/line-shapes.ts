/**
 * The shapes of running text the outline builder reads: whether a line continues the unit
 * before it, whether an option's words are a placeholder, whether text before any structure
 * is already a paragraph of the draft.
 */

/**
 * Whether `words` continue the unit whose text so far is `before`. A numbered paragraph's lines
 * run on until a blank line; after a blank line, or in an unnumbered paragraph, a line continues
 * only where the sentence visibly does (it starts in lower case, or the unit stopped mid-phrase).
 * A line that reads as a title after a finished sentence does not.
 */
export function continuesUnit(before: string, words: string, blankBefore: boolean, unnumbered: boolean): boolean {
  const last = before.trimEnd().slice(-1);
  if (before.trim() === '') return !blankBefore;
  if (/^[\p{Ll}]/u.test(words)) return true;
  const finished = /[.;:!?,\])”"]/.test(last);
  if (!blankBefore && !unnumbered) return !(finished && /[.;:]/.test(last) && isBareTitle(words));
  if (blankBefore) return false;
  return !finished;
}

/** A short line in title case or capitals, with no closing punctuation and no brackets. */
function isBareTitle(words: string): boolean {
  const t = words.trim();
  return t.length <= 100 && /^\p{Lu}/u.test(t) && !/[.;:,]$/.test(t) && !/[[\]]/.test(t);
}

/** "(No text)", "No text required", "No provision on …", "(Provisions related to the colloquium)", "{Placeholder for preamble}". */
export function isPlaceholder(words: string): boolean {
  const t = words.trim();
  return /^\(?\s*no text(?: required)?\s*\)?\.?$/i.test(t) || /^no (?:further |specific )?provisions?\b/i.test(t) || /^\([^()]*\)\.?$/.test(t) || /^\{[^{}]*\}\.?$/.test(t);
}

/**
 * Text before any heading or numbered paragraph is kept as the draft's preamble, unless it
 * already reads as a paragraph of the draft: a preambular clause (`[Recalling …,]`) or a
 * clause that ends with a comma or semicolon, as preambular paragraphs do.
 */
export function isPreambular(words: string): boolean {
  const t = words.trim();
  return t.length >= 20 && /^\[?\s*[\p{Lu}“"]/u.test(t) && /[,;]\]?$/.test(t) && /\s/.test(t);
}

/** `[English only]`: a note on the document's languages, never a bracket of the negotiation. */
export function languageNote(words: string): string | undefined {
  const t = words.trim();
  return /^\[(?:English|French|Spanish|Arabic|Chinese|Russian)(?: and \w+)? only\]$/i.test(t) ? t : undefined;
}
