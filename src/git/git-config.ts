import { inputError } from '../diagnostics/diagnostic.js';
import { gitMessage, runGit } from './run-git.js';

export interface ConfigEntry {
  key: string;
  value: string;
}

/**
 * The repository's local git config for the drivers `.gitattributes` names (`merge=ndraft`,
 * `diff=ndraft`). `ndraft` is how the driver is run: the command itself, or a path to it.
 * Git config is never committed, so each clone needs these once (`ndraft git-setup`); a clone
 * without them merges and diffs paragraph files as plain text, which is safe.
 */
export function driverConfig(ndraft: string): ConfigEntry[] {
  return [
    { key: 'merge.ndraft.name', value: 'ndraft: a paragraph changed on both sides keeps each wording as an alternative' },
    { key: 'merge.ndraft.driver', value: `${ndraft} merge-driver %O %A %B %P` },
    { key: 'diff.ndraft.textconv', value: `${ndraft} textconv` },
  ];
}

const CONFIG_LIMIT = 1024 * 1024;

/** The value `key` has in the repository's own config (.git/config), if any. */
export function localConfigValue(root: string, key: string): string | undefined {
  const result = runGit(root, ['config', '--local', '--get', key], { maxBytes: CONFIG_LIMIT });
  // 1: the key is not set.
  if (result.status === 1) return undefined;
  if (result.status !== 0) throw inputError(`git config cannot read ${key}: ${gitMessage(result)}`);
  return result.stdout.toString('utf8').replace(/\n$/, '');
}

export function setLocalConfig(root: string, { key, value }: ConfigEntry): void {
  const result = runGit(root, ['config', '--local', key, value], { maxBytes: CONFIG_LIMIT });
  if (result.status !== 0) throw inputError(`git config cannot set ${key}: ${gitMessage(result)}`);
}

/** Files under `path` (a folder, from the repository's top) that git tracks. */
export function trackedFiles(root: string, path: string): string[] {
  const result = runGit(root, ['--literal-pathspecs', 'ls-files', '-z', '--', path], { maxBytes: 64 * 1024 * 1024 });
  if (result.status !== 0) return [];
  return result.stdout.toString('utf8').split('\0').filter((name) => name !== '');
}
