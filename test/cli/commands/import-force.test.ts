/**
 * `ndraft import --force` over a draft that has a history: refused unless --discard-history,
 * and then the old draft, history included, stays until the new one is wholly in place.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { copyBundledDraft, fakeIo, removeTempDirs, SEED_TEXT, snapshotFiles } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

async function ndraft(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const io = fakeIo(false, { NDRAFT_AUTHOR: 'Secretariat' });
  const status = await main(args, io);
  return { status, out: io.out, err: io.err };
}

describe('import --force over a draft with a history', () => {
  it('refuses without --discard-history (exit 1, nothing changed), replaces draft and history with it', async () => {
    const dir = copyBundledDraft('rev1');
    expect((await ndraft('accept', '61', 'Alt 3', '--draft', dir)).status).toBe(0);
    const before = snapshotFiles(dir);

    const refused = await ndraft('import', SEED_TEXT, '--out', dir, '--force');
    expect(refused.status).toBe(1);
    expect(refused.err).toBe(`ndraft: ${dir} holds a draft with a history of 1 change, which replacing it would discard; add --discard-history to replace it all the same\n`);
    expect(snapshotFiles(dir)).toEqual(before);

    const replaced = await ndraft('import', SEED_TEXT, '--out', dir, '--force', '--discard-history');
    expect(replaced.status, replaced.err).toBe(0);
    expect(readdirSync(join(dir, 'history'))).toEqual([]);
    expect((await ndraft('log', '--draft', dir)).out).toBe('No changes recorded yet.\n');
    expect((await ndraft('validate', '--draft', dir)).status).toBe(0);
  });
});
