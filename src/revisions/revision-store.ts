import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, usageError } from '../diagnostics/diagnostic.js';
import { REVISION_NAME_PATTERN, WORKING_DRAFT } from '../model/revision-names.js';
import type { Revision } from '../model/revision-schema.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { serializeYaml } from '../store/serialize.js';
import { ObjectStore } from './object-store.js';
import { REVISIONS_DIR } from './revision-folders.js';

/** The revision `ndraft import` records: the text as imported. */
export const IMPORT_REVISION = 'import';

/**
 * A draft's revisions live in the draft folder, so they travel with it (and with it in git):
 * `revisions/<name>.yaml` is the manifest of one revision (its figures, and each file as the hash
 * of its bytes) and `revisions/objects/` holds the bytes (`object-store.ts`). A revision is
 * recorded objects first, manifest last, each written atomically: a snapshot killed midway
 * leaves at most objects nothing refers to, never a manifest without its objects.
 */
export function revisionFile(dir: string, name: string): string {
  return join(dir, REVISIONS_DIR, `${name}.yaml`);
}

/** The names of the revisions stored, as their files spell them, in no particular order. */
export function listRevisionNames(dir: string): string[] {
  const folder = join(dir, REVISIONS_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('.'))
    .map((name) => name.slice(0, -'.yaml'.length));
}

/** The stored name that `name` stands for, matched without regard to case ("rev.1" finds "Rev.1"). */
export function storedRevisionName(dir: string, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return listRevisionNames(dir).find((stored) => stored.toLowerCase() === wanted);
}

/** Refuses a name that cannot be a revision's (usage error) or, without `force`, one already taken. */
export function checkNewRevisionName(dir: string, name: string, force: boolean): void {
  if (!REVISION_NAME_PATTERN.test(name)) {
    throw usageError(`"${name}" cannot name a revision: use letters, digits, ".", "-" and "_", starting with a letter or digit (at most 64), e.g. "Rev.1"`);
  }
  if (name.toLowerCase() === WORKING_DRAFT) throw usageError(`"${WORKING_DRAFT}" names the draft as it is now and cannot name a revision`);
  const taken = storedRevisionName(dir, name);
  if (taken !== undefined && !force) throw inputError(`there is already a revision "${taken}"; choose another name, or add --force to record the draft as "${taken}" again`);
}

/**
 * Writes the objects a revision needs that are not stored yet, then its manifest; returns how many
 * objects were written. `durable: false` (see `RevisionRequest.durable`) skips flushing them.
 */
export function writeRevision(dir: string, revision: Revision, objects: ReadonlyMap<string, Uint8Array>, store = new ObjectStore(dir), durable = true): number {
  const written = store.add(objects, { durable });
  mkdirSync(join(dir, REVISIONS_DIR), { recursive: true });
  const taken = storedRevisionName(dir, revision.name);
  const file = revisionFile(dir, taken ?? revision.name);
  writeFileAtomic(file, serializeYaml(revision, 'revision', file), { durable });
  return written;
}
