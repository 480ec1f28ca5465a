import { execFile, spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

/** Who entered a change: `--author`, else NDRAFT_AUTHOR, else git's user.name, else the OS user. */
export function resolveAuthor(author: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const given = givenAuthor(author, env);
  if (given !== undefined) return given;
  const git = spawnSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: GIT_TIMEOUT_MS });
  return git.status === 0 ? fromGit(git.stdout) : osUser();
}

/** How long git may take to answer, as `resolveAuthor` allows it. */
const GIT_TIMEOUT_MS = 2000;

/**
 * `resolveAuthor` without waiting for git: started before a long piece of work (`import` parses a
 * whole document meanwhile), and the function returned gives the author once it is needed, so that
 * running git (~20–40 ms, more on a busy machine) costs the command no time of its own. git's
 * time limit runs from that call, not from the start: the time this process spent on its own work
 * is no time git took (a timer started with git would expire during a long parse, and the author
 * would silently become the OS user).
 */
export function resolveAuthorSoon(author: string | undefined, env: NodeJS.ProcessEnv, cwd: string): () => Promise<string> {
  const given = givenAuthor(author, env);
  if (given !== undefined) return () => Promise.resolve(given);
  let answer: (name: string) => void = () => undefined;
  const answered = new Promise<string>((resolve) => (answer = resolve));
  const git = execFile('git', ['config', 'user.name'], { cwd, encoding: 'utf8' }, (error, stdout) => answer(error ? osUser() : fromGit(stdout)));
  return () => {
    const timer = setTimeout(() => git.kill(), GIT_TIMEOUT_MS);
    return answered.finally(() => clearTimeout(timer));
  };
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
