import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeDriverCommand } from '../../../src/cli/commands/merge-driver.js';
import { copyBundledDraft, fakeIo, makeTempDir, removeTempDirs } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

/** The three files git hands the driver, in a folder outside any repository: ours is then GIT_AUTHOR_NAME's, theirs is "theirs". */
function driverFiles(file: string, ours: (text: string) => string, theirs: (text: string) => string) {
  const dir = makeTempDir('driver');
  const base = readFileSync(join(copyBundledDraft('d', dir, { asShipped: true }), file), 'utf8');
  const paths = { O: join(dir, 'O'), A: join(dir, 'A'), B: join(dir, 'B') };
  writeFileSync(paths.O, base);
  writeFileSync(paths.A, ours(base));
  writeFileSync(paths.B, theirs(base));
  const io = fakeIo(false, { GIT_AUTHOR_NAME: 'Ana' });
  io.cwd = dir;
  return { paths, io, base };
}

describe('ndraft merge-driver', () => {
  it('writes the merged paragraph into %A and exits 0, the warnings on stderr', async () => {
    const { paths, io } = driverFiles(
      'paragraphs/056.yaml',
      (t) => t.replace('[management/development]', 'management'),
      (t) => t.replace('[management/development]', 'development'),
    );
    expect(await mergeDriverCommand(paths.O, paths.A, paths.B, 'drafts/x/paragraphs/056.yaml', io)).toBe(0);
    const merged = parse(readFileSync(paths.A, 'utf8'));
    expect(merged.text).toContain('[management/development]');
    expect(merged.alternatives.map((a: { label: string; notes: { author: string }[] }) => [a.label, a.notes[0]?.author])).toEqual([
      ['Alt 1', 'Ana'],
      ['Alt 2', 'theirs'],
    ]);
    expect(io.err).toBe('ndraft merge-driver: drafts/x/paragraphs/056.yaml: paragraph 56: both copies changed the text: it keeps the wording they shared; ours is "Alt 1", theirs "Alt 2"\n');
  });

  it('merges draft.yaml', async () => {
    const { paths, io } = driverFiles(
      'draft.yaml',
      (t) => t.replace(/( +)- "61"\n/, '$1- "61"\n$1- 61bis\n'),
      (t) => t.replace(/ +- "40"\n/, ''),
    );
    expect(await mergeDriverCommand(paths.O, paths.A, paths.B, 'draft.yaml', io), io.err).toBe(0);
    const merged = readFileSync(paths.A, 'utf8');
    expect(merged).toContain('- 61bis');
    expect(merged).not.toContain('- "40"');
  });

  it('exits 1 leaving the three versions between conflict markers where a side does not read', async () => {
    const { paths, io, base } = driverFiles('paragraphs/056.yaml', (t) => t.replace('status: open', 'status: maybe'), (t) => t.replace('[management/development]', 'development'));
    const ours = readFileSync(paths.A, 'utf8');
    expect(await mergeDriverCommand(paths.O, paths.A, paths.B, 'paragraphs/056.yaml', io)).toBe(1);
    const written = readFileSync(paths.A, 'utf8');
    expect(written.startsWith(`<<<<<<< ours\n${ours}||||||| base\n${base}=======\n`)).toBe(true);
    expect(io.err).toContain("paragraphs/056.yaml: ours's version does not read");
    expect(io.err).toContain('run "ndraft resolve-conflicts"');
  });

  it('takes a one-sided change of any other file, and calls both sides changing it a conflict', async () => {
    const { paths, io } = driverFiles('history/20261130T070026424Z-ae3c.yaml', (t) => t, (t) => `${t}# theirs\n`);
    expect(await mergeDriverCommand(paths.O, paths.A, paths.B, 'history/20261130T070026424Z-ae3c.yaml', io)).toBe(0);
    expect(readFileSync(paths.A, 'utf8')).toMatch(/# theirs\n$/);
    writeFileSync(paths.A, `${readFileSync(paths.O, 'utf8')}# ours\n`);
    expect(await mergeDriverCommand(paths.O, paths.A, paths.B, 'history/20261130T070026424Z-ae3c.yaml', io)).toBe(1);
    expect(io.err).toContain('both copies changed it, and ndraft merges only paragraph files and draft.yaml');
  });
});
