import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { showCommand } from '../../../src/cli/commands/show.js';
import { copyBundledDraft, removeTempDirs, fakeIo } from '../../helpers/sandbox.js';
import { NdraftError } from '../../../src/diagnostics/diagnostic.js';



const copyDraft = (): string => copyBundledDraft();

const draft = copyDraft();

async function show(number: string, io = fakeIo(), json = false): Promise<string> {
  expect(await showCommand(number, { draft, json }, io)).toBe(0);
  return io.out;
}

afterAll(removeTempDirs);

describe('ndraft show', () => {
  it('shows 61: bracketed as a whole as a flag, bracket 1 inside Alt 2', async () => {
    const out = await show('61');
    const lines = out.split('\n');
    expect(lines[0]).toBe('Paragraph 61 · open · bracketed as a whole · 1 bracket · 3 alternatives');
    expect(lines[2]).toMatch(/^We underline the importance of the prosecution of cybercrime.*Convention on Cybercrime\.$/);
    expect(lines.slice(4, 10).filter((_, i) => i % 2 === 0)).toEqual(['Alt 1', 'Alt 2', 'Alt 3']);
    expect(lines[7]).toBe(
      '  We further underline ¹[the importance of efficient mechanisms and effective instruments at national and international levels, and] the necessity to promote international cooperation to this end.',
    );
    expect(out.match(/[¹²³⁴⁵⁶⁷⁸⁹⁰]\[/gu)).toEqual(['¹[']);
    expect(out.endsWith('Brackets\n  ¹  Alt 2  keep or drop  the importance of efficient mechanisms and effective instru…\n')).toBe(true);
  });

  it('shows 56 with a choice of two options', async () => {
    expect(await show('56')).toBe(
      [
        'Paragraph 56 · open · 1 bracket · 0 alternatives',
        '',
        'We recognize and acknowledge the vital role played by many existing organizations in the technical ¹[management/development] of the Internet.',
        '',
        'Brackets',
        '  ¹  text  choose one of 2  management / development',
        '',
      ].join('\n'),
    );
  });

  it('shows 71 with its agreed item e) and the alternatives of item f)', async () => {
    const lines = (await show('71')).split('\n');
    expect(lines[0]).toBe('Paragraph 71 · open · 0 brackets · 2 item alternatives');
    expect(lines.map((l) => l.slice(0, 8))).toEqual([
      'Paragrap',
      '',
      'We ackno',
      '  a) Pro',
      '  b) Set',
      '  c) Rec',
      '  d) Enc',
      '  e) Pro',
      '  f) Enc',
      '     Alt',
      '       E',
      '     Alt',
      '       E',
      '',
    ]);
    expect(lines[7]).toMatch(/especially for use in developing countries; \(Agreed\)$/);
    expect(lines[9]).toBe('     Alt 71g1');
    expect(lines[11]).toBe('     Alt 71g2');
    expect(lines[12]).toBe('       Encouraging relevant parties to negotiate special and reduced interconnection costs for LDCs, in accordance with relevant multilateral trade rules.');
  });

  it('shows 76 with [some] and its bullets', async () => {
    const lines = (await show('76')).split('\n');
    expect(lines[0]).toBe('Paragraph 76 · open · 1 bracket · 0 alternatives');
    expect(lines[2]).toContain('we agree that ¹[some] adjustments need to be made');
    expect(lines.slice(3, 8)).toEqual([
      '  · Approach: evolutionary; incremental',
      '  · Framework for interface between existing and future arrangements',
      '  · Governance/oversight function: (models)',
      '  · Recommended mandate and structure, subject to agreement on the interface.',
      '  · Possible forum.',
    ]);
    expect(lines.slice(-3)).toEqual(['Brackets', '  ¹  text  keep or drop  some', '']);
  });

  it('prints the paragraph and its numbered brackets as JSON', async () => {
    const view = JSON.parse(await show('61', fakeIo(), true));
    expect(Object.keys(view)).toEqual(['address', 'number', 'status', 'bracketed', 'text', 'items', 'alternatives', 'brackets']);
    expect(view).toMatchObject({ address: '61', number: '61', status: 'open', bracketed: true, items: [] });
    expect(view.alternatives.map((a: { label: string }) => a.label)).toEqual(['Alt 1', 'Alt 2', 'Alt 3']);
    expect(view.brackets).toEqual([
      {
        n: 1,
        where: 'Alt 2',
        kind: 'optional',
        options: ['the importance of efficient mechanisms and effective instruments at national and international levels, and'],
        depth: 0,
      },
    ]);

    const v56 = JSON.parse(await show('56', fakeIo(), true));
    expect(v56.brackets).toEqual([{ n: 1, where: 'text', kind: 'choice', options: ['management', 'development'], depth: 0 }]);

    const v71 = JSON.parse(await show('71', fakeIo(), true));
    expect(v71.brackets).toEqual([]);
    expect(v71.items[4]).toMatchObject({ label: 'e)', status: 'agreed' });
    expect(v71.items[5].alternatives.map((a: { label: string }) => a.label)).toEqual(['Alt 71g1', 'Alt 71g2']);
  });

  it('prints plain text when stdout is not a terminal or NO_COLOR is set', async () => {
    expect(await show('61', fakeIo(false))).not.toContain('\u001b[');
    expect(await show('61', fakeIo(true, { NO_COLOR: '1' }))).not.toContain('\u001b[');
  });

  it('colours brackets in a terminal', async () => {
    const out = await show('56', fakeIo(true, { FORCE_COLOR: '1' }));
    expect(out).toContain('\u001b[33m¹[management\u001b[1m\u001b[7m/\u001b[27m\u001b[22mdevelopment]\u001b[39m');
    expect(out).toContain('\u001b[1mParagraph 56\u001b[22m');
  });

  it('dims a deleted paragraph and says it is deleted', async () => {
    const dir = copyDraft();
    const file = join(dir, 'paragraphs', '039.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: agreed', 'status: deleted'));
    const io = fakeIo(true, { FORCE_COLOR: '1' });
    await showCommand('39', { draft: dir }, io);
    expect(io.out.startsWith('\u001b[2m')).toBe(true);
    expect(io.out).toContain('deleted');
    const plain = fakeIo();
    await showCommand('39', { draft: dir }, plain);
    expect(plain.out.split('\n')[0]).toBe('Paragraph 39 · deleted · 0 brackets · 0 alternatives');
  });

  it('refuses an unknown number and names the nearest ones', async () => {
    const error = await showCommand('80', { draft }, fakeIo()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NdraftError);
    expect(error).toMatchObject({ kind: 'input', message: 'no paragraph 80 in this draft (its 38 paragraphs run from 39 to 76); nearest: 76' });

    await expect(showCommand('61bis', { draft }, fakeIo())).rejects.toThrow(/^no paragraph 61bis in this draft .*; nearest: 61$/);
    await expect(showCommand('20', { draft }, fakeIo())).rejects.toThrow(/; nearest: 39$/);
    await expect(showCommand('061', { draft }, fakeIo())).rejects.toThrow(/; did you mean 61\?$/);
    await expect(showCommand('61.', { draft }, fakeIo())).rejects.toThrow(/; did you mean 61\?$/);
    await expect(showCommand('xyz', { draft }, fakeIo())).rejects.toThrow(/^no paragraph xyz in this draft \(its 38 paragraphs run from 39 to 76\)$/);
  });
});
