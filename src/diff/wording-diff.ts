import type { Change } from 'diff';
import { diffTokens, type TokenRun } from './diff-tokens.js';
import { isSpace, tidySpacing } from './tidy-spacing.js';
import { parseNotation } from '../notation/parse-notation.js';
import { printNotation } from '../notation/print-notation.js';

/**
 * Word-level diff of two wordings in bracket notation: jsdiff's algorithm with our own tokens
 * (`diffTokens`, which finds jsdiff's alignment exactly, without its per-step objects).
 *
 * The units are words (letters and digits, with inner hyphens and apostrophes: `non-discriminatory`,
 * `Europe's`), each punctuation mark, and each top-level bracket `[ … ]` with everything nested
 * in it, so a contested phrase is inserted, deleted or kept as a whole. The bracket spans come
 * from the notation tree; a wording whose brackets do not balance falls back to treating `[`
 * and `]` as punctuation.
 *
 * Whitespace runs are units too. Without `whitespace`, each run is glued to the unit after it
 * (` necessity`; a run that ends the text, to the last unit) and tokens compare on their units
 * alone (`equals`), so `a  b` and `a b`, a non-breaking space and a space, or `a ,` and `a,` are
 * the same; unchanged text shows the wider spacing of the two. This is jsdiff's `diffWords`
 * design: as tokens of their own, the spaces of two unrelated sentences match one another and the
 * diff keeps spaces instead of words (`<del>ISPs</del><ins>relevant</ins> <del>and</del>…`).
 * With `whitespace`, runs are tokens of their own and compare exactly (as in jsdiff's
 * `diffWordsWithSpace`), but each is tagged with the unit before it, which `join` drops: a space
 * matches only a space after the same unit, so spaces alone never anchor the alignment.
 */
export interface WordingDiffOptions {
  /** Report differences in whitespace too. */
  whitespace?: boolean;
}

