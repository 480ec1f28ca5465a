/**
 * One negotiation round, end to end, with the built binary on ONE copy of the bundled draft:
 * each step runs after the one before and checks what the user sees (exit code, stdout,
 * stderr) and the files on disk. `npm test` builds dist/ first. 16 spawns in all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { paragraphSchema, type Paragraph } from '../../src/model/schemas.js';
import { copyBundledDraft, removeTempDirs, runInProcess, temporaryLeftovers, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const AUTHOR = 'Delegate of Tunisia';
const dir = copyBundledDraft('round');

const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: AUTHOR } });

function ok(result: RunResult, stdout: string | RegExp): void {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  if (typeof stdout === 'string') expect(result.stdout).toBe(stdout);
  else expect(result.stdout).toMatch(stdout);
}

function refused(result: RunResult, stderr: RegExp): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(stderr);
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).not.toContain('    at ');
}

const read = (number: string): Paragraph =>
  paragraphSchema.parse(parse(readFileSync(join(dir, 'paragraphs', `${number.padStart(3, '0')}.yaml`), 'utf8')));

const historyIds = (): string[] =>
  readdirSync(join(dir, 'history'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();

/** The lines of `log` that head an entry: its id, and "(undone)" when it was undone. */
const logHeads = (stdout: string): string[] => stdout.split('\n').filter((line) => /^\d{8}T\d{9}Z-/.test(line));

const ALT_1 =
  'We further underline the necessity of effective instruments and efficient mechanisms at national and international levels, and the importance to promote international cooperation to this end.';
const ALT_3 =
  'We further underline the necessity of effective and efficient tools and mechanisms, at national and international levels, to promote international cooperation, inter alia, among law enforcement agencies on cybercrime.';
const ALT_71G2 = 'Encouraging relevant parties to negotiate special and reduced interconnection costs for LDCs, in accordance with relevant multilateral trade rules.';

