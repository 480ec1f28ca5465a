import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportInput } from '../../../src/export/export-input.js';
import type { Draft } from '../../../src/model/schemas.js';
import { renderPdf } from '../../../src/render/pdf/render-pdf.js';
import { TinosFaces } from '../../../src/render/pdf/tinos-faces.js';
import { TrueTypeFont } from '../../../src/render/pdf/truetype-font.js';
import { loadDraft } from '../../../src/store/load-draft.js';
import { checkDraft } from '../../../src/validate/check-draft.js';
import { hasCommand } from '../../helpers/pdf-fixtures.js';
import { BUNDLED_DRAFT, makeTempDir, REPO_ROOT, removeTempDirs } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

const TINOS = join(REPO_ROOT, 'node_modules', '@expo-google-fonts', 'tinos');
const regular = new TrueTypeFont(new Uint8Array(readFileSync(join(TINOS, '400Regular', 'Tinos_400Regular.ttf'))), 'Tinos-Regular');
const bold = new TrueTypeFont(new Uint8Array(readFileSync(join(TINOS, '700Bold', 'Tinos_700Bold.ttf'))), 'Tinos-Bold');
const poppler = hasCommand('pdffonts') && hasCommand('pdftoppm');
if (!poppler) console.warn('SKIPPED: poppler-utils not installed, so the embedded subsets are not checked with pdffonts and pdftoppm (apt-get install poppler-utils)');

/** Advance widths in thousandths of an em, as PDF widths arrays give them. */
const em = (font: TrueTypeFont, ch: string) => Math.round((font.advance(font.glyphId(ch.codePointAt(0) as number)) * 1000) / font.metrics.unitsPerEm);

describe('TrueTypeFont on Tinos', () => {
  it('gives the glyphs and the widths of Times New Roman (Tinos is metric-compatible)', () => {
    expect(regular.metrics.unitsPerEm).toBe(2048);
    // Times New Roman: space 250, A 722, a 444, 1 500, [ 333, em dash 1000; bold A 722, bold a 500.
    expect([' ', 'A', 'a', '1', '[', '—'].map((ch) => em(regular, ch))).toEqual([250, 722, 444, 500, 333, 1000]);
    expect([' ', 'A', 'a'].map((ch) => em(bold, ch))).toEqual([250, 722, 500]);
    expect(regular.glyphId(0x41)).toBeGreaterThan(0);
    expect(regular.glyphId(0x41)).not.toBe(regular.glyphId(0x42));
    // Latin beyond ASCII, and no glyph for CJK or Arabic.
    for (const ch of 'éøŁœ€’“') expect(regular.hasGlyph(ch.codePointAt(0) as number), ch).toBe(true);
    for (const ch of '中ا') expect(regular.hasGlyph(ch.codePointAt(0) as number), ch).toBe(false);
  });

  it('has the descriptor metrics of a serif roman and an italic', () => {
    expect(regular.metrics.ascent).toBeGreaterThan(1500);
    expect(regular.metrics.descent).toBeLessThan(0);
    expect(regular.metrics.italicAngle).toBe(0);
    expect(regular.metrics.flags).toBe(34);
    const italic = new TrueTypeFont(new Uint8Array(readFileSync(join(TINOS, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'))), 'Tinos-Italic');
    expect(italic.metrics.italicAngle).toBeLessThan(0);
    expect(italic.metrics.flags & 64).toBe(64);
  });

  it('subsets to the glyphs used, keeping every glyph id, advance and checksum right', () => {
    const used = [...'Agreed [a/b]'].map((ch) => regular.glyphId(ch.codePointAt(0) as number));
    const subset = regular.subset(used);
    expect(subset.length).toBeLessThan(readFileSync(join(TINOS, '400Regular', 'Tinos_400Regular.ttf')).length / 5);
    const view = new DataView(subset.buffer, subset.byteOffset, subset.byteLength);
    const table = (tag: string) => {
      for (let i = 0; i < view.getUint16(4); i++) if (String.fromCharCode(...subset.subarray(12 + i * 16, 16 + i * 16)) === tag) return view.getUint32(12 + i * 16 + 8);
      throw new Error(`no ${tag}`);
    };
    // Long loca offsets (head's indexToLocFormat 1), one per glyph and one more: every glyph id stays.
    expect(view.getInt16(table('head') + 50)).toBe(1);
    expect(view.getUint16(table('maxp') + 4)).toBe(regular.numGlyphs);
    const glyphLength = (g: number) => view.getUint32(table('loca') + (g + 1) * 4) - view.getUint32(table('loca') + g * 4);
    for (const g of used.filter((g) => g !== regular.glyphId(32))) expect(glyphLength(g), `glyph ${g}`).toBeGreaterThan(0);
    expect(glyphLength(regular.glyphId(0x5a))).toBe(0); // Z is not used
    expect(view.getUint16(table('hmtx') + regular.glyphId(0x41) * 4)).toBe(regular.advance(regular.glyphId(0x41)));
    // The whole file sums to 0xB1B0AFBA once head's checkSumAdjustment is in.
    let sum = 0;
    for (let at = 0; at < subset.length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    const tables = Array.from({ length: view.getUint16(4) }, (_, i) => String.fromCharCode(...subset.subarray(12 + i * 16, 16 + i * 16)));
    expect(tables).toEqual(['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep']);
  });

  it('refuses a damaged font with an input error instead of reading past its end', () => {
    const bytes = new Uint8Array(readFileSync(join(TINOS, '400Regular', 'Tinos_400Regular.ttf'))).slice(0, 4000);
    expect(() => new TrueTypeFont(bytes, 'cut.ttf')).toThrow(/the font cut\.ttf cannot be read: table \S+ runs past the end/);
  });

  it.skipIf(!poppler)('embeds subsets that pdffonts lists as embedded subsets and pdftoppm renders without a complaint', async () => {
    const draft = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;
    const dir = makeTempDir('pdf-fonts');
    const file = join(dir, 'draft.pdf');
    writeFileSync(file, renderPdf(exportInput(draft, 'compilation'), new TinosFaces()));
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts.stderr).toBe('');
    const rows = fonts.stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.map((r) => r.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Tinos-Bold', 'Tinos-BoldItalic', 'Tinos-Italic', 'Tinos-Regular']);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+Tinos-\S+\s+CID TrueType\s+Custom\s+yes yes yes/);
    const render = spawnSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')], { encoding: 'utf8' });
    expect(render.status).toBe(0);
    expect(render.stderr).toBe('');
  });
});
