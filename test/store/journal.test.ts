/**
 * All-or-nothing changes: a change folder with its journal is a change made (readers see it
 * whole, the next writer puts it in place); one without is a change never made (removed).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptCommand } from '../../src/cli/commands/accept.js';
import { validateCommand } from '../../src/cli/commands/validate.js';
import { readHistory } from '../../src/history/history-store.js';
import { pendingCommit, recoverCommits, stageCommit } from '../../src/store/journal.js';
import { findLeftovers, removeLeftovers } from '../../src/store/leftovers.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { locateDraft } from '../../src/store/locate-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { copyBundledDraft, fakeIo, makeTempDir, removeTempDirs, snapshotFiles } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const JOURNALS = (dir: string) => join(dir, '.ndraft', 'journal');

/** The paragraphs and the history's commands as a reader sees them. */
async function seen(dir: string): Promise<{ paragraphs: unknown; commands: string[] }> {
  const checked = await checkDraft(await loadDraft(dir));
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { paragraphs: checked.draft?.paragraphs, commands: (await readHistory(dir)).entries.map((e) => e.command) };
}

describe('a change made through the journal', () => {
  it('puts every file in place and leaves no change folder', async () => {
    const dir = copyBundledDraft();
    const commit = stageCommit(dir);
    commit.write('paragraphs/new.yaml', 'a: 1\n');
    commit.write('notes/x.txt', 'x');
    commit.remove('paragraphs/039.yaml');
    commit.commit();
    expect(readFileSync(join(dir, 'paragraphs', 'new.yaml'), 'utf8')).toBe('a: 1\n');
    expect(readFileSync(join(dir, 'notes', 'x.txt'), 'utf8')).toBe('x');
    expect(existsSync(join(dir, 'paragraphs', '039.yaml'))).toBe(false);
    expect(readdirSync(JOURNALS(dir))).toEqual([]);
  });

  it('of many files at once (writeMany, commitMany), puts each in place whole, removes what it removes and leaves no change folder', async () => {
    const dir = copyBundledDraft();
    const names = readdirSync(join(dir, 'paragraphs')).filter((name) => name.endsWith('.yaml'));
    const [removed, ...rest] = names;
    const rewritten = rest.slice(0, 20);
    const commit = stageCommit(dir);
    await commit.writeMany([...rewritten.map((name) => [`paragraphs/${name}`, Buffer.from(`new: ${name}\n`)] as const), ['paragraphs/added.yaml', Buffer.from('added: 1\n')]]);
    commit.write('history/x.yaml', 'entry: 1\n');
    commit.remove(`paragraphs/${removed as string}`);
    await commit.commitMany();
    for (const name of rewritten) expect(readFileSync(join(dir, 'paragraphs', name), 'utf8')).toBe(`new: ${name}\n`);
    expect(readFileSync(join(dir, 'paragraphs', 'added.yaml'), 'utf8')).toBe('added: 1\n');
    expect(readFileSync(join(dir, 'history', 'x.yaml'), 'utf8')).toBe('entry: 1\n');
    expect(existsSync(join(dir, 'paragraphs', removed as string))).toBe(false);
    expect(readFileSync(join(dir, 'paragraphs', rest[20] as string), 'utf8')).not.toMatch(/^new:/);
    expect(readdirSync(JOURNALS(dir))).toEqual([]);
  });

  it('of many files at once, fails on a file it cannot stage and, abandoned, changes nothing', async () => {
    const dir = copyBundledDraft();
    const before = snapshotFiles(dir);
    const commit = stageCommit(dir);
    // A name deeper than the draft's own folders is no file of a draft: it cannot be staged.
    await expect(commit.writeMany([['paragraphs/001.yaml', Buffer.from('x\n')], ['paragraphs/deeper/x.yaml', Buffer.from('x\n')]])).rejects.toThrow(/ENOENT/);
    commit.abandon();
    expect(snapshotFiles(dir)).toEqual(before);
    expect(readdirSync(JOURNALS(dir))).toEqual([]);
  });

  it('abandoned before its journal, changes nothing', () => {
    const dir = copyBundledDraft();
    const before = snapshotFiles(dir);
    const commit = stageCommit(dir);
    commit.write('paragraphs/061.yaml', 'broken');
    commit.abandon();
    expect(snapshotFiles(dir)).toEqual(before);
    expect(readdirSync(JOURNALS(dir))).toEqual([]);
  });
});