describe('a negotiation round on the bundled draft', () => {
  it('accept 61 "Alt 3": Alt 3 becomes the text, the other wordings go to history', async () => {
    ok(await ndraft('accept', '61', 'Alt 3'), '✓ Accepted "Alt 3" as the text of paragraph 61 (the former text and 2 other alternatives went to history)\nParagraph 61: no brackets left\n');
    const p61 = read('61');
    expect(p61).toMatchObject({ status: 'open', bracketed: true, text: ALT_3, alternatives: [] });
    expect(historyIds()).toHaveLength(1);
  });

  it('accept 61 --keep-paragraph: 61 is no longer bracketed as a whole', async () => {
    ok(await ndraft('accept', '61', '--keep-paragraph'), '✓ Kept paragraph 61: it is no longer bracketed as a whole\nParagraph 61: no brackets left\n');
    expect(read('61')).toMatchObject({ status: 'open', bracketed: false, text: ALT_3 });
    expect(historyIds()).toHaveLength(2);
  });

  it('agree 61: 61 is agreed, 23 paragraphs in all', async () => {
    ok(await ndraft('agree', '61'), '✓ Paragraph 61 is now agreed\nParagraph 61: no brackets left\n');
    expect(read('61').status).toBe('agreed');
    const status = await ndraft('status', '--json');
    ok(status, /"agreed": 23/);
    const counts = JSON.parse(status.stdout);
    expect(counts.paragraphs).toEqual({ total: 38, agreed: 23, agreedAdRef: 0, open: 15, deleted: 0 });
    expect(counts.bracketedParagraphs).toBe(0);
    expect(counts.alternatives).toBe(2);
  });

  it('log 61 lists the three changes, newest first, with the author', async () => {
    const log = await ndraft('log', '61');
    ok(log, /UTC {2}Delegate of Tunisia {2}agree 61\n/);
    expect(logHeads(log.stdout)).toEqual([...historyIds()].reverse());
    const commands = log.stdout.split('\n').filter((line) => line.includes(' UTC  ')).map((line) => line.replace(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}/, ''));
    expect(commands).toEqual([`${AUTHOR}  agree 61`, `${AUTHOR}  accept 61 --keep-paragraph`, `${AUTHOR}  accept 61 "Alt 3"`]);
    expect(log.stdout).toContain('  61: status open → agreed\n');
    expect(log.stdout).toContain('  61: no longer bracketed as a whole\n');
    expect(log.stdout).toContain('  61: text reworded; 1 → 0 brackets; 3 → 0 alternatives\n');
  });

  it('undo reverts the agree: 61 is open again; log marks the agree "(undone)"', async () => {
    const agreeId = historyIds()[2];
    ok(await ndraft('undo'), new RegExp(`^✓ Undid "agree 61" by ${AUTHOR} \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)\\nParagraph 61: no brackets left\\n$`));
    expect(read('61')).toMatchObject({ status: 'open', bracketed: false, text: ALT_3 });
    const ids = historyIds();
    expect(ids).toHaveLength(4);
    const log = await ndraft('log');
    ok(log, /UTC {2}Delegate of Tunisia {2}undo\n {2}61: status agreed → open\n/);
    expect(logHeads(log.stdout)).toEqual([ids[3], `${agreeId} (undone)`, ids[1], ids[0]]);
  });

  it('restore 61 "Alt 1": Alt 1 is on the table again', async () => {
    ok(await ndraft('restore', '61', 'Alt 1'), /^✓ Restored "Alt 1" as alternative "Alt 1" of paragraph 61 \(dropped on \d{4}-\d\d-\d\d by: accept 61 "Alt 3"\)\nParagraph 61: no brackets left\n$/);
    expect(read('61').alternatives).toEqual([{ label: 'Alt 1', text: ALT_1 }]);
    const show = await ndraft('show', '61');
    ok(show, /^Paragraph 61 · open · 0 brackets · 1 alternative\n/);
    expect(show.stdout).toContain(`\n${ALT_3}\n`);
    expect(show.stdout).toContain(`\nAlt 1\n  ${ALT_1}\n`);
  });

  it('agree 61 is now refused, naming the alternative', async () => {
    const before = readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8');
    const count = historyIds().length;
    const result = await ndraft('agree', '61');
    refused(result, /alternative "Alt 1"/);
    expect(result.stderr).toBe('error: alternative "Alt 1" [UNRESOLVED]\nndraft: paragraph 61 cannot be agreed: 1 place is unresolved\n');
    expect(readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8')).toBe(before);
    expect(historyIds()).toHaveLength(count);
  });

  it('accept 56 --bracket 1 --option 2 chooses "development"', async () => {
    ok(await ndraft('accept', '56', '--bracket', '1', '--option', '2'), '✓ Chose option 2 "development" of bracket 1 in text of paragraph 56\nParagraph 56: no brackets left\n');
    expect(read('56').text).toBe('We recognize and acknowledge the vital role played by many existing organizations in the technical development of the Internet.');
  });

  it('accept 76 --bracket 1 --drop drops [some]', async () => {
    ok(await ndraft('accept', '76', '--bracket', '1', '--drop'), '✓ Dropped bracket 1 [some] in text of paragraph 76\nParagraph 76: no brackets left\n');
    expect(read('76').text).toContain('for policy debate, we agree that adjustments need to be made');
    expect(read('76').text).not.toContain('[');
  });

  it('accept 71 "Alt 71g2", then agree 71 --item f', async () => {
    ok(await ndraft('accept', '71', 'Alt 71g2'), '✓ Accepted "Alt 71g2" as the text of item f) of paragraph 71 (the former text and 1 other alternative went to history)\nParagraph 71: no brackets left\n');
    ok(await ndraft('agree', '71', '--item', 'f'), '✓ Item f) of paragraph 71 is now agreed\nParagraph 71: no brackets left\n');
    const p71 = read('71');
    expect(p71.status).toBe('open');
    expect(p71.items[5]).toEqual({ label: 'f)', text: ALT_71G2, status: 'agreed' });
    expect(p71.items[4]?.status).toBe('agreed');
  });

  it('accept on agreed 60 is refused: reopen it first', async () => {
    const before = readFileSync(join(dir, 'paragraphs', '060.yaml'), 'utf8');
    const count = historyIds().length;
    const result = await ndraft('accept', '60', 'Alt 1');
    refused(result, /reopen/);
    expect(result.stderr).toBe('ndraft: paragraph 60 is agreed and locked; reopen it first with "ndraft reopen 60"\n');
    expect(readFileSync(join(dir, 'paragraphs', '060.yaml'), 'utf8')).toBe(before);
    expect(historyIds()).toHaveLength(count);
  });

  it('the draft still validates at the end, history included', async () => {
    const result = await runInProcess(['validate', '--draft', dir]);
    expect(result.status, result.stderr).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('✓ valid: 48 files, 0 errors, 4 warnings');
    expect(historyIds()).toHaveLength(9);
    expect(temporaryLeftovers(join(dir, 'paragraphs'))).toEqual([]);
    expect(temporaryLeftovers(join(dir, 'history'))).toEqual([]);
  });
});
