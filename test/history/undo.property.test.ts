/**
 * Property (issue 12, part 8): after any sequence of changing commands, undoing each change
 * they recorded returns the draft to exactly its earlier state — every paragraph file and
 * draft.yaml byte for byte. Run in-process through the CLI's entry point, so it stays fast.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { copyBundledDraft, fakeIo, removeTempDirs, snapshotFiles } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

// Commands a delegate runs on the bundled draft; some fail depending on what came before (a
// bracket already resolved, a paragraph agreed and locked): those change nothing.
const COMMANDS: string[][] = [
  ['accept', '76', '--bracket', '1', '--drop'],
  ['accept', '76', '--bracket', '1', '--keep'],
  ['accept', '56', '--bracket', '1', '--option', '2'],
  ['accept', '61', 'Alt 3'],
  ['accept', '71', 'Alt 71g2'],
  ['accept', '61', '--keep-paragraph'],
  ['accept', '61', '--drop-paragraph'],
  ['support', '61', 'Alt 1', '--by', 'EU'],
  ['oppose', '61', 'Alt 2', '--by', 'G77'],
  ['propose', '76', '--text', 'We agree to review.', '--by', 'US'],
  ['agree', '48'],
  ['agree', '56'],
  ['reopen', '60'],
  ['merge', '61', '--apply'],
  ['restore', '61', 'Alt 1'],
];

async function ndraft(dir: string, args: readonly string[]): Promise<number> {
  return main([...args, '--draft', dir], fakeIo(false, { NDRAFT_AUTHOR: 'Secretariat' }));
}

const historyCount = (dir: string) => readdirSync(join(dir, 'history'), { withFileTypes: true }).filter((e) => e.isFile()).length;

describe('undo', () => {
  it('after any sequence of changes, undoing each of them gives back the draft as it was', async () => {
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: COMMANDS.length - 1 }), { minLength: 1, maxLength: 5 }), async (picks) => {
        const dir = copyBundledDraft();
        const before = snapshotFiles(dir);
        for (const pick of picks) await ndraft(dir, COMMANDS[pick] as string[]);
        const changes = readdirSync(join(dir), { withFileTypes: true }).some((e) => e.name === 'history') ? historyCount(dir) : 0;
        changed += changes;
        for (let i = 0; i < changes; i++) expect(await ndraft(dir, ['undo'])).toBe(0);
        const after = snapshotFiles(dir);
        for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
        expect(Object.keys(after).filter((name) => !name.startsWith('history/')).sort()).toEqual(Object.keys(before).sort());
      }),
      { numRuns: 12 },
    );
    // The sequences did change the draft: most commands succeed on the bundled draft.
    expect(changed).toBeGreaterThan(12);
  }, 120_000);
});
