import { parseNotation } from '../notation/parse-notation.js';
import { printNotation } from '../notation/print-notation.js';
import type { BracketNode, RootChild } from '../notation/types.js';
import { startsWithClosingMark } from './closing-mark.js';

/** One unit the merge aligns: a word, one punctuation mark, or a whole bracket. */
export interface WordingToken {
  /** White space before the token, as written; `''` for none (and for the wording's first token). */
  lead: string;
  /**
   * Whether white space comes first, as compared. The text's start counts as white space, so the
   * first token is spaced too, unless it is a closing mark (`,` `.` `)` …), which never is.
   */
  spaced: boolean;
  /** The token as written, without its lead: a word, a punctuation mark or a printed bracket. */
  text: string;
  /** The bracket, without positions, when the token is one. */
  bracket?: BracketNode;
  /** 1 for a word, 0 for punctuation; for a bracket, the words of all its options. */
  words: number;
  /** What the alignment compares: spacing or not, then the text with white space runs collapsed. */
  key: string;
}

const SPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Splits a wording (bracket notation, trimmed) into tokens. Top-level brackets stay whole, so a
 * wording's own brackets move as one unit; inside a run of text, punctuation at either end of a
 * word is split off mark by mark, while inner marks stay (`Europe's`, `55/63`, `U.N`).
 * Throws a plain Error when the wording is not valid notation: callers validate first.
 */
export function tokenizeWording(wording: string): WordingToken[] {
  const parsed = parseNotation(wording.trim());
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new Error(`not valid bracket notation: ${first?.message ?? 'unbalanced brackets'}`);
  }
  const tokens: WordingToken[] = [];
  let pending = '';
  const push = (text: string, bracket?: BracketNode): void => {
    const spaced = pending !== '' || (tokens.length === 0 && !startsWithClosingMark(text));
    const printed = bracket ? text.replace(/\s+/gu, ' ') : text;
    const words = bracket ? countWords(bracket.options.flatMap((o) => o.children)) : WORD.test(text) ? 1 : 0;
    tokens.push({ lead: pending, spaced, text, ...(bracket ? { bracket } : {}), words, key: `${spaced ? ' ' : ''}${printed}` });
    pending = '';
  };
  for (const child of parsed.tree.children) {
    if (child.type === 'bracket') {
      const bracket = withoutPositions(child);
      push(printNotation(bracket), bracket);
      continue;
    }
    if (child.type !== 'text') {
      // A wording parsed on its own has no span edges; were one there, it would be a mark of its own.
      push(printNotation(child));
      continue;
    }
    for (const run of child.value.match(/\s+|\S+/gu) ?? []) {
      if (SPACE.test(run)) pending += run;
      else for (const piece of splitPunctuation(run)) push(piece);
    }
  }
  return tokens;
}

/** Words in a stretch of notation, inside brackets too, every option counted. */
export function countWords(nodes: readonly RootChild[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.type === 'bracket') count += countWords(node.options.flatMap((o) => o.children));
    else if (node.type === 'text')
      for (const run of node.value.match(/\S+/gu) ?? []) count += splitPunctuation(run).filter((p) => WORD.test(p)).length;
  }
  return count;
}

/** `“Combatting` → `“`, `Combatting`; `cybercrime,` → `cybercrime`, `,`; `...` → `.`, `.`, `.`. */
function splitPunctuation(run: string): string[] {
  const chars = Array.from(run);
  let start = 0;
  while (start < chars.length && PUNCTUATION.test(chars[start] as string)) start++;
  let end = chars.length;
  while (end > start && PUNCTUATION.test(chars[end - 1] as string)) end--;
  const middle = chars.slice(start, end).join('');
  return [...chars.slice(0, start), ...(middle ? [middle] : []), ...chars.slice(end)];
}

function withoutPositions(bracket: BracketNode): BracketNode {
  return {
    type: 'bracket',
    ...(bracket.label ? { label: { ...bracket.label } } : {}),
    options: bracket.options.map((o) => ({
      type: 'option',
      children: o.children.map((c) => (c.type === 'text' ? { type: 'text', value: c.value } : withoutPositions(c))),
    })),
  };
}
