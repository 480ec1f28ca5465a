import { isDeepStrictEqual } from 'node:util';
import type { HistoryEntry, Paragraph } from '../model/schemas.js';

/** One of the two copies being merged: `ours` is the one merged into. */
export type Side = 'ours' | 'theirs';

/** Who made a change on one side: the person, and the delegation it was entered for when the history says so. */
export interface Contributor {
  author: string;
  delegation?: string;
}

/** What a side's history knows: the entries it has that the other side lacks, and who to name where none tells. */
export interface SideHistory {
  entries: readonly HistoryEntry[];
  /** The git author of that side's commit, or the copy's name: used where no history entry made the change. */
  fallback: string;
}

/**
 * Names who made a side's version of one part of a paragraph (`part` reads that part: its text,
 * an item's, an alternative; `version` is the side's paragraph): the newest history entry that
 * changed that part to what the side has. Where none did (a hand edit), the side's fallback.
 */
export type Attribute = (side: Side, address: string, part: (paragraph: Paragraph) => unknown, version: Paragraph) => Contributor;

export function attributeFrom(histories: Record<Side, SideHistory>): Attribute {
  const newestFirst = {
    ours: [...histories.ours.entries].sort((a, b) => b.id.localeCompare(a.id)),
    theirs: [...histories.theirs.entries].sort((a, b) => b.id.localeCompare(a.id)),
  };
  return (side, address, part, version) => {
    const read = (p: Paragraph | null) => (p === null ? undefined : part(p));
    const wanted = part(version);
    for (const entry of newestFirst[side]) {
      // The entry that left this part as the side has it; an undo names nobody's wording.
      if (entry.undoes !== undefined) continue;
      const change = entry.changes.find((c) => c.paragraph === address && isDeepStrictEqual(read(c.after), wanted) && !isDeepStrictEqual(read(c.before), read(c.after)));
      if (change) return { author: entry.author, ...(entry.onBehalfOf !== undefined ? { delegation: entry.onBehalfOf } : {}) };
    }
    return { author: histories[side].fallback };
  };
}

/** "European Union (entered by Ana)", or the person alone. */
export function describeContributor(who: Contributor): string {
  return who.delegation === undefined ? who.author : `${who.delegation} (entered by ${who.author})`;
}
