import type { RevisionSummary } from './read-revision.js';

/** The ISO 8601 times ndraft writes (`toISOString`), whose code-unit order is their order in time. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/**
 * Two revision times in the order `localeCompare` gives them, without it for the times ndraft
 * writes: the first `localeCompare` of a run loads the ICU collator (~6 ms of CPU), which `export`
 * paid for two revisions. Two ISO times of one length differ first at a digit, where the collator
 * and the code units agree; any other time (edited by hand) is compared by the collator as before.
 */
export function compareTimes(a: string, b: string): number {
  if (a.length === b.length && ISO_TIME.test(a) && ISO_TIME.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** Oldest first; two recorded at the same time by name. */
export function sortRevisions<T extends RevisionSummary>(revisions: T[]): T[] {
  return revisions.sort((a, b) => compareTimes(a.time, b.time) || a.name.localeCompare(b.name));
}
