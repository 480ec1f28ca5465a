import { spawnSync } from 'node:child_process';
import { inputError } from '../diagnostics/diagnostic.js';
import { formatBytes } from '../limits/input-limits.js';

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

export interface GitCall {
  /** What git reads on its standard input (`cat-file --batch` reads object names there). */
  input?: string;
  /** The most bytes ndraft reads of git's output; more is refused, not truncated. */
  maxBytes: number;
}

/** What git prints on a failure, one line: "fatal: not a git repository …". */
export function gitMessage(result: GitResult): string {
  return result.stderr.trim().split('\n').pop()?.replace(/^(?:fatal|error): /, '') ?? '';
}

/**
 * Runs git with an argument list, never through a shell, so a ref or a path is never read as
 * shell syntax. Git's own failure is returned (the caller knows what it means); git missing, or
 * an output past `maxBytes`, is an input error.
 */
export function runGit(cwd: string, args: readonly string[], call: GitCall): GitResult {
  const result = spawnSync('git', args, {
    cwd,
    input: call.input ?? '',
    maxBuffer: call.maxBytes,
    // Git must not ask for anything (a password, an editor) nor page its output.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
    windowsHide: true,
  });
  const error = result.error as NodeJS.ErrnoException | undefined;
  if (error?.code === 'ENOENT') throw inputError('git is not installed (or not on PATH); install it to use the git commands of ndraft');
  if (error?.code === 'ENOBUFS') throw inputError(`git ${args[0]} printed more than ${formatBytes(call.maxBytes)}; nothing was read`);
  if (error) throw error;
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}
