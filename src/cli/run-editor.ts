import { spawnSync } from 'node:child_process';
import { inputError, usageError } from '../diagnostics/diagnostic.js';
import type { Io } from './io.js';

/**
 * Opens `file` in the user's editor and waits for it to close: $VISUAL, else $EDITOR (either may
 * hold arguments, `code --wait`, so it is run by the shell, as git does), else `vi` when a person
 * is at the terminal. The editor shares the terminal; ndraft holds no lock meanwhile.
 */
export function runEditor(io: Io, file: string): void {
  let editor = io.env.VISUAL?.trim() || io.env.EDITOR?.trim();
  if (!editor) {
    if (process.stdin.isTTY !== true) throw usageError('no editor to open: set $EDITOR (or $VISUAL), or give the new wording with --text');
    editor = 'vi';
  }
  const windows = process.platform === 'win32';
  const result = windows
    ? spawnSync(`${editor} "${file}"`, { stdio: 'inherit', shell: true })
    : spawnSync('sh', ['-c', `${editor} "$1"`, editor, file], { stdio: 'inherit' });
  if (result.error) throw inputError(`could not start the editor "${editor}": ${result.error.message}`);
  if (result.status !== 0) throw inputError(`the editor "${editor}" ${result.status === null ? `was stopped (${result.signal})` : `exited with status ${result.status}`}`);
}
