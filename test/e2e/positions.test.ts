/**
 * Positions end to end, with the built binary on one copy of the bundled draft, as the
 * secretariat officer of issue 13 worked: a delegations file, then support, propose, oppose and
 * withdraw by any alias, the history naming the officer and the delegation, the matrix.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { historyEntrySchema, paragraphSchema, type HistoryEntry, type Paragraph } from '../../src/model/schemas.js';
import { copyBundledDraft, removeTempDirs, runInProcess, snapshotFiles, withoutBracketList, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const OFFICER = 'Secretariat officer';
const dir = copyBundledDraft('positions');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: OFFICER } });

const read = (file: string): Paragraph => paragraphSchema.parse(parse(readFileSync(join(dir, 'paragraphs', file), 'utf8')));
const entries = (): HistoryEntry[] =>
  readdirSync(join(dir, 'history'))
    .sort()
    .map((name) => historyEntrySchema.parse(parse(readFileSync(join(dir, 'history', name), 'utf8'))));

function ok(result: RunResult, stdout: string): void {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(withoutBracketList(result.stdout)).toBe(stdout);
}

describe('positions on the bundled draft, with a delegations file', () => {
  it('delegation add writes delegations.yaml, which validate accepts', async () => {
    ok(await ndraft('delegation', 'add', 'United States', '--alias', 'US', '--alias', 'USA'), '✓ Added United States (also US, USA) in delegations.yaml\n');
    ok(await ndraft('delegation', 'add', 'France'), '✓ Added France in delegations.yaml\n');
    ok(await ndraft('delegation', 'add', 'European Union', '--alias', 'EU', '--member', 'france'), '✓ Added European Union (also EU), a group of France in delegations.yaml\n');
    ok(await ndraft('delegation', 'add', 'Germany', '--group', 'EU'), '✓ Added Germany, member of European Union in delegations.yaml\n');
    ok(await ndraft('delegation', 'list'), 'United States (US, USA)\nFrance\nEuropean Union (EU): group of France, Germany\nGermany\n');
    expect(readFileSync(join(dir, 'delegations.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/ndraft/schemas/delegations.schema.json');
    const validate = await ndraft('validate');
    expect(validate.status).toBe(0);
    expect(validate.stdout).toMatch(/✓ valid: 40 files, 0 errors/);
  });

  it('support 61 "Alt 3" --by US stores United States in supportedBy; show says "supported by"; history has author and onBehalfOf', async () => {
    ok(await ndraft('support', '61', 'Alt 3', '--by', 'US'), '✓ United States supports "Alt 3" of paragraph 61\n');
    const alt3 = read('061.yaml').alternatives[2];
    expect(alt3).toMatchObject({ label: 'Alt 3', supportedBy: ['United States'] });
    expect(alt3).not.toHaveProperty('proposedBy');
    expect((await ndraft('show', '61')).stdout).toContain('Alt 3 (supported by United States)\n');
    const [entry] = entries();
    expect(entry).toMatchObject({ author: OFFICER, onBehalfOf: 'United States', command: 'support 61 "Alt 3" --by US' });
    expect((await ndraft('log', '61')).stdout).toContain(`${OFFICER} for United States  support 61 "Alt 3" --by US`);
  });

  it('an unknown name is refused with a suggestion, exit 1, nothing changed on disk', async () => {
    const before = snapshotFiles(dir);
    const result = await ndraft('oppose', '61', 'Alt 3', '--by', 'Untied States');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'ndraft: unknown delegation "Untied States"; did you mean "United States"? If it is a delegation delegations.yaml does not name yet, add it with: ndraft delegation add "Untied States"\n',
    );
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('propose, oppose and withdraw; the proposal nobody else backs leaves the paragraph', async () => {
    ok(await ndraft('propose', '61', '--text', 'We note [the] cooperation.', '--by', 'eu', '--author', 'Desk officer'), '✓ Added "Alt 4" to paragraph 61, proposed by European Union\n');
    ok(await ndraft('oppose', '61', 'Alt 4', '--by', 'USA'), '✓ United States opposes "Alt 4" of paragraph 61\n');
    expect(read('061.yaml').alternatives[3]).toEqual({ label: 'Alt 4', text: 'We note [the] cooperation.', proposedBy: ['European Union'], opposedBy: ['United States'] });
    expect(entries()[1]).toMatchObject({ author: 'Desk officer', onBehalfOf: 'European Union' });

    const json = JSON.parse((await ndraft('positions', '--format', 'json')).stdout);
    expect(json.columns).toEqual([
      { paragraph: '61', name: '61', label: 'Alt 3' },
      { paragraph: '61', name: '61', label: 'Alt 4' },
    ]);
    expect(json.rows).toEqual([
      { delegation: 'United States', group: false, cells: [{ stance: 'supported' }, { stance: 'opposed' }] },
      { delegation: 'European Union', group: true, cells: [null, { stance: 'proposed' }] },
    ]);
    const expanded = JSON.parse((await ndraft('positions', '--format', 'json', '--expand-groups')).stdout);
    expect(expanded.rows.map((r: { delegation: string }) => r.delegation)).toEqual(['United States', 'France', 'European Union', 'Germany']);
    expect(expanded.rows[1].cells).toEqual([null, { stance: 'proposed', via: 'European Union' }]);
    ok(await ndraft('positions'), ['Delegation              61 Alt 3   61 Alt 4', '----------------------  ---------  --------', 'United States           supported  opposed', 'European Union (group)             proposed', ''].join('\n'));

    ok(
      await ndraft('withdraw', '61', 'Alt 4', '--by', 'EU'),
      '✓ European Union withdrew "Alt 4" of paragraph 61; nobody else proposes or supports it, so it left the paragraph (ndraft restore 61 "Alt 4" brings it back)\n',
    );
    expect(read('061.yaml').alternatives.map((a) => a.label)).toEqual(['Alt 1', 'Alt 2', 'Alt 3']);
    ok(await ndraft('withdraw', '61', 'Alt 3', '--by', 'US'), '✓ United States withdrew its support for "Alt 3" of paragraph 61\n');
    ok(await ndraft('positions'), 'No positions recorded on open alternatives.\n');
  });

  it('the HTML export carries the matrix', async () => {
    ok(await ndraft('support', '61', 'Alt 2', '--by', 'Germany'), '✓ Germany supports "Alt 2" of paragraph 61\n');
    const html = (await ndraft('export', '--format', 'html')).stdout;
    expect(html).toContain('<section class="positions-matrix" id="positions"><h2>Positions</h2>');
    expect(html).toMatch(/<tr><th scope="row"><bdi>Germany<\/bdi><\/th><td class="supported">supported<\/td><\/tr>/);
    expect(html).toContain('<p class="pos supported">Supported by <bdi>Germany</bdi></p>');
  });
});

describe('--author and --by', () => {
  it('--author names the person on every change; --by elsewhere than positions still names the author, as before, without showing in help', async () => {
    const chair = copyBundledDraft('chair');
    expect((await runInProcess(['accept', '56', '--bracket', '1', '--option', '2', '--by', 'Chair', '--draft', chair])).status).toBe(0);
    expect((await runInProcess(['accept', '76', '--bracket', '1', '--drop', '--author', 'Vice-chair', '--draft', chair])).status).toBe(0);
    const authors = readdirSync(join(chair, 'history'))
      .sort()
      .map((name) => historyEntrySchema.parse(parse(readFileSync(join(chair, 'history', name), 'utf8'))))
      .map((e) => [e.author, e.onBehalfOf]);
    expect(authors).toEqual([
      ['Chair', undefined],
      ['Vice-chair', undefined],
    ]);
    const help = (await runInProcess(['accept', '--help'])).stdout;
    expect(help).toContain('--author <name>');
    expect(help).not.toContain('--by');
    expect((await runInProcess(['support', '--help'])).stdout).toMatch(/--by <delegation> +the delegation or group/);
  });
});

describe('positions without a delegations file, and drafts from older versions', () => {
  it('takes any name, as today', async () => {
    const plain = copyBundledDraft('plain');
    const result = await runInProcess(['support', '61', 'Alt 3', '--by', 'Narnia', '--draft', plain]);
    expect(withoutBracketList(result.stdout)).toBe('✓ Narnia supports "Alt 3" of paragraph 61\n');
    expect(result.status).toBe(0);
  });

  it('a delegations file with errors is reported by validate at file:line:column and refuses --by', async () => {
    const broken = copyBundledDraft('broken');
    writeFileSync(join(broken, 'delegations.yaml'), 'delegations:\n  - name: United States\n    aliases: [US]\n  - name: Uruguay\n    aliases: [us]\n');
    const validate = await runInProcess(['validate', '--draft', broken]);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain('delegations.yaml:5:15: error: "us" already names "United States"; each name and alias is used once [DUPLICATE_DELEGATION]');
    const refused = await runInProcess(['support', '61', 'Alt 3', '--by', 'US', '--draft', broken]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('ndraft: delegations.yaml has 1 error; fix it (see "ndraft validate")');
  });

  it('validate says once that supporters recorded by older versions stay in proposedBy', async () => {
    const old = copyBundledDraft('old');
    for (const [file, label] of [['061.yaml', 'Alt 1'], ['061.yaml', 'Alt 2']] as const) {
      const path = join(old, 'paragraphs', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(`- label: ${label}\n`, `- label: ${label}\n    proposedBy: [EU, G77]\n`));
    }
    const result = await runInProcess(['validate', '--draft', old]);
    expect(result.status).toBe(0);
    const notes = result.stdout.split('\n').filter((line) => line.includes('LEGACY_SUPPORTERS'));
    expect(notes).toEqual([
      expect.stringMatching(/old\/paragraphs\/061\.yaml:10:17: warning: 2 alternatives list several delegations in proposedBy \("Alt 1" of 61: EU, G77, …\)\. Versions of ndraft before supportedBy stored supporters there, and they cannot be told apart from proposers: they stay in proposedBy\./),
    ]);
    // Again from the parse cache, which keeps each paragraph's count of such alternatives.
    expect((await runInProcess(['validate', '--draft', old])).stdout).toBe(result.stdout);
    expect((await runInProcess(['show', '61', '--draft', old])).stdout).toContain('Alt 1 (proposed by EU, G77)');
  });
});
