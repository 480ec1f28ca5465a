/**
 * `compare --git`'s repository: the draft folder `dir` (rev1 imported) made a git repository of
 * its own holding two commits, the import, then the files of `rev2Draft` in its place (see
 * apply-revision.mjs). False when git fails.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export function commitBothRevisions(dir, rev2Draft) {
  const git = (...args) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  if (!(git('init', '-q') && git('add', '-A') && git('commit', '-q', '-m', 'rev1'))) return false;
  spawnSync(process.execPath, [join(HERE, 'apply-revision.mjs'), rev2Draft, dir], { stdio: 'inherit' });
  return git('add', '-A') && git('commit', '-q', '-m', 'rev2');
}
