import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportInput } from '../../../src/export/export-input.js';
import type { Draft, Paragraph } from '../../../src/model/schemas.js';
import { layoutLines, type LaidLine } from '../../../src/render/pdf/layout-lines.js';
import { describeFallback, pdfFallback } from '../../../src/render/pdf/pdf-fallback.js';
import { nativePdf, renderPdf } from '../../../src/render/pdf/render-pdf.js';
import { TinosFaces } from '../../../src/render/pdf/tinos-faces.js';
import { loadDraft } from '../../../src/store/load-draft.js';
import { checkDraft } from '../../../src/validate/check-draft.js';
import { hasCommand } from '../../helpers/pdf-fixtures.js';
import { BUNDLED_DRAFT, makeTempDir, removeTempDirs } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

const bundledDraft = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;
const bundled = (): Draft => structuredClone(bundledDraft);
const faces = new TinosFaces();
const pdftotext = hasCommand('pdftotext');
if (!pdftotext) console.warn('SKIPPED: pdftotext not installed, so the PDF text is not read back (apt-get install poppler-utils)');

function textOf(pdf: Uint8Array, ...args: string[]): string {
  const file = join(makeTempDir('pdf-text'), 'x.pdf');
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout;
}

const width = (line: LaidLine) => {
  const last = line.segments[line.segments.length - 1];
  if (last === undefined) return 0;
  let spaces = 0;
  for (const f of last.fragments) spaces += f.text.split(' ').length - 1;
  return last.x + last.fragments.reduce((sum, f) => sum + f.width, 0) + spaces * line.extra;
};
const lineText = (line: LaidLine) => line.segments.map((s) => s.fragments.map((f) => f.text).join('')).join('|');

describe('layoutLines', () => {
  const words = 'We reaffirm the principles enunciated in the Geneva phase of the WSIS, in December 2003, that the Internet has evolved into a global facility.';

  it('justifies every line to the measure but the last, and breaks at spaces only', () => {
    const lines = layoutLines([{ text: words, style: {} }], { size: 12, width: 200, left: 0, hanging: 0, align: 'justify' }, faces);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) expect(width(line)).toBeCloseTo(200, 3);
    expect((lines[lines.length - 1] as LaidLine).extra).toBe(0);
    expect(lines.map(lineText).join(' ')).toBe(words);
  });

  it('sets a hanging indent: the number at the margin, the text from the tab on, the next lines under the text', () => {
    const lines = layoutLines([{ text: '61.', style: { bold: true } }, { text: '\t', style: {} }, { text: words, style: {} }], { size: 12, width: 300, left: 28, hanging: 28, align: 'justify' }, faces);
    expect(lines[0]?.segments.map((s) => s.x)).toEqual([0, 28]);
    for (const line of lines.slice(1)) expect(line.segments[0]?.x).toBe(28);
  });

  it('keeps words joined by a no-break space on one line, and cuts a word wider than the line', () => {
    const joined = 'aaa bbb ccc ddd eee fff ggg hhh iii\u00a0jjj kkk';
    for (let w = 60; w < 200; w += 7) {
      const lines = layoutLines([{ text: joined, style: {} }], { size: 12, width: w, left: 0, hanging: 0, align: 'left' }, faces).map(lineText);
      expect(lines.some((l) => l.includes('iii\u00a0jjj')), lines.join(' / ')).toBe(true);
    }
    const long = layoutLines([{ text: 'x'.repeat(100), style: {} }], { size: 12, width: 100, left: 0, hanging: 0, align: 'justify' }, faces);
    expect(long.length).toBeGreaterThan(3);
    expect(long.map(lineText).join('')).toBe('x'.repeat(100));
    for (const line of long) expect(width(line)).toBeLessThanOrEqual(100.01);
  });
});

