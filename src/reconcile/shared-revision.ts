import { isDeepStrictEqual } from 'node:util';
import type { Revision } from '../model/revision-schema.js';

/**
 * The latest revision two copies of a draft both hold: the same files (draft.yaml and every
 * paragraph, by the hashes of their bytes), whatever each copy named it. It is the base of
 * `reconcile`: what both copies were when they parted, or the closest record of it.
 */
export function latestSharedRevision(ours: readonly Revision[], theirs: readonly Revision[]): Revision | undefined {
  const theirsByDraft = new Map<string, Revision[]>();
  for (const revision of theirs) theirsByDraft.set(revision.draft, [...(theirsByDraft.get(revision.draft) ?? []), revision]);
  return [...ours]
    .sort((a, b) => b.time.localeCompare(a.time))
    .find((revision) => (theirsByDraft.get(revision.draft) ?? []).some((other) => isDeepStrictEqual(other.paragraphs, revision.paragraphs)));
}
