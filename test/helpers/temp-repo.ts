/**
 * Temporary git repositories for the tests of ndraft's git support: git run with an argument
 * list, in a home of its own (no global or system config of the machine leaks in), and ndraft
 * run with the same environment. Not a test file itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { makeTempDir, runNdraft, type RunResult } from './sandbox.js';

export interface TempRepo {
  root: string;
  /** The environment git and ndraft run with here. */
  env: Record<string, string>;
  git(...args: string[]): string;
  ndraft(cwd: string, ...args: string[]): RunResult;
}

export function gitEnvironment(home: string): Record<string, string> {
  return { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: home, NDRAFT_AUTHOR: '' };
}

/** Runs git; a failure fails the test with git's message. */
export function runGit(cwd: string, env: Record<string, string>, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(result.status, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** A new repository at `<temp>/<name>` (branch main), whose author is `user`. */
export function makeTempRepo(user: string, name = 'repo', home = makeTempDir('git-home')): TempRepo {
  const root = join(home, name);
  mkdirSync(root, { recursive: true });
  const env = gitEnvironment(home);
  runGit(root, env, 'init', '-q', '-b', 'main');
  return repoAt(root, env, user);
}

/** A TempRepo for a repository that exists (a clone), with `user` as its author. */
export function repoAt(root: string, env: Record<string, string>, user: string): TempRepo {
  const git = (...args: string[]) => runGit(root, env, ...args);
  git('config', 'user.name', user);
  git('config', 'user.email', `${user.toLowerCase().replace(/\W+/g, '.')}@example.org`);
  return { root, env, git, ndraft: (cwd, ...args) => runNdraft(args, { cwd, env }) };
}
