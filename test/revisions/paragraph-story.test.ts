import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, describe, expect, it } from 'vitest';
import { paragraphStoryJson, renderParagraphStory } from '../../src/render/render-paragraph-story.js';
import { openDraft } from '../../src/cli/open-draft.js';
import { openedSide } from '../../src/cli/opened-side.js';
import { paragraphStory } from '../../src/revisions/paragraph-story.js';
import { editFile, makeTempDir, removeTempDirs, runNdraft, SMALL_TEXT } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const dir = join(makeTempDir('story'), 'draft');
const ndraft = (...args: string[]) => {
  const result = runNdraft([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Chair' } });
  expect(result.status, result.stderr).toBe(0);
};

describe('paragraphStory', () => {
  it('follows one paragraph through each revision and the working draft, by address', async () => {
    expect(runNdraft(['import', SMALL_TEXT, '--out', dir], { env: { NDRAFT_AUTHOR: 'Chair' } }).status).toBe(0);
    ndraft('accept', '2', '--bracket', '1', '--keep');
    ndraft('snapshot', 'Rev.1');
    ndraft('snapshot', 'Rev.2');
    // A hand edit after the last revision counts: the working draft is read as it is.
    editFile(dir, 'paragraphs/002.yaml', (text) => text.replace('capacity building', 'capacity-building'));

    const steps = await paragraphStory(dir, '2');
    expect(steps.map((s) => [s.revision, s.state, s.paragraph?.status, s.counts?.brackets])).toEqual([
      ['import', 'first', 'open', 1],
      ['Rev.1', 'changed', 'open', 0],
      ['Rev.2', 'unchanged', 'open', 0],
      ['working', 'changed', 'open', 0],
    ]);
    expect(steps[1]?.change?.bracketsRemoved).toBe(1);
    expect(steps[3]?.change?.kinds).toEqual(['reworded']);
    // The draft as a command opened it (log --revisions) stands for the working draft: the same story.
    expect(await paragraphStory(dir, '2', openedSide(await openDraft(dir, dir)))).toEqual(steps);

    const text = renderParagraphStory('2', steps, 'plain', new Chalk({ level: 0 }));
    expect(text.replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '<time> UTC')).toBe(
      [
        'Paragraph 2 in 3 revisions and the working draft',
        '',
        'import, <time> UTC: open; 1 bracket, no alternatives',
        '  text: We recognize that capacity building matters:',
        '  item a): for developing countries;',
        '  item b): for [small island] States.',
        '',
        'Rev.1, <time> UTC: open; no brackets, no alternatives',
        '  changed: 1 bracket removed',
        '  item b): for [-[small island]-]{+small island+} States.',
        '',
        'Rev.2, <time> UTC: unchanged',
        '',
        'working (now): open; no brackets, no alternatives',
        '  changed: reworded',
        '  text: We recognize that [-capacity building-]{+capacity-building+} matters:',
      ].join('\n'),
    );
    const json = paragraphStoryJson('2', steps) as { revisions: { state: string; change?: { phrases: string[] } }[] };
    expect(json.revisions.map((r) => r.change?.phrases ?? [])).toEqual([[], ['1 bracket removed'], [], ['reworded']]);
  });

  it('is absent where a revision does not have the paragraph', async () => {
    const steps = await paragraphStory(dir, 'no-such');
    expect(steps.map((s) => s.state)).toEqual(['absent', 'absent', 'absent', 'absent']);
  });
});
