import { isDeepStrictEqual } from 'node:util';
import type { Revision } from '../model/revision-schema.js';
import { readRevision, readRevisions } from '../revisions/read-revision.js';
import { listRevisionNames, revisionFile } from '../revisions/revision-store.js';
import { isRefusal, readDraftFile } from '../store/read-draft-file.js';
import { ObjectCache } from '../store/object-cache.js';

/**
 * The latest revision two copies of a draft both hold: the same files (draft.yaml and every
 * paragraph, by the hashes of their bytes), whatever each copy named it. It is the base of
 * `reconcile`: what both copies were when they parted, or the closest record of it.
 *
 * A manifest of a 5,000-paragraph draft takes a while to parse and check, so the manifests are
 * first compared as ndraft writes them (the `draft:` line and the `paragraphs:` map, byte for
 * byte) and only the one chosen is read in full; manifests written some other way are compared
 * after parsing them all. Ours are read through `cache` (the caller's, saved by it: one read of
 * the object cache for the whole command).
 */
export async function latestSharedRevision(ourDir: string, theirDir: string, cache = new ObjectCache(ourDir)): Promise<Revision | undefined> {
  const ours = manifestKeys(ourDir);
  const theirs = new Set(manifestKeys(theirDir).map((m) => m.key));
  const shared = ours.filter((m) => m.key !== undefined && theirs.has(m.key)).sort((a, b) => b.time.localeCompare(a.time))[0];
  if (shared) return readRevision(ourDir, shared.name, cache);
  return sharedByContent((await readRevisions(ourDir, undefined, cache)).revisions, (await readRevisions(theirDir)).revisions);
}

/** Each manifest's time and the part of its text that names the files; undefined where it is not laid out as ndraft writes it. */
function manifestKeys(dir: string): { name: string; time: string; key?: string }[] {
  return listRevisionNames(dir).map((name) => {
    const bytes = readDraftFile(dir, revisionFile(dir, name));
    const text = isRefusal(bytes) ? '' : bytes.toString('utf8');
    const time = /^time: (.+)$/m.exec(text)?.[1] ?? '';
    const draft = /^draft: ([0-9a-f]{40})$/m.exec(text)?.[1];
    const at = text.indexOf('\nparagraphs:\n');
    return { name, time, ...(draft !== undefined && at >= 0 ? { key: `${draft}${text.slice(at)}` } : {}) };
  });
}

function sharedByContent(ours: readonly Revision[], theirs: readonly Revision[]): Revision | undefined {
  return [...ours]
    .sort((a, b) => b.time.localeCompare(a.time))
    .find((revision) => theirs.some((other) => other.draft === revision.draft && isDeepStrictEqual(other.paragraphs, revision.paragraphs)));
}
