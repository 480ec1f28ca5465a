/**
 * The trust bugs of issue 12, each as a user meets it, through the built binary.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, copyBundledDraft, removeTempDirs, runNdraft } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const ndraftIn = (dir: string) => (...args: string[]) => runNdraft([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Chair' } });

describe('trust', () => {
  it('restore refuses agreed text, and every state a command leaves can be reopened and undone', () => {
    const dir = copyBundledDraft();
    const ndraft = ndraftIn(dir);
    expect(ndraft('accept', '71', 'Alt 71g2').status).toBe(0);
    expect(ndraft('agree', '71', '--item', 'f').status).toBe(0);
    const before = readFileSync(join(dir, 'paragraphs', '071.yaml'), 'utf8');
    const refused = ndraft('restore', '71', 'Alt 71g1');
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('ndraft: item f) of paragraph 71 is agreed and locked; reopen it first with "ndraft reopen 71 --item f"');
    expect(readFileSync(join(dir, 'paragraphs', '071.yaml'), 'utf8')).toBe(before);
    expect(ndraft('validate').status).toBe(0);
    expect(ndraft('reopen', '71', '--item', 'f').status).toBe(0);
    expect(ndraft('restore', '71', 'Alt 71g1').status).toBe(0);
    for (let i = 0; i < 4; i++) expect(ndraft('undo').status).toBe(0);
    expect(ndraft('validate').status).toBe(0);
  });

  it('ends quietly when the reader of its output goes away (ndraft log | head -1)', () => {
    const dir = copyBundledDraft();
    expect(ndraftIn(dir)('accept', '61', 'Alt 3').status).toBe(0);
    // Enough history that the output outgrows the pipe's buffer after head has gone.
    const [name] = readdirSync(join(dir, 'history'));
    const entry = readFileSync(join(dir, 'history', name as string), 'utf8');
    const id = (name as string).slice(0, -'.yaml'.length);
    for (let i = 0; i < 1500; i++) {
      const other = `20200101T000000${String(i).padStart(3, '0')}Z-${(0x1000 + i).toString(16)}`;
      writeFileSync(join(dir, 'history', `${other}.yaml`), entry.replace(id, other));
    }
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" log --draft "${dir}" | head -1; echo "status $?"`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stdout).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]+\nstatus 0\n$/);
    expect(result.stderr).toBe('');
  });

  it('export -o never writes over the draft\'s own files, not even with --force', () => {
    const dir = copyBundledDraft();
    for (const target of ['draft.yaml', 'paragraphs/061.yaml', 'history/x.yaml']) {
      const path = join(dir, target);
      const before = (() => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return undefined;
        }
      })();
      const result = runNdraft(['export', '-o', path, '--force', '--draft', dir]);
      if (target.startsWith('history')) {
        expect(result.status).toBe(1); // its folder does not exist yet
        continue;
      }
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain(`is one of the draft's own files; -o never writes over draft.yaml, paragraphs/, history/ or .ndraft/ (not even with --force)`);
      expect(readFileSync(path, 'utf8')).toBe(before);
    }
  });

  it('accept then undo leaves no modified file in git: the $schema line does not depend on where ndraft is', () => {
    const dir = copyBundledDraft();
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'draft');
    const ndraft = ndraftIn(dir);
    expect(ndraft('accept', '61', 'Alt 3').status).toBe(0);
    expect(ndraft('undo').status).toBe(0);
    const modified = git('status', '--porcelain').stdout.split('\n').filter((line) => line !== '' && !line.startsWith('??'));
    expect(modified).toEqual([]);
  });
});
