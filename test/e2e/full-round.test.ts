/**
 * The round exactly as a facilitator runs it on paragraph 61, in order, through bin/ndraft:
 * compare the three wordings, streamline Alt 1 and Alt 2, accept Alt 3 instead, keep the
 * paragraph, resolve what is left, agree, undo the agreement, restore Alt 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { paragraphSchema, type Paragraph } from '../../src/model/schemas.js';
import { copyBundledDraft, removeTempDirs, runInProcess, type RunResult, ok } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const dir = copyBundledDraft('full-round');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Facilitator' } });
const read = (number: string): Paragraph => paragraphSchema.parse(parse(readFileSync(join(dir, 'paragraphs', `0${number}.yaml`), 'utf8')));

const MERGED =
  'We further underline [[the importance of efficient mechanisms and effective instruments at national and international levels, and]] the necessity [of effective instruments and efficient mechanisms at national and international levels, and the importance] to promote international cooperation to this end.';

describe('the facilitator\'s round on paragraph 61', () => {
  it('1. compares the three wordings word by word, with a similarity figure for each', async () => {
    const out = ok(await ndraft('diff', '61', '--format', 'plain'));
    expect(out).toContain('{+tools and+} mechanisms{+,+} at national and international levels');
    expect(out).toMatch(/^Alt 2 vs Alt 1: 46% similar \(28 words differ\)$/m);
    expect(out).toMatch(/^Alt 3 vs Alt 1: 69% similar \(17 words differ\)$/m);
  });

  it('2. streamlines Alt 1 and Alt 2: a preview with a collision report, then --apply', async () => {
    const preview = ok(await ndraft('merge', '61', 'Alt 1', 'Alt 2'));
    expect(preview).toContain(MERGED);
    expect(preview).toContain('Collision report: 2 brackets; 28 words in contest, 12 agreed (Alt 1 + Alt 2)');
    expect(read('61').alternatives).toHaveLength(3);
    const applied = ok(await ndraft('merge', '61', 'Alt 1', 'Alt 2', '--apply', '-m', 'first reading'));
    expect(applied).toMatch(/^✓ Merged "Alt 1", "Alt 2" into the text of paragraph 61: 2 brackets/);
    expect(read('61')).toMatchObject({ text: MERGED, alternatives: [{ label: 'Alt 3' }] });
  });

  it('3. accepts Alt 3 instead, 4. keeps the paragraph', async () => {
    ok(await ndraft('accept', '61', 'Alt 3'));
    ok(await ndraft('accept', '61', '--keep-paragraph'));
    expect(read('61')).toMatchObject({ bracketed: false, alternatives: [] });
    expect(read('61').text).toMatch(/^We further underline the necessity of effective and efficient tools/);
  });

  it('5. resolves what is left: Alt 3 had no brackets, so agree finds nothing open', async () => {
    const shown = ok(await ndraft('show', '61'));
    expect(shown).toMatch(/0 brackets · 0 alternatives/);
  });

  it('6. agrees 61, and sees it in status and log', async () => {
    ok(await ndraft('agree', '61'));
    expect(JSON.parse(ok(await ndraft('status', '--json'))).paragraphs.agreed).toBe(23);
    const log = ok(await ndraft('log', '61'));
    const commands = log.split('\n').filter((l) => l.includes('UTC')).map((l) => l.split('Facilitator  ')[1]);
    expect(commands).toEqual(['agree 61', 'accept 61 --keep-paragraph', 'accept 61 "Alt 3"', 'merge 61 "Alt 1" "Alt 2" --apply']);
    expect(log).toContain('first reading');
  });

  it('7. undoes the agreement', async () => {
    expect(ok(await ndraft('undo'))).toMatch(/^✓ Undid "agree 61" by Facilitator/);
    expect(read('61').status).toBe('open');
  });

  it('8. restores Alt 1, dropped by the merge', async () => {
    expect(ok(await ndraft('restore', '61', 'Alt 1'))).toMatch(/^✓ Restored "Alt 1" as alternative "Alt 1" of paragraph 61 \(dropped on .* by: merge 61 "Alt 1" "Alt 2" --apply\)/);
    expect(read('61').alternatives.map((a) => a.label)).toEqual(['Alt 1']);
    expect(ok(await ndraft('validate'))).toMatch(/✓ valid/);
  });
});
