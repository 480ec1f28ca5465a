import { inputError } from '../diagnostics/diagnostic.js';
import type { Draft, HistoryEntry, Paragraph } from '../model/schemas.js';

export interface Revision {
  /** Each paragraph as it stood at the revision (only those changed since differ from now). */
  baseline: Map<string, Paragraph>;
  /** Who last changed a paragraph since the revision, and when. */
  changedBy: Map<string, { author: string; date: string }>;
}

/**
 * The draft as it stood at a revision: `import` (before any recorded change), or a history
 * entry's id (or a unique start of it), meaning just after that change.
 */
export function draftAtRevision(draft: Draft, entries: readonly HistoryEntry[], revision: string): Revision {
  let since: readonly HistoryEntry[];
  if (revision === 'import') since = entries;
  else {
    const matches = entries.filter((e) => e.id.startsWith(revision));
    if (matches.length !== 1) {
      throw inputError(
        matches.length === 0
          ? `no change "${revision}" in the history; give an id from "ndraft log", or "import" for the text as imported`
          : `"${revision}" starts ${matches.length} history ids; give more of it`,
      );
    }
    since = entries.slice(entries.indexOf(matches[0] as HistoryEntry) + 1);
  }
  const baseline = new Map(draft.paragraphs.map((p) => [p.address, p]));
  const changedBy = new Map<string, { author: string; date: string }>();
  const seen = new Set<string>();
  for (const entry of since) {
    for (const change of entry.changes) {
      // The first change since the revision holds the paragraph as it was; one created since has no baseline.
      if (!seen.has(change.paragraph)) {
        if (change.before) baseline.set(change.paragraph, change.before);
        else baseline.delete(change.paragraph);
      }
      seen.add(change.paragraph);
      changedBy.set(change.paragraph, { author: entry.author, date: entry.time });
    }
  }
  return { baseline, changedBy };
}
