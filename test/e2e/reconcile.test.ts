/**
 * `ndraft reconcile`: two copies of a draft, parted after a shared revision, merged without git.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyBundledDraft, makeTempDir, removeTempDirs, runInProcess, snapshotFiles } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

async function ndraft(author: string, ...args: string[]): Promise<string> {
  const result = await runInProcess(args, { env: { NDRAFT_AUTHOR: author } });
  if (result.status !== 0) throw new Error(`ndraft ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Our copy and theirs, parted after revision Rev.1 and edited in overlapping and non-overlapping ways. */
async function twoCopies(): Promise<{ ours: string; theirs: string }> {
  const parent = makeTempDir('reconcile');
  const ours = copyBundledDraft('ours', parent, { asShipped: true });
  await ndraft('Secretariat', 'snapshot', 'Rev.1', '--draft', ours);
  const theirs = join(parent, 'theirs');
  cpSync(ours, theirs, { recursive: true });
  await ndraft('Ana', 'accept', '56', '--bracket', '1', '--option', '1', '--draft', ours);
  await ndraft('Ana', 'support', '61', 'Alt 3', '--by', 'EU', '--draft', ours);
  await ndraft('Ana', 'add', '61bis', '--after', '61', '--text', 'Our new paragraph.', '--draft', ours);
  await ndraft('Bruno', 'accept', '56', '--bracket', '1', '--option', '2', '--draft', theirs);
  await ndraft('Bruno', 'bracket', '58', '--words', 'democratic, transparent and multilateral', '--by', 'G77', '--draft', theirs);
  await ndraft('Bruno', 'add', '61bis', '--after', '61', '--text', 'Their new paragraph.', '--draft', theirs);
  await ndraft('Bruno', 'delete', '59', '--draft', theirs);
  return { ours, theirs };
}

const paragraph = (dir: string, file: string) => parse(readFileSync(join(dir, 'paragraphs', file), 'utf8'));

describe('ndraft reconcile', () => {
  it('merges another copy from the latest revision both hold: every change of both, overlapping ones as alternatives, both histories, one entry', async () => {
    const { ours, theirs } = await twoCopies();
    const theirHistory = readdirSync(join(theirs, 'history'));
    const theirFiles = snapshotFiles(theirs);
    const dry = await runInProcess(['reconcile', theirs, '--draft', ours, '--dry-run']);
    expect(dry.stdout).toContain('Dry run, nothing written. Would have reconciled');
    const before = snapshotFiles(ours);
    expect(snapshotFiles(ours)).toEqual(before);

    const result = await runInProcess(['reconcile', theirs, '--draft', ours], { env: { NDRAFT_AUTHOR: 'Ana' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`✓ Reconciled ${theirs} from revision Rev.1: 3 paragraphs merged, 1 added, 0 removed; 4 history entries copied`);
    expect(result.stdout).toContain('warning: paragraph 56: both copies changed the text: it keeps the wording they shared; ours is "Alt 1", theirs "Alt 2"');
    expect(result.stdout).toContain('warning: paragraph 61bis: both copies added it, differently: ours keeps address 61bis, theirs is now 61bis-2, right after it');
    expect((await runInProcess(['validate', '--draft', ours])).status).toBe(0);

    expect(paragraph(ours, '056.yaml').alternatives.map((a: { notes: { author: string }[] }) => a.notes[0]?.author)).toEqual(['Ana', 'Bruno']);
    expect(paragraph(ours, '058.yaml').text).toContain('[democratic, transparent and multilateral]');
    expect(paragraph(ours, '061.yaml').alternatives[2].supportedBy).toEqual(['EU']);
    expect(paragraph(ours, '059.yaml').status).toBe('deleted');
    expect(paragraph(ours, '061bis-2.yaml').text).toBe('Their new paragraph.');
    for (const file of theirHistory) expect(readdirSync(join(ours, 'history'))).toContain(file);
    // The other copy is only read.
    expect(snapshotFiles(theirs)).toEqual(theirFiles);

    const log = (await runInProcess(['log', '--draft', ours, '-n', '1'])).stdout;
    expect(log).toContain(`Ana  reconcile ${theirs}`);
    expect(log).toContain('61bis-2: created');
    // Undo takes the merge back as one change.
    expect((await runInProcess(['undo', '--draft', ours], { env: { NDRAFT_AUTHOR: 'Ana' } })).status).toBe(0);
    expect((await runInProcess(['validate', '--draft', ours])).status).toBe(0);
    expect(paragraph(ours, '058.yaml').text).not.toContain('[');
  });

  it('refuses, changing nothing, when the copies hold no revision in common', async () => {
    const parent = makeTempDir('reconcile');
    const ours = copyBundledDraft('ours', parent);
    const theirs = copyBundledDraft('theirs', parent);
    const before = snapshotFiles(ours);
    const result = await runInProcess(['reconcile', theirs, '--draft', ours]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('and this draft hold no revision in common, so there is no version both started from');
    expect(snapshotFiles(ours)).toEqual(before);
  });

  it('refuses, changing nothing, what cannot be represented (both copies renumbered one paragraph differently)', async () => {
    const { ours, theirs } = await twoCopies();
    for (const [dir, number] of [
      [ours, '56bis'],
      [theirs, '56ter'],
    ] as const) {
      const file = join(dir, 'paragraphs', '056.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('number: "56"', `number: ${number}`));
    }
    const before = snapshotFiles(ours);
    const result = await runInProcess(['reconcile', theirs, '--draft', ours]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot be merged into this draft; nothing was changed:\n  paragraph 56bis (56): both copies changed its number, differently (ours "56bis", theirs "56ter")');
    expect(snapshotFiles(ours)).toEqual(before);
  });
});
