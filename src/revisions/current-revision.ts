import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectCache } from '../store/object-cache.js';
import { contentHash } from '../store/parse-cache.js';
import { DRAFT_FILE } from '../store/paragraph-file-name.js';
import { readRevision, readRevisionSummaries } from './read-revision.js';
import { IMPORT_REVISION, listRevisionNames } from './revision-store.js';

/** A paragraph file of the working draft: its address, its path, and its SHA-1 when already known. */
export interface WorkingFile {
  address: string | undefined;
  file: string;
  hash?: string | undefined;
}

/**
 * The revision the exports name when `--revision` does not: the latest one recorded, as it is
 * with `ndraft snapshot` (`Rev.2`), or `Rev.2, with changes since` when a file differs from it
 * (hand edits included); undefined when the draft has none but `import`. Damaged manifests are left to `validate`.
 * The manifest is kept in `cache`, which the caller saves.
 */
export async function currentRevisionName(dir: string, files: readonly WorkingFile[], cache: ObjectCache): Promise<string | undefined> {
  // A manifest is accepted only under its own name, so a draft whose one revision file is
  // import.yaml (every draft just imported) names none: its manifest (5,000 hashes on a large
  // draft) is not read at all, which with no cache (a fresh clone) was ~15 ms of every export.
  if (listRevisionNames(dir).every((name) => name === IMPORT_REVISION)) return undefined;
  const { revisions } = await readRevisionSummaries(dir);
  // `import` is recorded by every import: a record of the source, not a round anybody circulates.
  // readRevisionSummaries gives them oldest first, so the latest is the last.
  const name = revisions.filter((r) => r.name !== IMPORT_REVISION).at(-1)?.name;
  if (name === undefined) return undefined;
  // Its manifest (5,000 hashes on a large draft) parsed once, then read back from the object cache.
  const latest = await readRevision(dir, name, cache);
  const sha1 = (path: string) => contentHash(readFileSync(path));
  const recorded = Object.entries(latest.paragraphs);
  const same =
    sha1(join(dir, DRAFT_FILE)) === latest.draft &&
    recorded.length === files.length &&
    files.every((f) => f.address !== undefined && latest.paragraphs[f.address] === (f.hash ?? sha1(f.file)));
  return same ? latest.name : `${latest.name}, with changes since`;
}
