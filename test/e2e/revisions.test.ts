/**
 * Revisions end to end with the built binary: the seed imported (revision "import"), changed
 * with the resolve commands, snapshotted as Rev.1, then compared; a hand edit, a renumbering by
 * hand and a damaged revision after that. Each step runs after the one before, on one draft.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editFile, makeTempDir, removeTempDirs, runInProcess, SEED_TEXT, snapshotFiles, type RunResult, ok } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const parent = makeTempDir('revisions');
const dir = join(parent, 'draft');
const env = { NDRAFT_AUTHOR: 'Chair' };
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env });

function refused(result: RunResult, stderr: RegExp): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(stderr);
  expect(result.stderr).not.toContain('internal error');
}

interface StatusJson {
  paragraphs: { agreed: number; open: number };
  brackets: number;
  alternatives: number;
}

const status = async (): Promise<StatusJson> => JSON.parse(ok(await ndraft('status', '--json'))) as StatusJson;
const compareJson = async (...args: string[]) => JSON.parse(ok(await ndraft('compare', ...args, '--format', 'json')));
const objectFiles = () => readdirSync(join(dir, 'revisions', 'objects')).sort();

describe('revisions of a negotiation round', () => {
  let before: StatusJson;

  it('import records the imported text as revision "import"', async () => {
    const imported = await runInProcess(['import', SEED_TEXT, '--out', dir], { env });
    expect(imported.status, imported.stderr).toBe(0);
    expect(objectFiles()).toHaveLength(2); // one pack and its index, however many paragraphs
    const revisions = JSON.parse(ok(await ndraft('revisions', '--json')));
    before = await status();
    expect(revisions).toEqual([
      expect.objectContaining({ name: 'import', author: 'Chair', figures: expect.objectContaining({ agreed: before.paragraphs.agreed, brackets: before.brackets, alternatives: before.alternatives }) }),
    ]);
    expect(ok(await ndraft('compare', 'import'))).toContain('No paragraph changed');
  });

  it('compare import Rev.1 reports exactly the changes made with the resolve commands', async () => {
    ok(await ndraft('accept', '56', '--bracket', '1', '--option', '1'));
    ok(await ndraft('accept', '70', '--bracket', '1', '--keep'));
    ok(await ndraft('agree', '70'));
    ok(await ndraft('agree', '58'));
    ok(await ndraft('accept', '61', 'Alt 1'));
    ok(await ndraft('accept', '76', '--bracket', '1', '--drop'));
    expect(ok(await ndraft('snapshot', 'Rev.1', '-m', 'after the first reading'))).toMatch(/^✓ Recorded revision Rev\.1: .* \(5 new files stored/);
    expect(objectFiles()).toHaveLength(4); // a second pack holding the 5 changed files

    const after = await status();
    const compared = await compareJson('import', 'Rev.1');
    expect(compared.summary).toEqual({
      paragraphsChanged: 5,
      bracketsRemoved: 4,
      bracketsAdded: 0,
      reworded: 0,
      alternativesAccepted: 1,
      alternativesAdded: 0,
      alternativesDropped: 2,
      newlyAgreed: 2,
      reopened: 0,
      deleted: 0,
      added: 0,
      renumbered: 0,
      moved: 0,
    });
    // The figures add up to what "status" says changed.
    expect(compared.summary.bracketsRemoved - compared.summary.bracketsAdded).toBe(before.brackets - after.brackets);
    expect(compared.summary.alternativesAccepted + compared.summary.alternativesDropped - compared.summary.alternativesAdded).toBe(before.alternatives - after.alternatives);
    expect(compared.summary.newlyAgreed).toBe(after.paragraphs.agreed - before.paragraphs.agreed);
    expect(compared.summaryLine).toBe('5 paragraphs changed: 4 brackets removed, 1 alternative accepted, 2 alternatives dropped, 2 newly agreed');
    expect(compared.paragraphs.map((p: { after: { address: string }; kinds: string[] }) => [p.after.address, p.kinds])).toEqual([
      ['56', ['brackets']],
      ['58', ['status', 'agreed']],
      ['61', ['brackets', 'alternatives']],
      ['70', ['brackets', 'status', 'agreed']],
      ['76', ['brackets']],
    ]);

    const plain = ok(await ndraft('compare', 'import', 'Rev.1'));
    expect(plain.split('\n').slice(0, 2)).toEqual(['Compare import → Rev.1', '5 paragraphs changed: 4 brackets removed, 1 alternative accepted, 2 alternatives dropped, 2 newly agreed']);
    expect(plain).toContain('Paragraph 56: 1 bracket removed\n  text: We recognize and acknowledge the vital role played by many existing organizations in the technical [-[management/development]-]{+management+} of the Internet.');
    expect(plain).toContain('Paragraph 61: 1 bracket removed; Alt 1 accepted; Alt 2 dropped; Alt 3 dropped');
    expect(ok(await ndraft('compare', 'import', 'Rev.1', '--only', 'agreed'))).toMatch(/^Compare import → Rev\.1\n2 paragraphs changed: 1 bracket removed, 2 newly agreed\n/);
    expect(ok(await ndraft('compare', 'import', 'Rev.1', '--paragraph', '76'))).toMatch(/^Compare import → Rev\.1\n1 paragraph changed: 1 bracket removed\n/);
    expect(ok(await ndraft('compare', 'import', 'Rev.1', '--format', 'html'))).toContain('<del>[some]</del>');

    // status --revisions: the figures per round, with the change from the row before.
    const rounds = JSON.parse(ok(await ndraft('status', '--revisions', '--json')));
    const figures = (s: StatusJson) => [s.paragraphs.agreed, s.brackets, s.alternatives];
    expect(rounds.map((r: { revision: string; agreed: number; brackets: number; alternatives: number }) => [r.revision, r.agreed, r.brackets, r.alternatives])).toEqual([
      ['import', ...figures(before)],
      ['Rev.1', ...figures(after)],
      ['working', ...figures(after)],
    ]);
    const [agreedBefore, bracketsBefore, altsBefore] = figures(before) as [number, number, number];
    const [agreedAfter, bracketsAfter, altsAfter] = figures(after) as [number, number, number];
    const table = ok(await ndraft('status', '--revisions')).split('\n');
    expect(table[0]).toMatch(/^Revision +Date \(UTC\) +Agreed +Brackets +Alts$/);
    expect(table[1]).toMatch(new RegExp(`^import +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +${agreedBefore} +${bracketsBefore} +${altsBefore}$`));
    expect(table[2]).toMatch(new RegExp(`^Rev\\.1 +.* ${agreedAfter} \\(\\+2\\) +${bracketsAfter} \\(−4\\) +${altsAfter} \\(−3\\)$`));
    expect(table[3]).toMatch(new RegExp(`^working +\\(now\\) +${agreedAfter} +${bracketsAfter} +${altsAfter}$`));
  });

  it('a hand edit of a paragraph file is compared, and recorded by the next snapshot', async () => {
    editFile(dir, 'paragraphs/040.yaml', (text) => text.replace(/text: (\S+) /, 'text: $1 also '));
    const compared = await compareJson('Rev.1');
    expect(compared.summaryLine).toBe('1 paragraph changed: 1 reworded');
    const [p40] = compared.paragraphs;
    expect(p40.after.address).toBe('40');
    expect(p40.diffs[0].changes.filter((c: { type: string }) => c.type !== 'equal')).toEqual([{ type: 'insert', text: ' also' }]);
    expect(ok(await ndraft('snapshot', 'Rev.2'))).toContain('(1 new file stored');
    expect((await compareJson('Rev.1', 'Rev.2')).summaryLine).toBe('1 paragraph changed: 1 reworded');
    expect((await compareJson('Rev.2')).summaryLine).toBe('No paragraph changed');
  });

  it('a paragraph renumbered by hand is renumbered, not deleted and added', async () => {
    editFile(dir, 'paragraphs/045.yaml', (text) => text.replace('number: "45"', 'number: 45bis'));
    const compared = await compareJson('Rev.2');
    expect(compared.summary).toMatchObject({ paragraphsChanged: 1, renumbered: 1, deleted: 0, added: 0 });
    expect(compared.paragraphs[0]).toMatchObject({ before: { address: '45', number: '45' }, after: { address: '45', number: '45bis' }, kinds: ['renumbered'] });
    expect(ok(await ndraft('compare', 'Rev.2'))).toContain('Paragraph 45bis (was 45): renumbered 45 → 45bis');
  });

  it('refuses a name already taken (any case) unless --force, and a name that is not one', async () => {
    const files = snapshotFiles(dir);
    refused(await ndraft('snapshot', 'rev.1'), /there is already a revision "Rev\.1"; choose another name, or add --force/);
    const bad = await ndraft('snapshot', '../x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('cannot name a revision');
    expect(snapshotFiles(dir)).toEqual(files);
    ok(await ndraft('snapshot', 'rev.1', '--force'));
    expect(readdirSync(join(dir, 'revisions')).filter((n) => n.endsWith('.yaml')).sort()).toEqual(['Rev.1.yaml', 'Rev.2.yaml', 'import.yaml']);
  });

  it('a damaged manifest or a missing object is a clear error, and validate names it', async () => {
    const manifest = join(dir, 'revisions', 'Rev.2.yaml');
    const good = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, good.replace(/^author: .*$/m, 'author: 12\nreviewer: x'));
    refused(await ndraft('compare', 'Rev.2'), /Rev\.2\.yaml:\d+:\d+: error: .*reviewer[\s\S]*revision "Rev\.2" cannot be read/);
    // validate reads the manifests ndraft wrote without zod: one it did not write is still checked, and placed.
    expect((await ndraft('validate')).stdout).toMatch(/Rev\.2\.yaml:\d+:\d+: error: .*reviewer/);
    writeFileSync(manifest, good.replace(/^name: .*$/m, 'name: Rev.3'));
    const renamed = await ndraft('validate');
    expect(renamed.status).toBe(1);
    expect(renamed.stdout).toMatch(/Rev\.2\.yaml:\d+:\d+: error: the revision in Rev\.2\.yaml is named "Rev\.3"/);

    const hash = /"40": ([0-9a-f]{40})/.exec(good)?.[1] as string;
    writeFileSync(manifest, good.replace(hash, 'f'.repeat(40)));
    refused(await ndraft('compare', 'Rev.2'), new RegExp(`the object f{40} holding paragraph 40 is missing or damaged`));
    const validate = await ndraft('validate');
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(/Rev\.2\.yaml:\d+:\d+: error: revision "Rev\.2": the object f{40} holding paragraph 40 is not in revisions\/objects\//);
    refused(await ndraft('compare', 'Rev.9'), /no revision "Rev\.9"; the draft has/);
  });
});
