import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/cli/io.js';
import { REPO_ROOT, runNdraft } from '../helpers/sandbox.js';

function capture(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { cwd: REPO_ROOT, env: {}, stdoutIsTTY: false, write: (s) => void (out += s), error: (s) => void (out += s) };
  return main(args, io).then((code) => ({ code, out }));
}

describe('--help and --version, answered by bin/ndraft without loading the CLI', () => {
  it('print exactly what the command table prints', async () => {
    const help = await capture(['--help']);
    expect(help.code).toBe(0);
    expect(readFileSync(`${REPO_ROOT}/dist/help.txt`, 'utf8')).toBe(help.out);
    expect(runNdraft(['--help']).stdout).toBe(help.out);
    const version = await capture(['--version']);
    expect(runNdraft(['--version']).stdout).toBe(version.out);
    expect(version.out).toBe(`${JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')).version}\n`);
  });

  it('lists every command with an example', async () => {
    const { out } = await capture(['--help']);
    for (const command of ['import', 'export', 'validate', 'status', 'show', 'diff', 'merge', 'accept', 'agree', 'reopen', 'propose', 'support', 'oppose', 'withdraw', 'positions', 'delegation', 'scope', 'log', 'restore', 'undo', 'add', 'move', 'delete', 'edit', 'bracket', 'note', 'section']) {
      expect(out).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(out).toContain('Exit status: 0 ok, 1 the input or the draft is wrong, 2 usage, 70 a bug in ndraft (please report it).');
  });
});
