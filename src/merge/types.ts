import type { NotationRoot } from '../notation/types.js';

/**
 * How one wording resolves one top-level bracket of a streamlined text: pick an option (0-based),
 * `'drop'` a keep-or-drop bracket, or `'keep'` a bracket that the wording itself already had at
 * that place (all wordings share it, so it is not the merge's own and stays as written).
 */
export type Choice = { option: number } | 'drop' | 'keep';

export type StreamlineIssueCode =
  /** An option holds a literal slash that the parser would read as an option separator, or a slash joins two brackets among other words (`[[a]/[b] c]`, see `joinsBrackets`). */
  | 'SLASH_READ_AS_SEPARATOR'
  /** Self-check failed: resolving the printed text does not give the wording back. */
  | 'WORDING_NOT_REPRODUCED';

export interface StreamlineIssue {
  code: StreamlineIssueCode;
  message: string;
  /** 0-based index of the wording concerned, when there is one. */
  wording?: number;
}

export interface StreamlineResult {
  /** The streamlined text in bracket notation: `printNotation(tree)`. */
  text: string;
  /** The streamlined text as a tree, without positions; the authority when `issues` is not empty. */
  tree: NotationRoot;
  /** Brackets the merge made (top-level brackets that were not already shared by every wording). */
  brackets: number;
  /** Words inside the merge's brackets, each distinct option counted once. */
  contestedWords: number;
  /** Words outside the merge's brackets (words inside brackets every wording shares included). */
  agreedWords: number;
  /**
   * `choices[k][i]`: how wording k resolves the i-th top-level bracket of `tree`, in reading order.
   * Nested brackets are the wordings' own and are never resolved.
   */
  choices: Choice[][];
  /** Problems found by verifying the result (reparsing the text, resolving it per wording); usually empty. */
  issues: StreamlineIssue[];
}