describe('pdfFallback', () => {
  const hasGlyph = (c: number) => faces.face('regular').hasGlyph(c);

  it('passes Latin text, accents, dashes and quotes', () => {
    expect(pdfFallback('We note “the Parties’ views” — in 2025 (Agreed)', 'paragraph 1', hasGlyph)).toBeUndefined();
    expect(pdfFallback('Côte d’Ivoire, Łódź, Ærø, São Tomé: €5\u00a0000', 'paragraph 1', hasGlyph)).toBeUndefined();
  });

  it('names right-to-left text, scripts that need shaping and characters Tinos lacks, with the first such character', () => {
    expect(pdfFallback('The delegation of Egypt: نص عربي', 'paragraph 12', hasGlyph)).toEqual({ reason: 'right-to-left text', character: 'ن', where: 'paragraph 12' });
    expect(pdfFallback('שלום', 'the title', hasGlyph)?.reason).toBe('right-to-left text');
    expect(pdfFallback('India: हिन्दी', 'paragraph 3', hasGlyph)).toMatchObject({ reason: 'a script that needs shaping', character: 'ह' });
    expect(pdfFallback('ภาษาไทย', 'paragraph 3', hasGlyph)?.reason).toBe('a script that needs shaping');
    expect(pdfFallback('e\u0301', 'paragraph 3', hasGlyph)?.reason).toBe('a script that needs shaping');
    expect(pdfFallback('China: 中文', 'section 2', hasGlyph)).toEqual({ reason: 'a character the Tinos font has no glyph for', character: '中', where: 'section 2' });
    expect(describeFallback({ reason: 'right-to-left text', character: 'ن', where: 'paragraph 12' })).toBe(
      'paragraph 12 has right-to-left text (U+0646 "ن"), which ndraft\'s own PDF writer cannot set, so the PDF is printed by Chromium from the HTML export',
    );
  });

  it('leaves invisible format characters out, but not right-to-left marks', () => {
    expect(pdfFallback('zero\u200bwidth, soft\u00adhyphen, joiner\u200d, mark\u200e', 'paragraph 1', hasGlyph)).toBeUndefined();
    expect(pdfFallback('Latin with a right-to-left mark\u200f', 'paragraph 1', hasGlyph)).toMatchObject({ reason: 'right-to-left text', character: '\u200f' });
  });

  it.skipIf(!pdftotext)('draws a paragraph with a zero-width space without it', () => {
    const draft = bundled();
    (draft.paragraphs.find((q) => q.number === '42') as Paragraph).text = 'We thank the Secretary\u200b-General.';
    const result = nativePdf(exportInput(draft, 'compilation'), faces);
    expect('pdf' in result && textOf(result.pdf)).toContain('We thank the Secretary-General.');
  });

  it('is what nativePdf answers for a draft with an Arabic paragraph, naming the paragraph', () => {
    const draft = bundled();
    const p = draft.paragraphs.find((q) => q.number === '42') as Paragraph;
    p.text = `${p.text} (نص عربي)`;
    expect(nativePdf(exportInput(draft, 'compilation'), faces)).toEqual({ fallback: { reason: 'right-to-left text', character: 'ن', where: 'paragraph 42' } });
    expect(() => renderPdf(exportInput(draft, 'compilation'), faces)).toThrow(/paragraph 42 has right-to-left text/);
  });
});

describe('renderPdf', () => {
  it('writes the same bytes for the same draft, and a PDF with the pages, title and producer', () => {
    const input = exportInput(bundled(), 'compilation', { header: { symbol: 'A/CONF.999/L.1', date: '2026-11-30' } });
    const a = renderPdf(input, new TinosFaces());
    const b = renderPdf(input, new TinosFaces());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const text = Buffer.from(a).toString('latin1');
    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toMatch(/\/Producer \(ndraft \d+\.\d+\.\d+\) \/CreationDate \(D:20261130000000Z\)/);
    // Without a date in the header, no time at all.
    expect(Buffer.from(renderPdf(exportInput(bundled(), 'compilation', { header: {} }), faces)).toString('latin1')).not.toContain('/CreationDate');
    expect(text).toMatch(/\/Type \/Outlines/);
  });

  it('says which file is missing when the Tinos fonts are not installed', () => {
    const root = makeTempDir('no-fonts');
    writeFileSync(join(root, 'package.json'), '{"name":"x"}');
    expect(() => renderPdf(exportInput(bundled(), 'compilation'), new TinosFaces(root))).toThrow(/lays its text out in the Tinos font, and .*Tinos_\w+\.ttf is missing: reinstall ndraft/);
  });

  it.skipIf(!pdftotext)('puts the furniture on every page: symbol and running title at the top, n / N at the foot', () => {
    const pdf = renderPdf(exportInput(bundled(), 'clean', { header: { symbol: 'A/CONF.999/L.1' } }), faces);
    const pages = textOf(pdf).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain('A/CONF.999/L.1');
      expect(page).toContain(`${bundledDraft.meta.title} (clean text)`);
      // pdftotext reads the narrow spaces of the 10 pt footer as none.
      expect(page.trimEnd().split('\n').pop()?.trim()).toMatch(new RegExp(`^${i + 1} ?/ ?${pages.length}$`));
    });
  });

  it.skipIf(!pdftotext)('reads back accents, quotes, dashes, the euro and no-break spaces as written (two-byte codes beside one-byte ASCII)', () => {
    const draft = bundled();
    const p = draft.paragraphs.find((q) => q.number === '42') as Paragraph;
    p.text = 'Côte d’Ivoire and Łódź — “Ærø” (São Tomé): €5\u00a0000 [a/b] \\ (x)';
    const text = textOf(renderPdf(exportInput(draft, 'compilation'), faces));
    expect(text).toContain('42.');
    expect(text.replace(/\s+/g, ' ')).toContain('Côte d’Ivoire and Łódź — “Ærø” (São Tomé): €5 000 [a/b] \\ (x)');
  });

  it.skipIf(!pdftotext)('numbers each line of negotiated text as paragraphLineBlocks breaks it, never wrapping one again', () => {
    const draft = bundled();
    const p = draft.paragraphs.find((q) => q.number === '42') as Paragraph;
    const text = textOf(renderPdf(exportInput(draft, 'compilation', { lineNumbers: true }), faces), '-layout');
    // Paragraph 42: "We thank the UN Secretary-General …" — 80-character lines, each with its number.
    const lines = text.split('\n');
    const start = lines.findIndex((l) => /^\s*1\s+42\.\s/.test(l));
    const end = lines.findIndex((l, i) => i > start && /^\s*1\s+43\.\s/.test(l));
    const block = lines.slice(start, end).join('\n');
    const numbered = lines.slice(start, end).filter((l) => /^\s*\d+\s/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(numbered).toEqual(['1', '2', '3']);
    expect(block.replace(/\s+\d+\s+/g, ' ')).toContain('establishing the Working');
    expect(p.text.length).toBeGreaterThan(160);
  });
});
