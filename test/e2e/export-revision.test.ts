/**
 * The revision every export names: the latest snapshot, "with changes since" once the draft has
 * moved on (hand edits too), or what --revision says.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { revisionFile } from '../../src/revisions/revision-store.js';
import { ObjectCache } from '../../src/store/object-cache.js';
import { contentHash } from '../../src/store/parse-cache.js';
import { copyBundledDraft, editFile, removeTempDirs, runInProcess, type RunResult } from '../helpers/sandbox.js';

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
