/**
 * The revision every export names: the latest snapshot, "with changes since" once the draft has
 * moved on (hand edits too), or what --revision says.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { revisionFile } from '../../src/revisions/revision-store.js';
import { ObjectCache } from '../../src/store/object-cache.js';
import { contentHash } from '../../src/store/parse-cache.js';
import { copyBundledDraft, editFile, makeTempDir, removeTempDirs, runInProcess, SMALL_TEXT, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const dir = copyBundledDraft('revision-header');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Secretariat' } });
const revisionLine = async () => /^Revision: .*$/m.exec((await ndraft('export')).stdout)?.[0];

describe('the revision an export names', () => {
  it('is none before any snapshot, then the latest snapshot, then that one "with changes since"', async () => {
    expect(await revisionLine()).toBeUndefined();
    expect((await ndraft('snapshot', 'Rev.1')).status).toBe(0);
    expect(await revisionLine()).toBe('Revision: Rev.1');
    expect((await ndraft('accept', '56', '--bracket', '1', '--option', '2')).status).toBe(0);
    expect(await revisionLine()).toBe('Revision: Rev.1, with changes since');
    expect((await ndraft('snapshot', 'Rev.2')).status).toBe(0);
    expect(await revisionLine()).toBe('Revision: Rev.2');
    // Its manifest, read to tell, is kept in the object cache by the hash of its bytes: the next export parses no YAML for it.
    const manifest = new ObjectCache(dir).get<{ name: string }>('revision', contentHash(readFileSync(revisionFile(dir, 'Rev.2'))));
    expect(manifest?.name).toBe('Rev.2');
  });

  it('sees a hand edit, and gives way to --revision', async () => {
    editFile(dir, 'paragraphs/057.yaml', (t) => t.replace('We strive', 'We shall strive'));
    expect(await revisionLine()).toBe('Revision: Rev.2, with changes since');
    expect(/^Revision: .*$/m.exec((await ndraft('export', '--revision', 'Rev.3 (draft)')).stdout)?.[0]).toBe('Revision: Rev.3 (draft)');
  });
});

describe('a draft just imported', () => {
  const imported = join(makeTempDir('import-only'), 'draft');
  const exportOf = (...args: string[]) => runInProcess(['export', ...args, '--draft', imported], { env: { NDRAFT_AUTHOR: 'Secretariat' } });

  it('names no revision, without reading its import manifest: nothing of it is cached', async () => {
    expect((await runInProcess(['import', SMALL_TEXT, '--out', imported], { env: { NDRAFT_AUTHOR: 'Secretariat' } })).status).toBe(0);
    expect(existsSync(join(imported, 'revisions', 'import.yaml'))).toBe(true);
    const result = await exportOf();
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/^Revision:/m);
    expect(existsSync(join(imported, '.ndraft', 'summaries'))).toBe(false);
  });

  it('names a snapshot recorded beside the import, also one whose file sorts before import.yaml', async () => {
    expect((await runInProcess(['snapshot', 'Draft-A', '--draft', imported], { env: { NDRAFT_AUTHOR: 'Secretariat' } })).status).toBe(0);
    expect(/^Revision: .*$/m.exec((await exportOf()).stdout)?.[0]).toBe('Revision: Draft-A');
  });

  it('still exports when the import manifest is damaged, naming no revision, as before', async () => {
    const other = join(makeTempDir('import-damaged'), 'draft');
    expect((await runInProcess(['import', SMALL_TEXT, '--out', other], { env: { NDRAFT_AUTHOR: 'Secretariat' } })).status).toBe(0);
    writeFileSync(join(other, 'revisions', 'import.yaml'), 'name: [unclosed\n');
    const result = await runInProcess(['export', '--draft', other]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/^Revision:/m);
  });
});
