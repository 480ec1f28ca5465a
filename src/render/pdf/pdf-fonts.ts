import { createHash } from 'node:crypto';
import { num, type PdfFile } from './pdf-file.js';
import type { TrueTypeFont } from './truetype-font.js';


/**
 * One face of the font as the pages use it: text to character codes, widths, and at the end the
 * font objects: Type0 over a CIDFontType2 (CIDs are glyph ids) with the widths of the glyphs used,
 * the subset as FontFile2, and a ToUnicode CMap, so that pdftotext, pdf.js and `ndraft import
 * x.pdf` read the words back.
 *
 * The encoding is a CMap of ndraft's own rather than Identity-H: printable ASCII is one byte, the
 * character itself, and every other character used gets a two-byte code (80 80, 80 81 …) as it
 * comes. Drafts are mostly ASCII, so the page content is half the size of two bytes a glyph,
 * and is deflated and written in half the time.
 */
export class PdfFace {
  /** The glyph of each BMP code point (0: none); others are looked up in the font. */
  private readonly bmp: Uint16Array;
  /** Advance widths in thousandths of the font size, by glyph. */
  private readonly widths: Float64Array;
  private readonly asciiUsed = new Uint8Array(128);
  /** The two-byte code of each other character used, and the characters in code order. */
  private readonly wide = new Map<number, string>();
  private readonly wideChars: number[] = [];
  private readonly operators = new Map<number, string>();
  readonly spaceWidth: number;
  /** The width of each BMP code unit in thousandths of the size; NaN for surrogates (a pair is measured apart). */
  readonly bmpWidths = new Float64Array(0x10000);

  constructor(
    readonly font: TrueTypeFont,
    /** `/F1`: the name the pages' resources give the face. */
    readonly resourceName: string,
  ) {
    const scale = 1000 / font.metrics.unitsPerEm;
    this.widths = new Float64Array(font.numGlyphs);
    for (let g = 0; g < font.numGlyphs; g++) this.widths[g] = font.advance(g) * scale;
    this.bmp = font.bmpGlyphs;
    const bmp = this.bmp;
    const widths = this.widths;
    for (let c = 0; c < 0x10000; c++) this.bmpWidths[c] = widths[bmp[c] as number] as number;
    this.bmpWidths.fill(NaN, 0xd800, 0xe000);
    this.spaceWidth = this.widths[this.glyph(32)] ?? 250;
  }

  glyph(codePoint: number): number {
    return codePoint < 0x10000 ? (this.bmp[codePoint] as number) : this.font.glyphId(codePoint);
  }

  hasGlyph(codePoint: number): boolean {
    return this.glyph(codePoint) !== 0;
  }

  /** `/F1 12 Tf`: the operator that selects the face at a size. */
  fontOperator(size: number): string {
    let op = this.operators.get(size);
    if (op === undefined) {
      op = `/${this.resourceName} ${Math.round(size * 1000) / 1000} Tf`;
      this.operators.set(size, op);
    }
    return op;
  }

  /** The width of `text` in thousandths of the font size (multiply by the size / 1000 for points). */
  measure(text: string): number {
    return this.measureRange(text, 0, text.length);
  }

  /** The width of `text[from, to)` without cutting it out: words are measured where they stand. */
  measureRange(text: string, from: number, to: number): number {
    let width = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xd800 || c >= 0xe000) width += this.bmpWidths[c] as number;
      else {
        const point = text.codePointAt(i) as number;
        if (point > 0xffff) i++;
        width += this.widths[this.glyph(point)] as number;
      }
    }
    return width;
  }

  /** `text` as its codes inside a PDF literal string `( … )` (latin1), each character remembered for the subset and ToUnicode. */
  encode(text: string): string {
    // Nearly all text: printable ASCII, its own codes, marked used in the same pass.
    let escape = false;
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) break;
      this.asciiUsed[c] = 1;
      if (c === 0x28 || c === 0x29 || c === 0x5c) escape = true;
    }
    if (i === text.length) return escape ? text.replace(/[()\\]/g, '\\$&') : text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x20 && c <= 0x7e) {
        this.asciiUsed[c] = 1;
        out += c === 0x28 || c === 0x29 || c === 0x5c ? `\\${text[i] as string}` : (text[i] as string);
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) c = text.codePointAt(i++) as number;
      let code = this.wide.get(c);
      if (code === undefined) {
        const n = this.wideChars.length;
        // 16,384 codes; Tinos has fewer glyphs than that.
        code = String.fromCharCode(0x80 + ((n >> 7) & 0x7f), 0x80 + (n & 0x7f));
        this.wide.set(c, code);
        this.wideChars.push(c);
      }
      out += code;
    }
    return out;
  }

  get isUsed(): boolean {
    return this.wideChars.length > 0 || this.asciiUsed.some((u) => u === 1);
  }

  /** Writes the face's objects; returns the number of its Type0 font dictionary. */
  write(file: PdfFile): number {
    // Every code with its character: one byte for ASCII, two for the rest.
    const codes: { code: string; char: number }[] = [];
    this.asciiUsed.forEach((used, c) => {
      if (used) codes.push({ code: hex(c, 2), char: c });
    });
    this.wideChars.forEach((c, n) => codes.push({ code: hex(0x8080 + ((n >> 7) << 8) + (n & 0x7f), 4), char: c }));
    const glyphs = [...new Set(codes.map(({ char }) => this.glyph(char)))].sort((a, b) => a - b);
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
    const identity = '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>';
    const cidFont = file.add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} ${identity} /FontDescriptor ${descriptor} 0 R /DW 1000 /W ${this.widthArray(glyphs)} /CIDToGIDMap /Identity >>`);
    const cmapName = `NDraft-${m.postScriptName}`;
    const encoding = file.addStream(cmap(cmapName, identity, 1, 'cidchar', codes.map(({ code, char }) => `<${code}> ${this.glyph(char)}`)), ` /Type /CMap /CMapName /${cmapName} ${identity}`);
    // A no-break space reads back as a space: text extraction would otherwise keep U+00A0.
    const toUnicode = file.addStream(cmap('Adobe-Identity-UCS', '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >>', 2, 'bfchar', codes.map(({ code, char }) => `<${code}> <${utf16Hex(char === 0xa0 ? 32 : char)}>`)));
    return file.add(`<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding ${encoding} 0 R /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
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
}

/** A CMap program over ndraft's codes (ASCII one byte, the rest two), its mappings in blocks of 100. */
function cmap(name: string, systemInfo: string, type: number, kind: 'cidchar' | 'bfchar', entries: readonly string[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} begin${kind}\n${block.join('\n')}\nend${kind}`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    `${systemInfo} def`,
    `/CMapName /${name} def`,
    `/CMapType ${type} def`,
    '2 begincodespacerange',
    '<20> <7E>',
    '<8080> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function hex(n: number, digits: number): string {
  return n.toString(16).toUpperCase().padStart(digits, '0');
}

/** A code point as UTF-16BE hex (a surrogate pair beyond the BMP). */
function utf16Hex(codePoint: number): string {
  const text = String.fromCodePoint(codePoint);
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex(text.charCodeAt(i), 4);
  return out;
}
