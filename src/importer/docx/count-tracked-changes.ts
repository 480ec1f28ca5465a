import type { ClassifiedBlock } from './classify-word-blocks.js';

/** One author's tracked changes in a document, counted for the import summary. */
export interface AuthorChanges {
  insertions: number;
  deletions: number;
  moves: number;
  /** Formatting changed with tracking on: reported, since it changes no words. */
  formatting: number;
}

export interface TrackedChanges {
  /** By Word user name, in the order they first appear. */
  authors: Map<string, AuthorChanges>;
}

/** Counts each author's insertions, deletions, moves and formatting changes in the negotiated text. */
export function countTrackedChanges(blocks: readonly ClassifiedBlock[]): TrackedChanges {
  const authors = new Map<string, AuthorChanges>();
  const of = (author: string) => {
    const found = authors.get(author);
    if (found) return found;
    const fresh = { insertions: 0, deletions: 0, moves: 0, formatting: 0 };
    authors.set(author, fresh);
    return fresh;
  };
  for (const c of blocks) {
    if (c.role.kind !== 'text') continue;
    let previous: unknown;
    for (const run of c.block.runs) {
      const change = run.change;
      // Adjacent runs of one change (split by formatting) are one change.
      if (!change || change === previous) {
        previous = change;
        continue;
      }
      previous = change;
      const counts = of(change.author);
      if (change.kind === 'ins') counts.insertions++;
      else if (change.kind === 'del') counts.deletions++;
      else counts.moves++;
    }
    for (const author of c.block.formatChanges) of(author).formatting++;
  }
  return { authors };
}
