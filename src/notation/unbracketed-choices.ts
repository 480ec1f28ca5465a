import { isSymbolWord, wordAround } from './option-separator.js';
import type { NotationRoot } from './types.js';

export interface UnbracketedChoice {
  /** The words as written, e.g. `enhance/establish`. */
  text: string;
  /** 0-based offset of the choice in the parsed string. */
  offset: number;
}

// Two words joined by a slash, optionally spaced: `enhance/establish`, `technology / know-how`.
// Slashes inside a document symbol or an address (`A/C.3/70/L.1`, `https://un.org/sdgs`) are left alone.
const CHOICE = /(?<![\p{L}\p{Nd}/])(\p{L}[\p{L}-]*)( ?\/ ?)(\p{L}[\p{L}-]*)(?![\p{L}\p{Nd}/])/gu;
const NOT_A_CHOICE = new Set(['and/or', 'et/ou', 'y/o']);

/**
 * A slash between two words outside any bracket is usually a choice somebody forgot to bracket.
 * We flag it and never guess which word was meant. Words inside a bracket span are in brackets
 * too: `around` is how many spans the text lies wholly inside; those whose `]` or `[` stands in
 * the text are read off the tree.
 */
export function findUnbracketedChoices(tree: NotationRoot, around = 0): UnbracketedChoice[] {
  const found: UnbracketedChoice[] = [];
  let spans = around;
  for (const child of tree.children) if (child.type === 'spanClose') spans++;
  for (const child of tree.children) {
    if (child.type === 'spanClose') spans--;
    if (child.type === 'spanOpen') spans++;
    if (child.type !== 'text' || spans > 0) continue;
    addChoicesIn(child.value, child.position?.start.offset ?? 0, found);
  }
  return found;
}

/** The choices in one stretch of words outside brackets starting at `base`: all of a text with no bracket (see `plainNotationHtml`). */
export function addChoicesIn(value: string, base: number, found: UnbracketedChoice[]): UnbracketedChoice[] {
  // Most texts have no slash at all; the pattern (Unicode classes, a lookbehind) is tried at every character otherwise.
  if (!value.includes('/')) return found;
  for (const match of value.matchAll(CHOICE)) {
    const text = match[0];
    if (NOT_A_CHOICE.has(text.replace(/ /g, '').toLowerCase())) continue;
    if (isSymbolWord(wordAround(value, (match.index ?? 0) + text.indexOf('/')))) continue;
    found.push({ text, offset: base + (match.index ?? 0) });
  }
  return found;
}
