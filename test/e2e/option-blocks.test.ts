/**
 * Option blocks end to end with the built binary: import a text with an option block, show it,
 * accept one option, see status and the clean export, undo, validate. Each step runs after the
 * one before, on one draft. `npm test` builds dist/ first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs, REPO_ROOT, runInProcess, type RunResult, ok } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const parent = makeTempDir('blocks-e2e');
const dir = join(parent, 'finance');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Chair' } });

describe('an option block, from import to undo', () => {
  it('imports the text and counts its open block', async () => {
    const out = ok(await runInProcess(['import', join(REPO_ROOT, 'test', 'fixtures', 'option-blocks.txt'), '--out', dir]));
    expect(out).toContain('  option blocks 1 open\n');
  });

  it('shows the block by its number', async () => {
    const out = ok(await ndraft('show', '2'));
    expect(out.split('\n').slice(0, 2)).toEqual(['Option block "Paragraph 2" (number 2)  open: 3 options live', 'Option 1']);
  });

  it('accepts one option of the block in one change, after the rest is resolved', async () => {
    ok(await ndraft('accept', '3', 'Option 1'));
    ok(await ndraft('accept', '2-opt1-2.1', '--bracket', '1', '--keep'));
    expect(ok(await ndraft('accept', '2', 'Option 1'))).toBe(
      '✓ Accepted "Option 1" of block "Paragraph 2", dropping "Option 2", "Option 3": deleted paragraph 2.1 (2-opt2-2.1) (their text is kept)\n',
    );
    expect(readFileSync(join(dir, 'draft.yaml'), 'utf8')).toContain('accepted: Option 1');
  });

  it('status has no open block left', async () => {
    expect(JSON.parse(ok(await ndraft('status', '--json'))).optionBlocks).toBe(0);
  });

  it('exports the clean text: the accepted option\'s paragraphs, no option headings', async () => {
    const out = ok(await ndraft('export', '--clean'));
    expect(out).toBe(
      [
        'I.',
        'Finance',
        '',
        '1.',
        'Parties shall mobilize finance for the implementation of this Agreement.',
        '',
        '2.1',
        'Developed country Parties shall provide new and additional financial resources.',
        '',
        '2.2',
        'Such resources shall be predictable.',
        '',
        '3.',
        'The Standing Committee shall report annually.',
        '',
        '4.',
        'The secretariat shall support the Standing Committee.',
        '',
      ].join('\n'),
    );
  });

  it('undo reverts the whole choice, and the draft stays valid', async () => {
    expect(ok(await ndraft('undo'))).toMatch(/^✓ Undid "accept 2 "Option 1""/);
    expect(readFileSync(join(dir, 'draft.yaml'), 'utf8')).not.toContain('accepted:');
    expect(JSON.parse(ok(await ndraft('status', '--json'))).optionBlocks).toBe(1);
    expect(ok(await ndraft('validate'))).toMatch(/^✓ valid/);
    const refused = await ndraft('export', '--clean');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('option block "Paragraph 2": 3 options (Option 1, Option 2, Option 3) still compete');
  });
});
