import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { resolveAuthor, resolveAuthorSoon } from '../../src/cli/resolve-author.js';
import { copyBundledDraft, fakeIo, makeTempDir, removeTempDirs, SMALL_TEXT } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

/** A git repository whose own configuration names `name`. */
function repositoryOf(name: string): string {
  const dir = makeTempDir('author-git');
  for (const args of [['init', '-q'], ['config', 'user.name', name]]) expect(spawnSync('git', args, { cwd: dir }).status).toBe(0);
  return dir;
}

describe('resolveAuthor and resolveAuthorSoon (git asked without waiting) name the same author', () => {
  const git = repositoryOf('Ada Lovelace');
  mkdirSync(join(git, 'inside'));
  const cases: [string, string | undefined, NodeJS.ProcessEnv, string, string][] = [
    ['--author, trimmed', '  Grace ', { NDRAFT_AUTHOR: 'Env' }, git, 'Grace'],
    ['NDRAFT_AUTHOR when no --author', undefined, { NDRAFT_AUTHOR: ' Env ' }, git, 'Env'],
    ["a blank --author: git's user.name", '  ', {}, git, 'Ada Lovelace'],
    ["git's user.name of the folder's repository, from a folder inside it", undefined, {}, join(git, 'inside'), 'Ada Lovelace'],
    ['no git to ask (a folder that does not exist): the OS user', undefined, {}, join(git, 'missing', 'folder'), userInfo().username],
  ];
  for (const [what, author, env, cwd, expected] of cases) {
    it(what, async () => {
      expect(resolveAuthor(author, env, cwd)).toBe(expected);
      expect(await resolveAuthorSoon(author, env, cwd)()).toBe(expected);
    });
  }
});

describe('resolveAuthorSoon', () => {
  it("gives git's answer however long this process was busy before asking for it (git's time limit runs from then)", async () => {
    const soon = resolveAuthorSoon(undefined, {}, repositoryOf('Ada Lovelace'));
    // Busy for longer than git's time limit, as a long parse is: no event is handled meanwhile.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2500);
    expect(await soon()).toBe('Ada Lovelace');
  });
});

describe('import names who imported in its revision "import"', () => {
  it("git's user.name where the new draft's folder is made, even in folders that do not exist yet", async () => {
    const out = join(repositoryOf('Ada Lovelace'), 'not', 'yet', 'draft');
    const io = fakeIo();
    expect(await main(['import', SMALL_TEXT, '--out', out], io), io.err).toBe(0);
    expect(readFileSync(join(out, 'revisions', 'import.yaml'), 'utf8')).toMatch(/^author: Ada Lovelace$/m);
  });
});

describe('a writer asks git for its author while it opens the draft', () => {
  it("names git's user.name in its history entry, and in the note it signs, asked once for both", async () => {
    const dir = copyBundledDraft('draft', repositoryOf('Ada Lovelace'));
    const io = fakeIo();
    expect(await main(['note', '56', 'Check with capitals.', '--draft', dir], io), io.err).toBe(0);
    expect(readFileSync(join(dir, 'paragraphs', '056.yaml'), 'utf8')).toMatch(/^ {4}author: Ada Lovelace$/m);
    const logged = fakeIo();
    expect(await main(['log', '-n', '1', '--draft', dir], logged), logged.err).toBe(0);
    expect(logged.out).toContain('Ada Lovelace');
  });
});
