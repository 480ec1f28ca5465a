/**
 * The README's "A day in the life" walkthrough, run command by command on a copy of the
 * bundled draft as shipped, in a project folder laid out like the repository. Every `$ ndraft …`
 * line of its console blocks runs in order; the lines under it are what it must print:
 * a line `…` stands for any number of lines, and a line ending in `…` for any line that starts
 * with what comes before it. History ids, times and dates are compared as such, not as the
 * day the README was written. `$ cd DIR` moves the folder the next commands run in.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundledDraft, makeTempDir, removeTempDirs, REPO_ROOT, runInProcess } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

interface Step {
  command: string[];
  expected: string[];
  line: number;
}

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The steps of the walkthrough section: each `$ ` line of its console blocks with the lines under it. */
function walkthroughSteps(): Step[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## A day in the life'));
  if (start < 0) throw new Error('README.md has no "## A day in the life" section');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  const steps: Step[] = [];
  let inConsole = false;
  for (let i = start; i < (end < 0 ? lines.length : end); i++) {
    const line = lines[i] as string;
    if (line.startsWith('```')) {
      inConsole = !inConsole && line.trim() === '```console';
      continue;
    }
    if (!inConsole) continue;
    if (line.startsWith('$ ')) steps.push({ command: shellWords(line.slice(2).replace(/\s+#\s.*$/, '')), expected: [], line: i + 1 });
    else steps[steps.length - 1]?.expected.push(line);
  }
  return steps;
}

/** Words as a POSIX shell splits them, for the quoting the README uses ("…" and '…'). */
function shellWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let current = '';
  let last = -1;
  for (const match of text.matchAll(pattern)) {
    const piece = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? match[3] ?? '');
    const index = match.index ?? 0;
    if (last >= 0 && index === last) current += piece;
    else {
      if (last >= 0) words.push(current);
      current = piece;
    }
    last = index + match[0].length;
  }
  if (last >= 0) words.push(current);
  return words;
}

/** A history id, a time, a date: what differs from one day's run to the next. */
function timeless(line: string): string {
  return line
    .replace(/\b\d{8}T\d{9}Z-[0-9a-f]{4,}\b/g, '<id>')
    .replace(/\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?(?: UTC)?\b/g, '<time>')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<date>');
}

/** Whether `actual` lines fit the `expected` lines, with `…` lines and `…` endings as wildcards. */
function fits(actualLines: readonly string[], expectedLines: readonly string[]): boolean {
  const actual = actualLines.map(timeless);
  const expected = expectedLines.map(timeless);
  const match = (a: number, e: number): boolean => {
    if (e === expected.length) return a === actual.length;
    const want = expected[e] as string;
    if (want === '…') {
      for (let skip = a; skip <= actual.length; skip++) if (match(skip, e + 1)) return true;
      return false;
    }
    if (a === actual.length) return false;
    const got = actual[a] as string;
    const same = want.endsWith('…') && want.length > 1 ? got.startsWith(want.slice(0, -1)) : got === want;
    return same && match(a + 1, e + 1);
  };
  return match(0, 0);
}

const steps = walkthroughSteps();
const project = makeTempDir('walkthrough');
copyBundledDraft('wsis-tunis-internet-governance', join(project, 'drafts'), { asShipped: true });
let cwd = project;

describe('the README walkthrough, a day in the life', () => {
  it('has steps', async () => {
    expect(steps.length).toBeGreaterThan(10);
  });

  it.each(steps.map((s) => [`README.md:${s.line}: $ ${s.command.join(' ')}`, s] as const))('%s', async (_name, step) => {
    const [program, ...args] = step.command;
    if (program === 'cd') {
      cwd = resolve(cwd, args[0] ?? '.');
      expect(step.expected.filter((l) => l.trim() !== '')).toEqual([]);
      return;
    }
    expect(program).toBe('ndraft');
    const result = await runInProcess(args, { cwd, env: { NDRAFT_AUTHOR: 'Secretariat' } });
    const printed = `${result.stdout}${result.stderr}`.replace(/\n$/, '').split('\n');
    const expected = step.expected.length === 0 ? [''] : step.expected;
    if (!fits(printed, expected)) expect(printed.map(timeless).join('\n')).toBe(expected.map(timeless).join('\n'));
  });
});
