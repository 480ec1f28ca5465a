import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

/** Who entered a change: `--author`, else NDRAFT_AUTHOR, else git's user.name, else the OS user. */
export function resolveAuthor(author: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (author !== undefined && author.trim() !== '') return author.trim();
  if (env.NDRAFT_AUTHOR !== undefined && env.NDRAFT_AUTHOR.trim() !== '') return env.NDRAFT_AUTHOR.trim();
  const git = spawnSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 2000 });
  if (git.status === 0 && git.stdout.trim() !== '') return git.stdout.trim();
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
