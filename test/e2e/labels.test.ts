/**
 * Naming things on the command line, end to end with the built binary on copies of the bundled
 * draft: labels typed without quotes or in any usual spelling, brackets named by their words,
 * and the bracket numbering every change ends with (issue 13: "labels trip people up", "bracket
 * numbers shift under the user").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyBundledDraft, editFile, removeTempDirs, runInProcess, snapshotFiles, type RunResult, ok } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const ndraft = (dir: string, ...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Secretariat' } });
const text = (dir: string, file: string): string => (parse(readFileSync(join(dir, 'paragraphs', file), 'utf8')) as { text: string }).text;

/** Refused with exit 1 and this message, and the draft's files are byte for byte as they were. */
async function refusedUnchanged(dir: string, args: string[], message: string): Promise<void> {
  const before = snapshotFiles(dir);
  const result = await ndraft(dir, ...args);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`ndraft: ${message}\n`);
  expect(result.status).toBe(1);
  expect(snapshotFiles(dir)).toEqual(before);
}

const ALT_1_START = 'We further underline the necessity of effective instruments';
const ALT_3_START = 'We further underline the necessity of effective and efficient tools';

describe('labels, as people type them', () => {
  it('accept 61 Alt 3, unquoted, accepts Alt 3', async () => {
    const dir = copyBundledDraft();
    expect(ok(await ndraft(dir, 'accept', '61', 'Alt', '3'))).toBe(
      '✓ Accepted "Alt 3" as the text of paragraph 61 (the former text and 2 other alternatives went to history)\nParagraph 61: no brackets left\n',
    );
    expect(text(dir, '061.yaml').startsWith(ALT_3_START)).toBe(true);
    expect(ok(await ndraft(dir, 'log', '61'))).toContain('accept 61 "Alt 3"');
  });

  it('accept 61 alt1 accepts Alt 1, as diff 61 alt1 names it', async () => {
    const dir = copyBundledDraft();
    expect(ok(await ndraft(dir, 'accept', '61', 'alt1'))).toMatch(/^✓ Accepted "Alt 1" as the text of paragraph 61 /u);
    expect(text(dir, '061.yaml').startsWith(ALT_1_START)).toBe(true);
  });

  it('diff 61 Alt 1 Alt 3, unquoted, is diff 61 "Alt 1" "Alt 3"', async () => {
    const dir = copyBundledDraft();
    const quoted = ok(await ndraft(dir, 'diff', '61', 'Alt 1', 'Alt 3', '--format', 'plain'));
    expect(quoted.split('\n')[0]).toBe('Paragraph 61: Alt 1 → Alt 3, 69% similar (17 words differ)');
    expect(ok(await ndraft(dir, 'diff', '61', 'Alt', '1', 'Alt', '3', '--format', 'plain'))).toBe(quoted);
    expect(ok(await ndraft(dir, 'diff', '61', 'alt1', 'Alt.', '3', '--format', 'plain'))).toBe(quoted);
  });

  it('support, merge and restore take the same spellings', async () => {
    const dir = copyBundledDraft();
    expect(ok(await ndraft(dir, 'support', '61', 'Alt', '2', '--by', 'G77'))).toMatch(/^✓ G77 supports "Alt 2" of paragraph 61\n/u);
    expect(ok(await ndraft(dir, 'merge', '61', 'Alt', '1', 'Alt', '3', '--apply'))).toMatch(/^✓ Merged "Alt 1", "Alt 3" into the text of paragraph 61: 5 brackets/u);
    expect(ok(await ndraft(dir, 'restore', '61', 'alt', '1'))).toMatch(/^✓ Restored "Alt 1" as alternative "Alt 1" of paragraph 61 /u);
  });

  it('a bare number that two labels end in is refused, listing them, and nothing changes', async () => {
    const dir = copyBundledDraft();
    ok(await ndraft(dir, 'propose', '61', '--text', 'We call for cooperation.', '--label', 'Option 3', '--by', 'EU'));
    await refusedUnchanged(dir, ['accept', '61', '3'], '"3" could name any of 2 alternatives of paragraph 61: "Alt 3", "Option 3"; give the whole label');
    await refusedUnchanged(dir, ['accept', '61', 'Alt', '9'], 'paragraph 61 has no alternative "Alt 9"; its alternatives are "Alt 1", "Alt 2", "Alt 3", "Option 3"');
    await refusedUnchanged(dir, ['propose', '61', '--text', 'Other words.', '--label', 'alt3', '--by', 'EU'], 'paragraph 61 already has an alternative "alt3"; choose another --label');
  });
});

describe('brackets, by number or by words, and their numbering after each change', () => {
  const p58 = (dir: string) =>
    editFile(dir, 'paragraphs/058.yaml', (yaml) =>
      yaml.replace(
        'should be founded on a democratic, transparent and multilateral basis with a strong emphasis',
        'should be founded on a [democratic, transparent and multilateral] basis [with a strong emphasis/with emphasis] [in particular]',
      ),
    );

  it('accept 58 --bracket "<words>" --keep resolves that bracket and shows the brackets renumbered', async () => {
    const dir = copyBundledDraft();
    p58(dir);
    expect(ok(await ndraft(dir, 'show', '58'))).toContain('¹[democratic, transparent and multilateral] basis ²[with a strong emphasis/with emphasis] ³[in particular]');
    expect(ok(await ndraft(dir, 'accept', '58', '--bracket', 'Democratic, transparent and  multilateral', '--keep'))).toBe(
      [
        '✓ Kept the words of bracket 1 [democratic, transparent and multilateral] in text of paragraph 58',
        'Brackets of paragraph 58 now:',
        '  1  text  [with a strong emphasis/with emphasis]',
        '  2  text  [in particular]',
        '',
      ].join('\n'),
    );
    expect(text(dir, '058.yaml')).toContain('founded on a democratic, transparent and multilateral basis [with a strong emphasis/with emphasis] [in particular]');
    // The words of the whole bracket as show prints them, then the last one by its words.
    expect(ok(await ndraft(dir, 'accept', '58', '--bracket', 'with a strong emphasis / with emphasis', '--option', '2'))).toBe(
      '✓ Chose option 2 "with emphasis" of bracket 1 in text of paragraph 58\nBrackets of paragraph 58 now:\n  1  text  [in particular]\n',
    );
    expect(ok(await ndraft(dir, 'accept', '58', '--bracket', 'in particular', '--drop'))).toBe(
      '✓ Dropped bracket 1 [in particular] in text of paragraph 58\nParagraph 58: no brackets left\n',
    );
    expect(ok(await ndraft(dir, 'undo'))).toMatch(/^✓ Undid "accept 58 --bracket "in particular" --drop" by Secretariat .*\nBrackets of paragraph 58 now:\n {2}1 {2}text {2}\[in particular\]\n$/u);
  });

  it('words in two brackets are refused with their numbers, and nothing changes', async () => {
    const dir = copyBundledDraft();
    editFile(dir, 'paragraphs/058.yaml', (yaml) => yaml.replace('founded on a democratic, transparent', 'founded on a [democratic], [democratic/transparent]'));
    await refusedUnchanged(
      dir,
      ['accept', '58', '--bracket', 'democratic', '--keep'],
      'the words "democratic" are in 2 brackets of paragraph 58: 1 [democratic], 2 [democratic/transparent]; name one by its number',
    );
  });
});
