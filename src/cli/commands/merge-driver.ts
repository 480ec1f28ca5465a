import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../../diagnostics/diagnostic.js';
import { markConflict } from '../../reconcile/conflict-markers.js';
import { mergeDraftFile } from '../../reconcile/merge-file.js';
import { loadParsers } from '../../store/yaml-parser.js';
import { gitAttribute } from '../git-merge-sides.js';
import type { Io } from '../io.js';

/**
 * `ndraft merge-driver %O %A %B %P`, run by git for each draft file both sides changed
 * (`merge.ndraft.driver` in git config, `merge=ndraft` in .gitattributes): `%O` holds the base,
 * `%A` ours, `%B` theirs, `%P` is the file's path in the repository. The merged file is written
 * into `%A`; the exit status tells git clean (0) or conflict (1). A conflict leaves the three
 * versions whole in `%A`, between git's markers, for `ndraft resolve-conflicts` or a person.
 * The driver is called by git, inside a merge, never by hand: it takes no lock (git holds the
 * repository's) and writes only `%A`.
 */
export async function mergeDriverCommand(basePath: string, oursPath: string, theirsPath: string, path: string | undefined, io: Io): Promise<number> {
  if (path === undefined) throw usageError('merge-driver takes the four files git names: %O %A %B %P (see "ndraft git-setup")');
  const read = (file: string) => readFileSync(resolve(io.cwd, file), 'utf8');
  const versions = { base: read(basePath), ours: read(oursPath), theirs: read(theirsPath) };
  const parsers = await loadParsers();
  const theirsLabel = Object.entries(io.env).find(([key]) => key.startsWith('GITHEAD_'))?.[1];
  const outcome = mergeDraftFile(path, { ...versions, base: versions.base === '' ? undefined : versions.base }, parsers, gitAttribute(io.cwd, path, io.env, parsers, theirsLabel));
  if ('merged' in outcome) {
    if (outcome.merged !== versions.ours) writeFileSync(resolve(io.cwd, oursPath), outcome.merged);
    for (const warning of outcome.warnings) io.error(`ndraft merge-driver: ${path}: ${warning}\n`);
    return 0;
  }
  const reason = 'bothAdded' in outcome ? `both copies added paragraph ${outcome.bothAdded.ours.address}, differently` : outcome.conflict;
  writeFileSync(resolve(io.cwd, oursPath), markConflict(versions, { ours: 'ours', base: 'base', theirs: theirsLabel ?? 'theirs' }));
  io.error(`ndraft merge-driver: ${path}: ${reason}\n  after the merge, run "ndraft resolve-conflicts"${'bothAdded' in outcome ? ' (it keeps both, under two addresses)' : ', or edit the file'}\n`);
  return 1;
}
