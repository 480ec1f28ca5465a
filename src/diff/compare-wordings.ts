import type { Change } from 'diff';
import type { Paragraph } from '../model/schemas.js';
import { wordingPairs, wordingScope, type Wording } from './pick-wordings.js';
import { diffWordings, similarity, wordCounts } from './wording-diff.js';

/** Two wordings of one paragraph or item, word by word. */
export interface WordingComparison {
  paragraph: string;
  /** Set when two options of a block are compared: the block's name. */
  block?: string;
  /** The item compared in, as `wordingScope` names it (`f)`, `#3`). */
  item?: string;
  a: Wording;
  b: Wording;
  changes: Change[];
  /** 0..1, see `similarity`. */
  similarity: number;
  /** Words found in one of the two only: those deleted plus those inserted. */
  wordsDiffer: number;
}

export interface CompareRequest {
  /** `--item`: compare within this item of the paragraph. */
  item?: string;
  /** Two labels (`Alt 1`, `text`); without them every alternative is compared with the first. */
  labels?: readonly [string, string];
  whitespace?: boolean;
}

/** The comparisons `ndraft diff` shows: one for two labels, one per alternative without. */
export function compareWordings(paragraph: Paragraph, request: CompareRequest = {}): WordingComparison[] {
  const scope = wordingScope(paragraph, request.item);
  return wordingPairs(scope, request.labels).map(({ a, b }) => ({
    ...compareTwo(scope.paragraph, a, b, request.whitespace === true),
    ...(scope.item === undefined ? {} : { item: scope.item }),
  }));
}

/** Two wordings word by word, wherever they come from (a paragraph's, or its text before and after an edit). */
export function compareTwo(paragraph: string, a: Wording, b: Wording, whitespace = false): WordingComparison {
  const changes = diffWordings(a.text, b.text, { whitespace });
  const counts = wordCounts(changes);
  return { paragraph, a, b, changes, similarity: similarity(changes), wordsDiffer: counts.deleted + counts.inserted };
}
