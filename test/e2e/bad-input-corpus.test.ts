/**
 * The bad-input corpus (test/fixtures/bad/manifest.yaml): every case runs through the CLI entry
 * in-process (`main`, as bin/ndraft calls it), and the cases marked `spawn` also through the
 * built binary, in parallel. Each states its exit code and what is printed; every case also
 * proves that no internal error or stack trace is shown, and that a refused command left the
 * draft's files as they were.
 */
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { BIN, copyBundledDraft, fakeIo, makeTempDir, REPO_ROOT, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

type Content = string | (string | { repeat: string; times: number } | { hex: string })[];
interface Case {
  name: string;
  draft?: boolean;
  spawn?: boolean;
  before?: string[][];
  mkdir?: string[];
  write?: Record<string, Content>;
  remove?: string[];
  replace?: { file: string; from: string; to: Content }[];
  symlink?: Record<string, string>;
  env?: Record<string, string>;
  args: string[];
  exit: number;
  stdout?: string | string[];
  stderr?: string | string[];
  absent?: string[];
}

const CASES = parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'bad', 'manifest.yaml'), 'utf8')) as Case[];
const ENV = { NDRAFT_AUTHOR: 'Corpus' };

function bytes(content: Content): Buffer {
  if (typeof content === 'string') return Buffer.from(content);
  return Buffer.concat(content.map((part) => (typeof part === 'string' ? Buffer.from(part) : 'hex' in part ? Buffer.from(part.hex, 'hex') : Buffer.from(part.repeat.repeat(part.times)))));
}

/** Every regular file under `dir` (links are not followed), to prove a refusal changed nothing. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (rel === '.ndraft') continue;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out[rel] = readFileSync(join(dir, rel)).toString('base64');
    }
  };
  walk('');
  return out;
}

async function workspace(c: Case): Promise<{ dir: string; draft: string }> {
  const dir = makeTempDir('bad');
  const draft = join(dir, 'draft');
  const fill = (args: string[]) => args.map((a) => a.replace('{draft}', draft));
  if (c.draft) copyBundledDraft('draft', dir);
  for (const args of c.before ?? []) {
    const io = fakeIo(false, ENV);
    io.cwd = dir;
    expect(await main(fill(args), io), `${c.name}: before ${args.join(' ')}: ${io.err}`).toBe(0);
  }
  for (const path of c.mkdir ?? []) mkdirSync(join(dir, path), { recursive: true });
  for (const [path, content] of Object.entries(c.write ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes(content));
  }
  for (const path of c.remove ?? []) rmSync(join(draft, path), { recursive: true });
  for (const { file, from, to } of c.replace ?? []) {
    const text = readFileSync(join(draft, file));
    const at = text.indexOf(from);
    if (at < 0) throw new Error(`${c.name}: "${from}" not found in ${file}`);
    writeFileSync(join(draft, file), Buffer.concat([text.subarray(0, at), bytes(to), text.subarray(at + Buffer.byteLength(from))]));
  }
  for (const [path, target] of Object.entries(c.symlink ?? {})) symlinkSync(target, join(dir, path));
  return { dir, draft };
}

function expectOutcome(c: Case, code: number | null, stdout: string, stderr: string): void {
  const shown = `${c.name}\n--- stdout\n${stdout.slice(0, 2000)}\n--- stderr\n${stderr.slice(0, 2000)}`;
  expect(code, shown).toBe(c.exit);
  for (const fragment of [c.stdout ?? []].flat()) expect(stdout, shown).toContain(fragment);
  for (const fragment of [c.stderr ?? []].flat()) expect(stderr, shown).toContain(fragment);
  for (const fragment of [...(c.absent ?? []), 'internal error', '    at ']) {
    expect(stdout + stderr, shown).not.toContain(fragment);
  }
}

describe('the bad-input corpus', () => {
  it('has at least 60 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { dir, draft } = await workspace(c);
    const exists = (() => {
      try {
        return lstatSync(draft).isDirectory();
      } catch {
        return false;
      }
    })();
    const before = exists ? files(draft) : undefined;
    const io = fakeIo(false, { ...ENV, ...c.env });
    io.cwd = dir;
    const code = await main(c.args.map((a) => a.replace('{draft}', draft)), io);
    expectOutcome(c, code, io.out, io.err);
    if (before && c.exit !== 0) expect(files(draft), `${c.name}: a refused command changed the draft`).toEqual(before);
  });

  it('gives the same outcome through bin/ndraft', async () => {
    const spawned = CASES.filter((c) => c.spawn);
    expect(spawned.length).toBeGreaterThanOrEqual(5);
    await Promise.all(
      spawned.map(async (c) => {
        const { dir, draft } = await workspace(c);
        const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...ENV, ...c.env };
        delete env.FORCE_COLOR;
        // A hang must fail the case, not leave a process behind.
        const child = spawn(process.execPath, [BIN, ...c.args.map((a) => a.replace('{draft}', draft))], { cwd: dir, env, timeout: 20_000 });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        expectOutcome(c, code, stdout, stderr);
      }),
    );
  });
});
