/**
 * Shared helpers for tests that work on real files: temporary folders, a copy of the bundled
 * draft to corrupt, positions in a file's text, and the built binary run as a user would.
 * Not a test file itself.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { NdraftError } from '../../src/diagnostics/diagnostic.js';
import { visible } from '../../src/cli/visible.js';
import { decodeInput } from '../../src/importer/decode-input.js';
import { importText } from '../../src/importer/import-text.js';
import { parse } from 'yaml';
import { paragraphSchema } from '../../src/model/schemas.js';
import { setScope } from '../../src/resolve/set-scope.js';
import { commitChanges } from '../../src/store/commit-changes.js';
import { draftFiles } from '../../src/store/write-draft.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_TEXT = join(REPO_ROOT, 'test', 'fixtures', 'wsis-tunis-internet-governance.txt');
/** Three paragraphs with an agreed one, items, brackets and alternatives: a draft small enough to test exhaustively. */
export const SMALL_TEXT = join(REPO_ROOT, 'test', 'fixtures', 'small-draft.txt');
export const BIN = join(REPO_ROOT, 'bin', 'ndraft');
export const SEED_TITLE = 'WSIS Tunis phase: Internet governance (paragraphs 39–76)';

const created: string[] = [];

/**
 * The one change the bundled draft has had since the seed was imported, as its history records
 * it: Alt 1 to 3 of 61 each insert a sentence after 61's first (see the README).
 */
export const SEED_SCOPE_CHANGE = {
  id: '20261130T070026424Z-ae3c',
  time: '2026-11-30T07:00:26.424Z',
  author: 'ndraft maintainers',
  command: 'scope 61 --insert-after-sentence 1',
  message:
    "Alt 1 to 3 of 61 compete for one added sentence, not for the whole paragraph: the adopted Tunis Agenda (paragraph 40) kept both of 61's sentences and inserted a version of Alt 3 between them.",
};

/**
 * A folder laid out like the repository, `drafts/wsis-tunis-internet-governance/`, holding the
 * draft that the seed text imports to. drafts/ in the repository is that draft followed by one
 * recorded change (`SEED_SCOPE_CHANGE`; `copyBundledDraft(…, { asShipped: true })` makes it),
 * which test/e2e/bundled-draft.test.ts checks. Other tests never read drafts/ itself: a user may
 * have worked on it. `runNdraft` runs here by default.
 */
export const PROJECT_ROOT = seedProject();
export const BUNDLED_DRAFT = join(PROJECT_ROOT, 'drafts', 'wsis-tunis-internet-governance');

function seedProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'ndraft-project-'));
  created.push(root);
  const dir = join(root, 'drafts', 'wsis-tunis-internet-governance');
  const { text } = decodeInput(readFileSync(SEED_TEXT), SEED_TEXT);
  const { draft } = importText(text, { file: SEED_TEXT, title: SEED_TITLE, source: basename(SEED_TEXT) });
  mkdirSync(join(dir, 'paragraphs'), { recursive: true });
  for (const file of draftFiles(draft, dir)) writeFileSync(join(dir, file.name), file.content);
  return root;
}

/**
 * Makes a copy of the seed import into the bundled draft as shipped: records its one change
 * since the import, `SEED_SCOPE_CHANGE`, as `ndraft scope` does.
 */
function applySeedScopeChange(dir: string): void {
  const file = join(dir, 'paragraphs', '061.yaml');
  const before = paragraphSchema.parse(parse(readFileSync(file, 'utf8')));
  const { paragraph: after } = setScope(before, { labels: [], scope: { insertAfterSentence: 1 } });
  commitChanges(dir, [after], { ...SEED_SCOPE_CHANGE, changes: [{ paragraph: '61', before, after }] });
}


/** A fresh folder under the system temporary folder; removed by `removeTempDirs`. */
export function makeTempDir(label = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), `ndraft-${label}-`));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  // The seed project stays for the other tests of the file; the process's exit removes it.
  for (const dir of created.splice(1)) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', () => rmSync(PROJECT_ROOT, { recursive: true, force: true }));

/**
 * A copy of the seed's import at `<temp>/<name>`, ready to be corrupted; `asShipped` makes it
 * the bundled draft as drafts/ holds it, with the one change recorded since the import.
 */
