import { execFile, spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

/** Who entered a change: `--author`, else NDRAFT_AUTHOR, else git's user.name, else the OS user. */
export function resolveAuthor(author: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const given = givenAuthor(author, env);
  if (given !== undefined) return given;
  const git = spawnSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 2000 });
  return git.status === 0 ? fromGit(git.stdout) : osUser();
}

/**
 * `resolveAuthor` without waiting for git: started before a long piece of work (`import` parses a
 * whole document meanwhile) and awaited once the author is needed, so that running git (~20–40 ms,
 * more on a busy machine) costs the command no time of its own.
 */
export function resolveAuthorSoon(author: string | undefined, env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const given = givenAuthor(author, env);
  if (given !== undefined) return Promise.resolve(given);
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 2000 }, (error, stdout) => resolve(error ? osUser() : fromGit(stdout)));
  });
}

function givenAuthor(author: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (author !== undefined && author.trim() !== '') return author.trim();
  if (env.NDRAFT_AUTHOR !== undefined && env.NDRAFT_AUTHOR.trim() !== '') return env.NDRAFT_AUTHOR.trim();
  return undefined;
}

function fromGit(stdout: string): string {
  return stdout.trim() !== '' ? stdout.trim() : osUser();
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
