import { afterAll, describe, expect, it } from 'vitest';
import { statusCommand } from '../../../src/cli/commands/status.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyBundledDraft, makeTempDir, removeTempDirs, fakeIo, runNdraft } from '../../helpers/sandbox.js';


const copyDraft = (): string => copyBundledDraft();

afterAll(removeTempDirs);

describe('ndraft status', () => {
  it('prints the totals and a row per section and subsection', async () => {
    const io = fakeIo(false);
    expect(await statusCommand({ draft: copyDraft() }, io)).toBe(0);
    const lines = io.out.split('\n');
    expect(lines[0]).toBe('WSIS Tunis phase: Internet governance (paragraphs 39–76)');
    expect(lines[1]).toBe('38 paragraphs: 22 agreed, 0 agreed ad ref, 16 open, 0 deleted; 4 open brackets, 1 bracketed paragraph, 5 alternatives');
    expect(io.out).toMatch(/^1 Introduction +6 +6 +0 +0 +0 +0 +0 +0$/m);
    expect(io.out).toMatch(/^ {2}3b Public policy issues related to the use of… +10 +9 +0 +1 +0 +1 +1 +3$/m);
    expect(io.out).toMatch(/^Total +38 +22 +0 +16 +0 +4 +1 +5$/m);
    expect(io.out).not.toContain('█');
    expect(io.out).not.toContain('\u001b[');
  });

  it('names the paragraphs before the first heading so (a preamble\'s clauses)', async () => {
    const dir = makeTempDir('status-untitled');
    writeFileSync(join(dir, 'in.txt'), 'The Parties to this Agreement,\n\nRecalling the Convention,\n\nArticle 1\n\n1. One.\n');
    expect((await runNdraft(['import', 'in.txt', '--out', 'd'], { cwd: dir })).status).toBe(0);
    const io = fakeIo(false);
    expect(await statusCommand({ draft: join(dir, 'd') }, io)).toBe(0);
    expect(io.out).toMatch(/^\(before any heading\) +2 +0 +0 +2 +0 +0 +0 +0$/m);
    expect(io.out).toMatch(/^Article 1 +1 /m);
  });

  it('draws a progress bar per section in a terminal', async () => {
    const io = fakeIo(true, { NO_COLOR: '1' });
    await statusCommand({ draft: copyDraft() }, io);
    expect(io.out).toMatch(/^1 Introduction .* █{20} 100%$/m);
    expect(io.out).toMatch(/^Total .* █{12}░{8}  58%$/m);
  });

  it('gives the counts as JSON', async () => {
    const io = fakeIo(false);
    await statusCommand({ draft: copyDraft(), json: true }, io);
    const status = JSON.parse(io.out);
    expect(status.paragraphs).toEqual({ total: 38, agreed: 22, agreedAdRef: 0, open: 16, deleted: 0 });
    expect(status.brackets).toBe(4);
    expect(status.alternatives).toBe(5);
    expect(status.sections.map((s: { number: string }) => s.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(status.sections[2].subsections.map((s: { number: string; paragraphs: { total: number } }) => [s.number, s.paragraphs.total])).toEqual([
      ['3a', 12],
      ['3b', 10],
    ]);
  });
});