const UNIT = /[\p{L}\p{N}\p{M}\p{Pc}]+(?:['’‐‑-][\p{L}\p{N}\p{M}\p{Pc}]+)*|\s+|[^\s]/gu;
const WORD = /[\p{L}\p{N}\p{M}\p{Pc}]+(?:['’‐‑-][\p{L}\p{N}\p{M}\p{Pc}]+)*/gu;
/** A unit of `UNIT` with the spacing before it, or spacing that ends the text. */
const SPACED_UNIT = /\s*(?:[\p{L}\p{N}\p{M}\p{Pc}]+(?:['’‐‑-][\p{L}\p{N}\p{M}\p{Pc}]+)*|[^\s])|\s+$/gu;
const SPACE = /^\s+$/u;
/** Ends the tag of a whitespace token; the token ends in whitespace, which no tag does. */
const TAG_END = '\u0000';

export class WordingDiff {
  private readonly whitespace: boolean;
  /** Comparison keys of bracket tokens, made once each. */
  private readonly keys = new Map<string, string>();

  constructor(options: WordingDiffOptions = {}) {
    this.whitespace = options.whitespace === true;
  }

  /**
   * The change objects (jsdiff's `Change`, keys in its order) that turn `a` into `b`: what
   * jsdiff's `Diff.diff` returned with these tokens, `equals` and tidying (a test holds them equal).
   */
  diff(a: string, b: string): Change[] {
    return this.diffTokenized(this.tokenize(a).filter((t) => t !== ''), this.tokenize(b).filter((t) => t !== ''));
  }

  /** `diff` of two texts already cut by `tokenize` (without empty tokens), for a caller that needs the tokens too. */
  diffTokenized(oldTokens: readonly string[], newTokens: readonly string[]): Change[] {
    const changes: Change[] = [];
    let oldPos = 0;
    let newPos = 0;
    for (const run of this.runs(oldTokens, newTokens)) {
      const { count, added, removed } = run;
      let value: string;
      if (removed) {
        value = this.join(oldTokens.slice(oldPos, oldPos + count));
        oldPos += count;
      } else if (added) {
        value = this.join(newTokens.slice(newPos, newPos + count));
        newPos += count;
      } else {
        const kept = newTokens.slice(newPos, newPos + count);
        if (this.useLongestToken) {
          for (let i = 0; i < count; i++) {
            const before = oldTokens[oldPos + i] as string;
            if (before.length > (kept[i] as string).length) kept[i] = before;
          }
        }
        value = this.join(kept);
        oldPos += count;
        newPos += count;
      }
      changes.push({ count, added, removed, value });
    }
    return this.postProcess(changes);
  }

  /**
   * The runs `diffTokenized` makes its changes of, without their text: what a caller that has the
   * tokens needs (tracked changes, which follow each token), without joining them. The tidying of
   * `postProcess` moves spacing between the changes' texts only, never a token: the counts are the same.
   */
  runs(oldTokens: readonly string[], newTokens: readonly string[]): TokenRun[] {
    return diffTokens(oldTokens, newTokens, this.whitespace ? strictlyEqual : (l, r) => l === r || this.equals(l, r));
  }

  tokenize(value: string): string[] {
    if (!this.whitespace && !hasBrackets(value)) return spacedUnits(value);
    const units = wordingUnits(value);
    if (this.whitespace) return units.map((unit, i) => (SPACE.test(unit) ? `${units[i - 1] ?? ''}${TAG_END}${unit}` : unit));
    const tokens: string[] = [];
    let pendingSpace = '';
    for (const unit of units) {
      if (SPACE.test(unit)) pendingSpace += unit;
      else {
        tokens.push(pendingSpace + unit);
        pendingSpace = '';
      }
    }
    if (pendingSpace !== '') {
      if (tokens.length > 0) tokens[tokens.length - 1] += pendingSpace;
      else tokens.push(pendingSpace);
    }
    return tokens;
  }

  /** Drops the tag that `tokenize` gives a whitespace token with `whitespace`. */
  join(tokens: string[]): string {
    if (!this.whitespace) return tokens.join('');
    return tokens.map((token) => (/\s$/u.test(token) ? token.slice(token.lastIndexOf(TAG_END) + 1) : token)).join('');
  }

  /** Whether two tokens are the same unit: with `whitespace`, exactly; without, spacing aside. */
  equals(left: string, right: string): boolean {
    if (left === right) return true;
    if (this.whitespace) return false;
    // Spacing aside, without allocating: most calls compare two different words.
    let i = 0;
    let j = 0;
    let m = left.length;
    let n = right.length;
    while (i < m && isSpace(left.charCodeAt(i))) i++;
    while (j < n && isSpace(right.charCodeAt(j))) j++;
    const bracket = left.charCodeAt(i) === OPEN;
    if (bracket !== (right.charCodeAt(j) === OPEN)) return false;
    if (bracket) return this.key(left) === this.key(right);
    while (m > i && isSpace(left.charCodeAt(m - 1))) m--;
    while (n > j && isSpace(right.charCodeAt(n - 1))) n--;
    if (m - i !== n - j) return false;
    for (; i < m; i++, j++) if (left.charCodeAt(i) !== right.charCodeAt(j)) return false;
    return true;
  }

  /** Unchanged tokens show the longer of the two spellings, so a space one side dropped is kept. */
  get useLongestToken(): boolean {
    return !this.whitespace;
  }

  /** Tidies the spacing around each replaced run (`tidySpacing`), as jsdiff's word diff does. */
  postProcess(changes: Change[]): Change[] {
    return tidySpacing(changes, this.whitespace);
  }

  /** What is compared without `whitespace`: the unit, and inside a bracket its units without spacing. */
  private key(token: string): string {
    let key = this.keys.get(token);
    if (key === undefined) {
      key = (token.trim().match(UNIT) ?? []).filter((u) => !SPACE.test(u)).join('\u0000');
      this.keys.set(token, key);
    }
    return key;
  }
}

const OPEN = '['.charCodeAt(0);

function strictlyEqual(left: string, right: string): boolean {
  return left === right;
}

function hasBrackets(value: string): boolean {
  return value.includes('[') || value.includes(']');
}

/**
 * A text without brackets as `tokenize` cuts it without `whitespace`, in one pass: each unit
 * with the spacing before it, spacing at the end glued to the last unit (the units of `UNIT`).
 */
function spacedUnits(value: string): string[] {
  const tokens = value.match(SPACED_UNIT) ?? [];
  const last = tokens.length - 1;
  if (last > 0 && SPACE.test(tokens[last] as string)) tokens[last - 1] += tokens.pop() as string;
  return tokens;
}

/** Words, punctuation marks, whitespace runs and top-level bracket spans, in order. */
function wordingUnits(value: string): string[] {
  const parsed = parseNotation(value);
  if (!parsed.ok) return value.match(UNIT) ?? [];
  const units: string[] = [];
  for (const node of parsed.tree.children) {
    if (node.type === 'text') units.push(...(node.value.match(UNIT) ?? []));
    else units.push(printNotation(node));
  }
  return units;
}

/** The change objects that turn wording `a` into wording `b`, word by word. */
export function diffWordings(a: string, b: string, options: WordingDiffOptions = {}): Change[] {
  return new WordingDiff(options).diff(a, b);
}

/** Words in a text, counting those inside brackets; punctuation and spacing are not words. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export interface WordCounts {
  /** Words in unchanged text (found in both wordings). */
  same: number;
  deleted: number;
  inserted: number;
}

export function wordCounts(changes: readonly Change[]): WordCounts {
  const counts: WordCounts = { same: 0, deleted: 0, inserted: 0 };
  for (const change of changes) {
    const words = countWords(change.value);
    if (change.removed) counts.deleted += words;
    else if (change.added) counts.inserted += words;
    else counts.same += words;
  }
  return counts;
}

/**
 * How alike two wordings are, from 0 to 1: the words they share over all the words of both,
 * `2 × same / (words in a + words in b)` (the Dice coefficient, as in Python's difflib). Words
 * inside brackets count one by one; punctuation and spacing do not count. Two wordings without
 * any words are alike (1).
 */
export function similarity(changes: readonly Change[]): number {
  const { same, deleted, inserted } = wordCounts(changes);
  const total = 2 * same + deleted + inserted;
  return total === 0 ? 1 : (2 * same) / total;
}