export function copyBundledDraft(name = 'draft', parent = makeTempDir('copy'), options: { asShipped?: boolean } = {}): string {
  const dir = join(parent, name);
  // Without the parse cache that a command run on the seed project may have left: a copy is a
  // draft as a user receives it.
  cpSync(BUNDLED_DRAFT, dir, { recursive: true, filter: (source) => basename(source) !== '.ndraft' });
  if (options.asShipped) applySeedScopeChange(dir);
  return dir;
}

/** Rewrites a text file of a draft folder through `edit`; fails loudly when the edit changed nothing. */
export function editFile(dir: string, relativePath: string, edit: (text: string) => string): string {
  const path = join(dir, relativePath);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`editFile: the edit of ${relativePath} changed nothing; the bundled draft has probably changed`);
  writeFileSync(path, after);
  return after;
}

/** 1-based line and column of the first `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`positionOf: "${needle}" not found`);
  const at = offset + shift;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** Names in `dir` left by an interrupted atomic write or folder swap. */
export function temporaryLeftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.includes('.ndraft-tmp-'));
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A run that succeeded quietly: exit 0, nothing on stderr; its stdout. */
export function ok(result: RunResult): string {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

/**
 * Runs the built `bin/ndraft` with `node`, as a user would, without colours. FORCE_COLOR is
 * removed because ndraft lets it win over NO_COLOR, and test runners often set it.
 */
export function runNdraft(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const env = userEnv(options.env);
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env, encoding: 'utf8', timeout: 20_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs ndraft's `main` in this process, as `runNdraft` runs the binary: the same arguments,
 * folder and environment (no colours), stdout as a pipe receives it and stderr with control
 * characters shown as the process's stderr shows them. A spawn costs ~0.3 s of CPU (Node's start
 * and the bundle's load); this costs what the command costs, so long scenarios run here and the
 * files that prove the binary itself (test/e2e/cli, concurrency, crash, trust, the git tests)
 * spawn it. Not for what needs a process of its own: a lock held by another process, a kill, a
 * fault injected through NDRAFT_FAULT_AT (read once per process), stdin.
 */
export async function runInProcess(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  const io = fakeIo(false, userEnv(options.env));
  io.cwd = options.cwd ?? PROJECT_ROOT;
  const { main } = await import('../../src/cli.js');
  const status = await main(args, io);
  return { status, stdout: io.out, stderr: visible(io.err) };
}

/** The environment a user's ndraft runs with here: no colours, no debug output. */
function userEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env.FORCE_COLOR;
  delete env.NDRAFT_DEBUG;
  return env;
}

/** The NdraftError thrown by `fn`; fails the test when nothing (or something else) is thrown. */
export function failure(fn: () => unknown): NdraftError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NdraftError);
    return error as NdraftError;
  }
  throw new Error('expected an NdraftError, but nothing was thrown');
}

/** The NdraftError a promise rejects with (the test fails if it resolves or rejects with anything else). */
/** What a command wrote to standard output; the test fails unless it exited 0. */
export async function outputOf(fn: (io: ReturnType<typeof fakeIo>) => Promise<number>, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const io = fakeIo(false, env);
  expect(await fn(io)).toBe(0);
  return io.out;
}

export async function rejection(promise: Promise<unknown>): Promise<NdraftError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NdraftError);
    return error as NdraftError;
  }
  throw new Error('expected an NdraftError, but the promise resolved');
}

/**
 * Every file under `dir` as relative path → bytes, to compare a folder before and after. The
 * `.ndraft/` folder is left out: it holds only a cache that any command may refresh.
 */
export function snapshotFiles(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (rel !== '.ndraft') walk(rel);
      } else out[rel] = readFileSync(join(dir, rel));
    }
  };
  walk('');
  return out;
}

/** An Io for calling a command function directly: what it writes is kept in `out` and `err`. */
export function fakeIo(tty = false, env: NodeJS.ProcessEnv = {}): Io & { out: string; err: string } {
  const io = {
    cwd: tmpdir(),
    env,
    stdoutIsTTY: tty,
    out: '',
    err: '',
    write: (text: string) => void (io.out += text),
    error: (text: string) => void (io.err += text),
  };
  return io;
}

/**
 * A writer's output without the bracket list every change ends with ("Brackets of paragraph 61
 * now:" and its rows, or "Paragraph 61: no brackets left"), for tests about the rest of it.
 */
export function withoutBracketList(stdout: string): string {
  return stdout.replace(/^(?:Brackets of paragraph .* now:\n(?: {2}.*\n)*|Paragraph .*: no brackets left\n)/gmu, '');
}
