import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptCommand } from '../../../src/cli/commands/accept.js';
import { exportCommand } from '../../../src/cli/commands/export.js';
import { importCommand } from '../../../src/cli/commands/import.js';
import { showCommand } from '../../../src/cli/commands/show.js';
import { undoCommand } from '../../../src/cli/commands/undo.js';
import { fakeIo, makeTempDir, outputOf, rejection, REPO_ROOT, removeTempDirs, snapshotFiles } from '../../helpers/sandbox.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'labelled-options.txt');
const env = { NDRAFT_AUTHOR: 'Chair' };
let draft: string;

beforeEach(async () => {
  const io = fakeIo();
  io.cwd = makeTempDir('labelled');
  expect(await importCommand(FIXTURE, { out: 'd' }, io)).toBe(0);
  draft = join(io.cwd, 'd');
});
afterAll(removeTempDirs);

const run = (fn: (io: ReturnType<typeof fakeIo>) => Promise<number>) => outputOf(fn, env);
const refusal = async (fn: (io: ReturnType<typeof fakeIo>) => Promise<number>) => (await rejection(fn(fakeIo(false, env)))).message;

describe('inline labelled options [Option 2A: …][Option 2B: …]', () => {
  it('show names the labels and lists the brackets as one choice, in text and in --json', async () => {
    expect(await run((io) => showCommand('2', { draft }, io))).toBe(
      [
        'Paragraph 2 · open · 2 brackets · 0 alternatives',
        '',
        'Parties shall ¹[Option 2A: act now]²[Option 2B: act by 2030].',
        '',
        'Brackets',
        '  ¹  text  choice between Option 2A and Option 2B  Option 2A: act now',
        '  ²  text  choice between Option 2A and Option 2B  Option 2B: act by 2030',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(await run((io) => showCommand('2', { draft, json: true }, io)));
    expect(json.brackets[1]).toEqual({ n: 2, where: 'text', kind: 'choice', options: ['act by 2030'], label: 'Option 2B', choiceBetween: ['Option 2A', 'Option 2B'], depth: 0 });
  });

  it('accept --option "Option 2B" replaces the whole choice with its words, never the label; undo restores it', async () => {
    const before = snapshotFiles(draft);
    const out = await run((io) => acceptCommand('2', undefined, { draft, bracket: '1', option: 'Option 2B' }, io));
    expect(out).toBe('✓ Chose Option 2B "act by 2030" of bracket 1 (a choice between Option 2A and Option 2B) in text of paragraph 2\nParagraph 2: no brackets left\n');
    const shown = await run((io) => showCommand('2', { draft }, io));
    expect(shown).toContain('\nParties shall act by 2030.\n');
    expect(shown).not.toContain('Option');
    await run((io) => undoCommand({ draft }, io));
    const after = snapshotFiles(draft);
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
  });

  it('takes the label\'s mark alone (--option b), keeps a lone labelled bracket without its label, and then exports clean', async () => {
    await run((io) => acceptCommand('2', undefined, { draft, bracket: '2', option: '2A' }, io));
    await run((io) => acceptCommand('3', undefined, { draft, bracket: '2', option: 'b' }, io));
    await run((io) => acceptCommand('3', undefined, { draft, bracket: '1', keep: true }, io));
    await run((io) => acceptCommand('4', undefined, { draft, bracket: '1', keep: true }, io));
    const clean = await run((io) => exportCommand({ draft, format: 'text', clean: true }, io));
    expect(clean).toContain('Parties shall act now.');
    expect(clean).toContain('Each Party may report every two years.');
    expect(clean).toContain('We agree to meet again.');
    expect(clean).not.toMatch(/Option|\[|\]/);
  });

  it('the compilation export keeps the labels, which is how negotiators cite them', async () => {
    const text = await run((io) => exportCommand({ draft, format: 'text' }, io));
    expect(text).toContain('Parties shall [Option 2A: act now][Option 2B: act by 2030].');
    const html = await run((io) => exportCommand({ draft, format: 'html' }, io));
    expect(html).toContain('<span class="label">Option 2A: </span><span class="opt">act now</span>');
  });

  it('refuses --keep on a choice of two and a label the choice does not have, as usage errors', async () => {
    expect(await refusal((io) => acceptCommand('2', undefined, { draft, bracket: '1', keep: true }, io))).toBe(
      'bracket 1 is one of a choice between "Option 2A", "Option 2B"; pick one with --option, e.g. --option "Option 2A"',
    );
    expect(await refusal((io) => acceptCommand('2', undefined, { draft, bracket: '1', option: '2C' }, io))).toBe(
      'bracket 1 is one of a choice between "Option 2A", "Option 2B"; there is no "2C"',
    );
  });
});
