import { createHash } from 'node:crypto';
import { num, type PdfFile } from './pdf-file.js';
import type { TrueTypeFont } from './truetype-font.js';

/** How many words a face remembers the width and codes of. */
const CACHE_LIMIT = 50_000;

/**
 * One face of the font as the pages use it: text to glyph codes (two bytes each, the glyph id:
 * Identity-H), widths in points, and at the end the font objects: Type0 over a CIDFontType2 with
 * the widths of the glyphs used, the subset as FontFile2 and a ToUnicode CMap, so that pdftotext,
 * pdf.js and `ndraft import x.pdf` read the words back.
 */
export class PdfFace {
  /** The glyph of each BMP code point (0: none); others are looked up in the font. */
  private readonly bmp = new Uint16Array(0x10000);
  /** Advance widths in thousandths of the font size, by glyph. */
  private readonly widths: Float64Array;
  /** The text each glyph used stands for (ToUnicode). */
  private readonly used = new Map<number, string>();
  private readonly hex: string[];
  /** Each glyph's two bytes as they stand in a literal string, escaped where they must be. */
  private readonly codes: string[];
  private readonly measured = new Map<string, number>();
  private readonly encoded = new Map<string, string>();
  readonly spaceWidth: number;

  constructor(
    readonly font: TrueTypeFont,
    /** `/F1`: the name the pages' resources give the face. */
    readonly resourceName: string,
  ) {
    for (let c = 0; c < 0x10000; c++) this.bmp[c] = font.glyphId(c);
    const scale = 1000 / font.metrics.unitsPerEm;
    this.widths = new Float64Array(font.numGlyphs);
    for (let g = 0; g < font.numGlyphs; g++) this.widths[g] = font.advance(g) * scale;
    this.hex = Array.from({ length: font.numGlyphs }, (_, g) => g.toString(16).padStart(4, '0'));
    this.codes = Array.from({ length: font.numGlyphs }, (_, g) => literalByte(g >> 8) + literalByte(g & 0xff));
    this.spaceWidth = this.widths[this.glyph(32)] ?? 250;
  }

  glyph(codePoint: number): number {
    return codePoint < 0x10000 ? (this.bmp[codePoint] as number) : this.font.glyphId(codePoint);
  }

  hasGlyph(codePoint: number): boolean {
    return this.glyph(codePoint) !== 0;
  }

  /** The width of `text` in thousandths of the font size (multiply by the size / 1000 for points). */
  measure(text: string): number {
    // Drafts repeat their words: measured once each.
    const known = this.measured.get(text);
    if (known !== undefined) return known;
    const width = this.measureNew(text);
    if (text.length < 40 && this.measured.size < CACHE_LIMIT) this.measured.set(text, width);
    return width;
  }

  private measureNew(text: string): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) c = (text.codePointAt(i++) as number);
      width += this.widths[this.glyph(c)] as number;
    }
    return width;
  }

  /**
   * `text` as the bytes of its glyph codes inside a PDF literal string `( … )` (latin1; half the
   * size of hex), each glyph remembered for the subset and ToUnicode.
   */
  encode(text: string): string {
    const known = this.encoded.get(text);
    if (known !== undefined) return known;
    const hex = this.encodeNew(text);
    if (text.length < 40 && this.encoded.size < CACHE_LIMIT) this.encoded.set(text, hex);
    return hex;
  }

  private encodeNew(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      let chars = text[i] as string;
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
        c = text.codePointAt(i) as number;
        chars = text.slice(i, i + 2);
        i++;
      }
      const g = this.glyph(c);
      if (!this.used.has(g)) this.used.set(g, c === 0xa0 ? ' ' : chars);
      out += this.codes[g] as string;
    }
    return out;
  }

  get isUsed(): boolean {
    return this.used.size > 0;
  }

  /** Writes the face's objects; returns the number of its Type0 font dictionary. */
  write(file: PdfFile): number {
    const glyphs = [...this.used.keys()].sort((a, b) => a - b);
    const m = this.font.metrics;
    const scale = 1000 / m.unitsPerEm;
    // A subset's name starts with six capitals made from what it holds (PDF 32000-1, 9.6.4).
    const tag = [...createHash('sha1').update(glyphs.join(',')).digest()].slice(0, 6).map((b) => String.fromCharCode(65 + (b % 26))).join('');
    const name = `${tag}+${m.postScriptName}`;
    const subset = this.font.subset(glyphs);
    const fontFile = file.addStream(subset, ` /Length1 ${subset.length}`);
    const descriptor = file.add(
      `<< /Type /FontDescriptor /FontName /${name} /Flags ${m.flags} /FontBBox [${m.bbox.map((v) => num(v * scale)).join(' ')}] /ItalicAngle ${num(m.italicAngle)}` +
        ` /Ascent ${num(m.ascent * scale)} /Descent ${num(m.descent * scale)} /CapHeight ${num(m.capHeight * scale)} /StemV ${m.flags & 64 ? 80 : 90} /FontFile2 ${fontFile} 0 R >>`,
    );
    const cidFont = file.add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>` +
        ` /FontDescriptor ${descriptor} 0 R /DW 1000 /W ${this.widthArray(glyphs)} /CIDToGIDMap /Identity >>`,
    );
    const toUnicode = file.addStream(this.toUnicode(glyphs));
    return file.add(`<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  }

  /** `W`: runs of consecutive glyphs with their widths, `[3 [250 333] 17 [500]]`. */
  private widthArray(glyphs: readonly number[]): string {
    const runs: string[] = [];
    let run: string[] = [];
    let start = -2;
    let last = -2;
    for (const g of glyphs) {
      if (g !== last + 1) {
        if (run.length > 0) runs.push(`${start} [${run.join(' ')}]`);
        run = [];
        start = g;
      }
      run.push(num(this.widths[g] as number));
      last = g;
    }
    if (run.length > 0) runs.push(`${start} [${run.join(' ')}]`);
    return `[${runs.join(' ')}]`;
  }

  private toUnicode(glyphs: readonly number[]): string {
    const entries = glyphs.map((g) => `<${this.hex[g]}> <${utf16Hex(this.used.get(g) as string)}>`);
    const chunks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...chunks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

/** A byte as it stands in a literal string: the delimiters, the backslash and line ends escaped. */
function literalByte(b: number): string {
  if (b === 0x28 || b === 0x29 || b === 0x5c) return `\\${String.fromCharCode(b)}`;
  if (b === 0x0a) return '\\n';
  if (b === 0x0d) return '\\r';
  return String.fromCharCode(b);
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}