describe('a change interrupted by a kill', () => {
  /** Stages the files `accept 61 "Alt 3"` writes, as that command would, and writes the journal by hand. */
  async function stagedAccept(withJournal: boolean): Promise<{ dir: string; after: Awaited<ReturnType<typeof seen>> }> {
    const done = copyBundledDraft('done');
    expect(await acceptCommand('61', 'Alt 3', { draft: done, author: 'EU' }, fakeIo())).toBe(0);
    const [entry] = readdirSync(join(done, 'history'));
    const targets = ['paragraphs/061.yaml', `history/${entry}`];
    const dir = copyBundledDraft();
    const commit = stageCommit(dir);
    for (const target of targets) commit.write(target, readFileSync(join(done, target)));
    const [folder] = readdirSync(JOURNALS(dir));
    if (withJournal) writeFileSync(join(JOURNALS(dir), folder as string, 'journal.json'), JSON.stringify({ ndraftJournal: 1, writes: targets, removes: [] }));
    return { dir, after: await seen(done) };
  }

  it('after its journal: readers see all of it, at every point of the renames, and write nothing', async () => {
    const { dir, after } = await stagedAccept(true);
    // As named by a writer that no longer runs.
    const folder = join(JOURNALS(dir), '20260101T000000000Z-999999999-abcd1234');
    renameSync(join(JOURNALS(dir), readdirSync(JOURNALS(dir))[0] as string), folder);
    const before = snapshotFiles(dir);
    expect(await seen(dir)).toEqual(after);
    expect(snapshotFiles(dir)).toEqual(before);
    // Killed after the paragraph's rename, before the history entry's.
    renameSync(join(folder, 'paragraphs', '061.yaml'), join(dir, 'paragraphs', '061.yaml'));
    expect(await seen(dir)).toEqual(after);
    const io = fakeIo();
    expect(await validateCommand({ draft: dir }, io)).toBe(0);
    expect(io.out).toMatch(/warning: a change was interrupted before all its files were in place; ndraft reads the draft as changed/);
    expect(pendingCommit(dir)).toBeDefined();

    recoverCommits(dir);
    expect(readdirSync(JOURNALS(dir))).toEqual([]);
    expect(pendingCommit(dir)).toBeUndefined();
    expect(await seen(dir)).toEqual(after);
  });

  it('before its journal: nothing happened; the staged files are a leftover the next writer removes', async () => {
    const { dir } = await stagedAccept(false);
    const original = await seen(copyBundledDraft());
    expect(await seen(dir)).toEqual(original);
    // Staged by this very process, which still runs: not a leftover yet, as for a writer at work.
    expect(findLeftovers(dir)).toEqual([]);
    recoverCommits(dir);
    expect(readdirSync(JOURNALS(dir))).toEqual([]);
    expect(await seen(dir)).toEqual(original);
  });

  it('a journal that names a file outside the draft is refused, and nothing is moved', () => {
    const dir = copyBundledDraft();
    const folder = join(JOURNALS(dir), '20260101T000000000Z-1-abcd');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'journal.json'), JSON.stringify({ ndraftJournal: 1, writes: ['../outside.txt'], removes: [] }));
    expect(() => recoverCommits(dir)).toThrow(/a change journal names a file outside the draft: \.\.\/outside\.txt/);
    expect(() => pendingCommit(dir)).toThrow(/outside the draft/);
  });
});

describe('a journal that came with a draft from someone else', () => {
  it('cannot make ndraft read or plant a link: a staged link is not read, and not put in place', async () => {
    const dir = copyBundledDraft();
    const original = await seen(copyBundledDraft('original'));
    const folder = join(JOURNALS(dir), '20260101T000000000Z-999999999-abcd1234');
    mkdirSync(join(folder, 'paragraphs'), { recursive: true });
    symlinkSync('/etc/passwd', join(folder, 'paragraphs', '061.yaml'));
    writeFileSync(join(folder, 'journal.json'), JSON.stringify({ ndraftJournal: 1, writes: ['paragraphs/061.yaml'], removes: [] }));
    expect(await seen(dir)).toEqual(original);
    expect(() => recoverCommits(dir)).toThrow(/061\.yaml is not a plain file, so the interrupted change cannot be finished/);
    expect(lstatSync(join(dir, 'paragraphs', '061.yaml')).isFile()).toBe(true);
  });
});

describe('leftovers of a killed ndraft', () => {
  const DEAD = 999_999_999;

  it('are reported by validate with the command that removes them, then removed by the next writer', async () => {
    const drafts = join(makeTempDir('leftovers'), 'drafts');
    mkdirSync(drafts);
    const dir = copyBundledDraft('draft', drafts);
    const files = [
      join(dir, 'paragraphs', `.061.yaml.ndraft-tmp-${DEAD}-abcd1234`),
      join(dir, 'history', `.20260101T000000000Z-0001.yaml.ndraft-tmp-${DEAD}-abcd1234`),
      join(dir, '.ndraft', `lock.${DEAD}-abcd1234`),
    ];
    mkdirSync(join(dir, 'history'), { recursive: true });
    mkdirSync(join(dir, '.ndraft'), { recursive: true });
    for (const file of files) writeFileSync(file, '');
    const staging = join(dir, '..', `.draft.ndraft-tmp-${DEAD}-abcd1234`);
    mkdirSync(staging);
    writeFileSync(join(staging, 'draft.yaml'), '');
    const live = join(dir, 'paragraphs', `.062.yaml.ndraft-tmp-${process.pid}-abcd1234`);
    writeFileSync(live, '');

    expect(findLeftovers(dir).sort()).toEqual([...files, staging].sort());
    const io = fakeIo();
    expect(await validateCommand({ draft: dir }, io)).toBe(0);
    expect(io.out).toContain(`warning: left by an interrupted ndraft; the next change removes it, or remove it now: rm -r '${files[0]}'`);
    // A staging folder holding draft.yaml beside the draft is no second draft.
    expect(locateDraft({ cwd: join(drafts, '..') })).toBe(dir);

    removeLeftovers(dir);
    for (const file of [...files, staging]) expect(existsSync(file)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
