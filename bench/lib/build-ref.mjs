/**
 * An earlier revision of ndraft, built beside this checkout without touching the repository:
 * `git archive REV` into a temporary folder, node_modules linked from this checkout, then that
 * revision's own `npm run build`. Returns { root, commit }.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function buildRef(repo, ref, log = (text) => process.stderr.write(`${text}\n`)) {
  const root = mkdtempSync(join(tmpdir(), 'ndraft-ref-'));
  const rev = spawnSync('git', ['rev-parse', ref], { cwd: repo, encoding: 'utf8' });
  if (rev.status !== 0) throw new Error(`git rev-parse ${ref} failed: ${rev.stderr.trim()}`);
  const commit = rev.stdout.trim();
  log(`extracting ${ref} (${commit}) into ${root} with git archive …`);
  const archive = spawnSync('sh', ['-c', `git archive ${commit} | tar -x -C ${JSON.stringify(root)}`], { cwd: repo, stdio: 'inherit' });
  if (archive.status !== 0) throw new Error('git archive failed');
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  // that revision's own build script (tsc, and whatever else it does)
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`building ${ref} failed`);
  return { root, commit };
}
