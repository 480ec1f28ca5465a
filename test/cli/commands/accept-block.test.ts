import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptCommand } from '../../../src/cli/commands/accept.js';
import { diffCommand } from '../../../src/cli/commands/diff.js';
import { exportCommand } from '../../../src/cli/commands/export.js';
import { importCommand } from '../../../src/cli/commands/import.js';
import { logCommand } from '../../../src/cli/commands/log.js';
import { showCommand } from '../../../src/cli/commands/show.js';
import { statusCommand } from '../../../src/cli/commands/status.js';
import { undoCommand } from '../../../src/cli/commands/undo.js';
import { CORPUS_DIR } from '../../helpers/corpus.js';
import { fakeIo, makeTempDir, outputOf, rejection, REPO_ROOT, removeTempDirs, snapshotFiles } from '../../helpers/sandbox.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'option-blocks.txt');
const env = { NDRAFT_AUTHOR: 'Chair' };
let draft: string;

beforeEach(async () => {
  const io = fakeIo();
  io.cwd = makeTempDir('blocks');
  expect(await importCommand(FIXTURE, { out: 'd' }, io)).toBe(0);
  expect(io.out).toContain('  option blocks 1 open\n');
  draft = join(io.cwd, 'd');
});
afterAll(removeTempDirs);

const status = (file: string) => /^status: (.*)$/m.exec(readFileSync(join(draft, 'paragraphs', file), 'utf8'))?.[1];

const run = (fn: (io: ReturnType<typeof fakeIo>) => Promise<number>) => outputOf(fn, env);
const refusal = async (fn: (io: ReturnType<typeof fakeIo>) => Promise<number>) => (await rejection(fn(fakeIo(false, env)))).message;

describe('accept on an option block', () => {
  it('keeps the option named, deletes the others\' paragraphs and records the choice, in one change that undo reverts', async () => {
    const before = snapshotFiles(draft);
    const out = await run((io) => acceptCommand('2', 'option 2', { draft }, io));
    expect(out).toBe('✓ Accepted "Option 2" of block "Paragraph 2", dropping "Option 1", "Option 3": deleted 2 paragraphs 2.1 (2-opt1-2.1), 2.2 (2-opt1-2.2) (their text is kept)\n');
    expect([status('002-opt1-2.1.yaml'), status('002-opt1-2.2.yaml'), status('002-opt2-2.1.yaml')]).toEqual(['deleted', 'deleted', 'open']);
    expect(readFileSync(join(draft, 'draft.yaml'), 'utf8')).toContain('        accepted: Option 2\n');

    const log = await run((io) => logCommand(undefined, { draft }, io));
    expect(log).toContain('  draft.yaml: block "Paragraph 2": "Option 2" accepted\n  2-opt1-2.1: status open → deleted\n  2-opt1-2.2: status open → deleted\n');

    expect(await refusal((io) => acceptCommand('2', 'Option 1', { draft }, io))).toMatch(/^block "Paragraph 2" is settled already: "Option 2" was accepted/);

    expect(await run((io) => undoCommand({ draft }, io))).toMatch(/^✓ Undid "accept 2 "option 2""/);
    const after = snapshotFiles(draft);
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
  });

  it('is named through a paragraph inside the block too, and --dry-run writes nothing', async () => {
    const before = snapshotFiles(draft);
    const out = await run((io) => acceptCommand('2-opt2-2.1', 'Option 3', { draft, dryRun: true }, io));
    expect(out.split('\n')[0]).toBe(
      'Dry run, nothing written. Would have: accepted "Option 3" of block "Paragraph 2", dropping "Option 1", "Option 2": deleted 3 paragraphs 2.1 (2-opt1-2.1), 2.2 (2-opt1-2.2), 2.1 (2-opt2-2.1) (their text is kept)',
    );
    expect(out.split('\n')[1]).toBe('draft.yaml: block "Paragraph 2": "Option 3" accepted');
    expect(snapshotFiles(draft)).toEqual(before);
  });

  it('leaves a paragraph\'s own alternatives first: accept 3 "Option 2" accepts the alternative, as before', async () => {
    const out = await run((io) => acceptCommand('3', 'Option 2', { draft }, io));
    expect(out).toMatch(/^✓ Accepted "Option 2" as the text of paragraph 3/);
    expect(readFileSync(join(draft, 'draft.yaml'), 'utf8')).not.toContain('accepted:');
  });

  it('refuses an unknown label, listing the options, and a paragraph to drop that is agreed', async () => {
    expect(await refusal((io) => acceptCommand('2', 'Option 4', { draft }, io))).toBe('block "Paragraph 2" has no option "Option 4"; its options are "Option 1", "Option 2", "Option 3"');
    const file = join(draft, 'paragraphs', '002-opt1-2.2.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: open', 'status: agreed'));
    expect(await refusal((io) => acceptCommand('2', 'Option 2', { draft }, io))).toBe(
      'cannot drop the other options of block "Paragraph 2": paragraph 2.2 (2-opt1-2.2) is agreed; reopen it first',
    );
  });
});

