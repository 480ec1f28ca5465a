import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { delegationAddCommand, delegationListCommand } from '../../../src/cli/commands/delegation.js';
import { positionCommand } from '../../../src/cli/commands/positions.js';
import { positionsCommand } from '../../../src/cli/commands/positions-matrix.js';
import { copyBundledDraft, fakeIo, outputOf, rejection, removeTempDirs, snapshotFiles } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

/** A copy of the bundled draft with the United States, France and the EU (a group of France) named. */
async function draftWithDelegations(): Promise<string> {
  const dir = copyBundledDraft();
  await outputOf((io) => delegationAddCommand('United States', { draft: dir, alias: ['US'] }, io));
  await outputOf((io) => delegationAddCommand('France', { draft: dir }, io));
  await outputOf((io) => delegationAddCommand('European Union', { draft: dir, alias: ['EU'], member: ['France'] }, io));
  return dir;
}

describe('ndraft delegation', () => {
  it('list says when the draft has no delegations file', async () => {
    const dir = copyBundledDraft();
    expect(await outputOf((io) => delegationListCommand({ draft: dir }, io))).toBe(
      'No delegations.yaml: --by takes any name. Name the delegations with "ndraft delegation add <name> --alias <short name>".\n',
    );
    expect(await outputOf((io) => delegationListCommand({ draft: dir, json: true }, io))).toBe('null\n');
  });

  it('add refuses a name or alias already used, and an unknown member or group, changing nothing', async () => {
    const dir = await draftWithDelegations();
    const before = snapshotFiles(dir);
    const refusal = async (name: string, options: Parameters<typeof delegationAddCommand>[1]) => (await rejection(delegationAddCommand(name, { draft: dir, ...options }, fakeIo()))).message;
    expect(await refusal('us', {})).toBe('"us" already names United States in delegations.yaml');
    expect(await refusal('Uruguay', { alias: ['EU'] })).toBe('"EU" already names European Union in delegations.yaml');
    expect(await refusal('AOSIS', { member: ['Fiji'] })).toBe('unknown delegation "Fiji". If it is a delegation delegations.yaml does not name yet, add it with: ndraft delegation add Fiji');
    expect(await refusal('Italy', { group: 'Europan Union' })).toMatch(/^unknown delegation "Europan Union"; did you mean "European Union"\?/);
    expect(snapshotFiles(dir)).toEqual(before);
    expect(await outputOf((io) => delegationAddCommand('Italy', { draft: dir, group: 'EU', dryRun: true }, io))).toBe(
      'Dry run, nothing written. Would have: added Italy, member of European Union in delegations.yaml\n',
    );
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('writes the file ndraft reads back, in the order given', async () => {
    const dir = await draftWithDelegations();
    expect(readFileSync(join(dir, 'delegations.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=https://unpkg.com/ndraft/schemas/delegations.schema.json',
        'delegations:',
        '  - name: United States',
        '    aliases:',
        '      - US',
        '  - name: France',
        '  - name: European Union',
        '    aliases:',
        '      - EU',
        '    members:',
        '      - France',
        '',
      ].join('\n'),
    );
  });
});

describe('ndraft positions', () => {
  it('filters by paragraph or section, in md and html too; --expand-groups needs delegations.yaml', async () => {
    const dir = await draftWithDelegations();
    await outputOf((io) => positionCommand('support', '61', 'Alt 3', { draft: dir, by: 'EU' }, io));
    await outputOf((io) => positionCommand('oppose', '71', 'Alt 71g1', { draft: dir, by: 'US' }, io));
    const md = await outputOf((io) => positionsCommand({ draft: dir, format: 'md', expandGroups: true }, io));
    expect(md).toBe(
      ['| Delegation | 61 Alt 3 | 71 f) Alt 71g1 |', '|---|---|---|', '| United States |  | opposed |', '| France | supported (European Union) |  |', '| European Union (group) | supported |  |', ''].join('\n'),
    );
    const only61 = JSON.parse(await outputOf((io) => positionsCommand({ draft: dir, format: 'json', paragraph: '61' }, io)));
    expect(only61.columns).toEqual([{ paragraph: '61', name: '61', label: 'Alt 3' }]);
    const section = async (number: string) => JSON.parse(await outputOf((io) => positionsCommand({ draft: dir, format: 'json', section: number }, io))).columns.map((c: { paragraph: string }) => c.paragraph);
    expect(await section('3')).toEqual(['61']);
    expect(await section('3b')).toEqual(['61']);
    expect(await section('4')).toEqual(['71']);
    expect(await section('3a')).toEqual([]);
    expect((await rejection(positionsCommand({ draft: dir, section: '9z' }, fakeIo()))).message).toMatch(/^no section 9z; the sections are /);
    const html = await outputOf((io) => positionsCommand({ draft: dir, format: 'html' }, io));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<td class="supported">supported</td>');

    const plain = copyBundledDraft();
    expect((await rejection(positionsCommand({ draft: plain, expandGroups: true }, fakeIo()))).message).toBe(
      '--expand-groups needs a delegations.yaml that names the groups and their members (see "ndraft delegation add")',
    );
  });
});
