import { afterAll, describe, expect, it } from 'vitest';
import { showCommand } from '../../../src/cli/commands/show.js';
import { statusCommand } from '../../../src/cli/commands/status.js';
import { outputOf, removeTempDirs } from '../../helpers/sandbox.js';
import { spansDraft } from '../../helpers/span-draft.js';

afterAll(removeTempDirs);

const draft = spansDraft();
const show = (ref: string, json = false) => outputOf((io) => showCommand(ref, { draft, json }, io));

describe('ndraft show: bracket spans', () => {
  it('shows that paragraph 3 opens span 1, which continues in paragraph 4, numbered for accept --span', async () => {
    expect(await show('3')).toBe(
      [
        'Paragraph 3 · open · 0 brackets · in a bracket span (paragraphs 3–4) · 0 alternatives',
        '',
        'ˢ¹[Also requests the secretariat to organize, subject to the availability of financial resources, an in-forum workshop on economic diversification, and to prepare a technical paper on the work of the forum;',
        '',
        'Bracket spans (one bracket over several texts: ndraft accept 3 --span N --keep or --drop settles all of it)',
        '  ˢ¹  paragraphs 3–4  opens in the text, continues in paragraph 4  Also requests the secretariat to organize, subject to the a…',
        '',
      ].join('\n'),
    );
  });

  it('shows paragraph 4 closing it, with its own bracket numbered apart', async () => {
    const lines = (await show('4')).split('\n');
    expect(lines[0]).toBe('Paragraph 4 · open · 1 bracket · in a bracket span (paragraphs 3–4) · 0 alternatives');
    expect(lines[2]).toMatch(/by ¹\[31 March\] 2016, .* bodies;\]ˢ¹$/u);
    expect(lines.slice(-2)).toEqual(['  ˢ¹  paragraphs 3–4  from paragraph 3, closes in the text  Also requests the secretariat to organize, subject to the a…', '']);
  });

  it('shows the span from item (j) to sub-item (v), and what it covers', async () => {
    const out = await show('5');
    expect(out).toContain('  (j) ˢ²[Assessment and analysis of impacts, including:\n');
    expect(out).toContain('  (v) capacity-building for the use of such tools;]ˢ²\n');
    expect(out).toContain('  ˢ²  paragraph 5, items (j) to (v)  opens in item (j), covers items (i) to (iv), closes in item (v)  Assessment and analysis of impacts, including: economic mod…\n');
  });

  it('--json lists the spans with what they cover and do there', async () => {
    const view = JSON.parse(await show('4', true));
    expect(view.spans).toEqual([{ span: 1, edge: 'closes' }]);
    expect(view.bracketSpans).toEqual([
      {
        span: 1,
        extent: 'paragraphs 3–4',
        role: 'from paragraph 3, closes in the text',
        here: [{ where: 'text', edge: 'closes' }],
        paragraphs: ['3', '4'],
        words: expect.stringMatching(/^Also requests the secretariat .* the forum; Invites Parties .* subsidiary bodies;$/u),
      },
    ]);
  });

  it('status counts each span once', async () => {
    const out = await outputOf((io) => statusCommand({ draft }, io));
    expect(out.split('\n')[1]).toBe('7 paragraphs: 1 agreed, 0 agreed ad ref, 6 open, 0 deleted; 5 open brackets, 0 bracketed paragraphs, 0 alternatives');
  });
});