describe('show, status, diff and export on option blocks', () => {
  it('show of a block lists its options; of a paragraph inside, names its block and option', async () => {
    expect(await run((io) => showCommand('2', { draft }, io))).toBe(
      [
        'Option block "Paragraph 2" (number 2)  open: 3 options live',
        'Option 1',
        '  2.1 (2-opt1-2.1)  Developed country Parties shall provide [new and additional] financial resources.',
        '  2.2 (2-opt1-2.2)  Such resources shall be predictable.',
        'Option 2',
        '  2.1 (2-opt2-2.1)  All Parties in a position to do so shall provide …',
        'Option 3',
        '  No text',
        '',
      ].join('\n'),
    );
    const inside = await run((io) => showCommand('2-opt1-2.2', { draft }, io));
    expect(inside).toContain('\nIn block "Paragraph 2", Option 1 (ndraft show 2-opt1-2.2 --block lists the options)\n');
    const json = JSON.parse(await run((io) => showCommand('2-opt1-2.2', { draft, json: true }, io)));
    expect(json.within).toEqual([{ block: 'Paragraph 2', number: '2', option: 'Option 1' }]);
    const block = JSON.parse(await run((io) => showCommand('2-opt1-2.2', { draft, json: true, block: true }, io)));
    expect(block.options.map((o: { label: string; live: boolean }) => [o.label, o.live])).toEqual([['Option 1', true], ['Option 2', true], ['Option 3', true]]);
  });

  it('status counts open option blocks, and none once one option is accepted', async () => {
    expect(JSON.parse(await run((io) => statusCommand({ draft, json: true }, io))).optionBlocks).toBe(1);
    const table = await run((io) => statusCommand({ draft }, io));
    expect(table).toMatch(/^I Finance +6 +1 +0 +5 +0 +1 +0 +2 +1$/m);
    await run((io) => acceptCommand('2', 'Option 1', { draft }, io));
    const json = JSON.parse(await run((io) => statusCommand({ draft, json: true }, io)));
    expect([json.optionBlocks, json.sections[0].optionBlocks]).toEqual([0, 0]);
  });

  it('diff compares two options word by word', async () => {
    const out = await run((io) => diffCommand('2', ['Option 2', 'Option 1'], { draft, format: 'plain' }, io));
    expect(out.split('\n')[0]).toMatch(/^Option block "Paragraph 2": Option 2 → Option 1, \d+% similar/);
    expect(out).toContain('{+Developed country+}');
  });

  it('export: the compilation marks the accepted option; --clean prints its paragraphs without headings, and refuses while the block is open', async () => {
    expect(await refusal((io) => exportCommand({ draft, format: 'text', clean: true }, io))).toMatch(/cannot be exported clean/);
    await run((io) => acceptCommand('3', 'Option 1', { draft }, io));
    await run((io) => acceptCommand('2', 'Option 1', { draft }, io));
    await run((io) => acceptCommand('2-opt1-2.1', undefined, { draft, bracket: '1', keep: true }, io));
    const md = await run((io) => exportCommand({ draft, format: 'md' }, io));
    expect(md).toContain('**Paragraph 2: Option 1 (accepted)**');
    const text = await run((io) => exportCommand({ draft, format: 'text' }, io));
    expect(text).toContain('\nOption 3: No text\n\n{Option 1 accepted}\n');
    expect(JSON.parse(await run((io) => exportCommand({ draft, format: 'json' }, io))).sections[0].paragraphs[1].accepted).toBe('Option 1');
    const clean = await run((io) => exportCommand({ draft, format: 'text', clean: true }, io));
    expect(clean).not.toContain('Option');
    expect(clean).toContain('2.1\nDeveloped country Parties shall provide new and additional financial resources.\n\n2.2\nSuch resources shall be predictable.');
    expect(clean).not.toContain('All Parties in a position');
  });
});

describe('option blocks of a real text (corpus 01: Paragraph 3, whose option 1 holds 3.1 with options (a) to (c))', () => {
  const importCorpus = async (): Promise<string> => {
    const io = fakeIo();
    io.cwd = makeTempDir('blocks-corpus');
    expect(await importCommand(join(CORPUS_DIR, '01-unfccc-adp-lima-elements-preamble-general.txt'), { out: 'd' }, io)).toBe(0);
    return join(io.cwd, 'd');
  };

  it('a paragraph inside a block: its own alternatives first, then the block around it that has the option', async () => {
    const dir = await importCorpus();
    expect(await run((io) => acceptCommand('3-opt1-3.1', 'Option (b)', { draft: dir, dryRun: true }, io))).toMatch(
      /^Dry run, nothing written\. Would have: accepted "Option \(b\)" as the text of paragraph 3\.1/,
    );
    expect(await run((io) => acceptCommand('3-opt1-3.1', 'Option 2', { draft: dir }, io))).toMatch(/^✓ Accepted "Option 2" of block "Paragraph 3", dropping "Option 1", "Option 3": deleted 5 paragraphs/);
  });

  it('the text compilation of a draft with an accepted block imports back with the same paragraphs and blocks', async () => {
    const dir = await importCorpus();
    await run((io) => acceptCommand('3', 'Option 3', { draft: dir }, io));
    const text = await run((io) => exportCommand({ draft: dir, format: 'text' }, io));
    const io = fakeIo();
    io.cwd = makeTempDir('blocks-back');
    writeFileSync(join(io.cwd, 'back.txt'), text);
    expect(await importCommand('back.txt', { out: 'back' }, io)).toBe(0);
    const outline = (d: string) => readFileSync(join(d, 'draft.yaml'), 'utf8').split('\n').filter((l) => /^\s+- (block: |label: Option|"?[\w.-]+"?$)/.test(l));
    expect(outline(join(io.cwd, 'back'))).toEqual(outline(dir));
    const deleted = (d: string) => readdirSync(join(d, 'paragraphs')).filter((f) => readFileSync(join(d, 'paragraphs', f), 'utf8').includes('status: deleted')).sort();
    expect(deleted(join(io.cwd, 'back'))).toEqual(deleted(dir));
    expect(deleted(dir)).toHaveLength(7);
  });
});
