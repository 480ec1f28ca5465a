import { inputError } from '../../diagnostics/diagnostic.js';
import { concatBytes, writeSfnt } from './write-sfnt.js';

/**
 * A TrueType font as the PDF writer needs it: the glyph and advance width of each character, the
 * metrics of the font descriptor, and a subset to embed. The fonts are ndraft's own package data
 * (Tinos), trusted, but every read is still bounds-checked: a damaged file is an input error,
 * never a read past the end.
 */
export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  capHeight: number;
  italicAngle: number;
  /** xMin, yMin, xMax, yMax in font units. */
  bbox: [number, number, number, number];
  /** The PDF font descriptor's flags: serif, nonsymbolic, italic. */
  flags: number;
  postScriptName: string;
}

/** The tables a PDF viewer needs from an embedded TrueType font (PDF 32000-1, 9.9, table 126). */
const KEPT = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'];

export class TrueTypeFont {
  readonly metrics: FontMetrics;
  readonly numGlyphs: number;
  private readonly view: DataView;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  /** The glyph of each BMP code point (0: none), and of the code points beyond. */
  readonly bmpGlyphs = new Uint16Array(0x10000);
  private readonly astralGlyphs = new Map<number, number>();
  private readonly advances: number[] = [];
  /** Where each glyph starts in glyf, and where the last ends; read when a subset is made. */
  private readonly loca: number[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.u16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(this.u8(at), this.u8(at + 1), this.u8(at + 2), this.u8(at + 3));
      const offset = this.u32(at + 8);
      const length = this.u32(at + 12);
      if (offset + length > bytes.length) throw this.damaged(`table ${tag} runs past the end`);
      this.tables.set(tag, { offset, length });
    }
    const head = this.table('head');
    const hhea = this.table('hhea');
    this.numGlyphs = this.u16(this.table('maxp') + 4);
    const unitsPerEm = this.u16(head + 18);
    const metricsCount = this.u16(hhea + 34);
    const hmtx = this.table('hmtx');
    for (let g = 0; g < this.numGlyphs; g++) this.advances.push(this.u16(hmtx + Math.min(g, metricsCount - 1) * 4));
    this.readCmap();
    const os2 = this.tables.has('OS/2') ? this.table('OS/2') : undefined;
    const post = this.tables.has('post') ? this.table('post') : undefined;
    const italicAngle = post === undefined ? 0 : this.i32(post + 4) / 65536;
    const ascent = this.i16(hhea + 4);
    this.metrics = {
      unitsPerEm,
      ascent,
      descent: this.i16(hhea + 6),
      lineGap: this.i16(hhea + 8),
      capHeight: os2 !== undefined && this.u16(os2) >= 2 ? this.i16(os2 + 88) : ascent,
      italicAngle,
      bbox: [this.i16(head + 36), this.i16(head + 38), this.i16(head + 40), this.i16(head + 42)],
      // Serif (2) and nonsymbolic (32), italic (64) when slanted.
      flags: 2 | 32 | (italicAngle !== 0 ? 64 : 0),
      postScriptName: name,
    };
  }

  /** The glyph of a code point; 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number {
    return codePoint < 0x10000 ? (this.bmpGlyphs[codePoint] ?? 0) : (this.astralGlyphs.get(codePoint) ?? 0);
  }

  hasGlyph(codePoint: number): boolean {
    return this.glyphId(codePoint) !== 0;
  }


  /** A glyph's advance width in font units. */
  advance(glyph: number): number {
    return this.advances[glyph] ?? 0;
  }

  /**
   * The font with only `used` glyphs drawn (and .notdef, and the parts of composite glyphs):
   * every other glyph is left empty, so glyph ids, and the codes of the text, stay as they are.
   */
  subset(used: Iterable<number>): Uint8Array {
    if (this.loca.length === 0) {
      const longLoca = this.i16(this.table('head') + 50) === 1;
      const loca = this.table('loca');
      for (let g = 0; g <= this.numGlyphs; g++) this.loca.push(longLoca ? this.u32(loca + g * 4) : this.u16(loca + g * 2) * 2);
    }
    const keep = new Set<number>([0]);
    const pending = [...used];
    const glyf = this.table('glyf');
    while (pending.length > 0) {
      const g = pending.pop() as number;
      if (g < 0 || g >= this.numGlyphs || keep.has(g)) continue;
      keep.add(g);
      pending.push(...this.components(glyf, g));
    }
    const parts: Uint8Array[] = [];
    const offsets = new Uint32Array(this.numGlyphs + 1);
    let size = 0;
    for (let g = 0; g < this.numGlyphs; g++) {
      offsets[g] = size;
      const [from, to] = [this.loca[g] as number, this.loca[g + 1] as number];
      if (!keep.has(g) || to <= from) continue;
      if (glyf + to > this.bytes.length) throw this.damaged(`glyph ${g} runs past the end`);
      const data = this.bytes.subarray(glyf + from, glyf + to);
      parts.push(data);
      size += data.length;
      if (data.length % 4 !== 0) {
        parts.push(new Uint8Array(4 - (data.length % 4)));
        size += 4 - (data.length % 4);
      }
    }
    offsets[this.numGlyphs] = size;
    const newGlyf = concatBytes(parts, size);
    const newLoca = new Uint8Array(offsets.length * 4);
    const locaView = new DataView(newLoca.buffer);
    offsets.forEach((o, i) => locaView.setUint32(i * 4, o));
    const head = this.copy('head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set once the file is whole
    headView.setInt16(50, 1); // long loca offsets
    const tables = new Map<string, Uint8Array>();
    for (const tag of KEPT) {
      if (tag === 'glyf') tables.set(tag, newGlyf);
      else if (tag === 'loca') tables.set(tag, newLoca);
      else if (tag === 'head') tables.set(tag, head);
      else if (this.tables.has(tag)) tables.set(tag, this.copy(tag));
    }
    return writeSfnt(tables);
  }

  /** The glyphs a composite glyph is made of (none for a simple one). */
  private components(glyf: number, g: number): number[] {
    const from = this.loca[g] as number;
    if ((this.loca[g + 1] as number) <= from || this.i16(glyf + from) >= 0) return [];
    const found: number[] = [];
    let at = glyf + from + 10;
    for (;;) {
      const flags = this.u16(at);
      found.push(this.u16(at + 2));
      at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) return found;
    }
  }

  /** The Unicode cmap: format 12 (all planes) when there is one, else format 4 (the BMP). */
  private readCmap(): void {
    const cmap = this.table('cmap');
    const subtables: { format: number; offset: number }[] = [];
    for (let i = 0; i < this.u16(cmap + 2); i++) {
      const at = cmap + 4 + i * 8;
      const [platform, encoding] = [this.u16(at), this.u16(at + 2)];
      const offset = cmap + this.u32(at + 4);
      if ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0) subtables.push({ format: this.u16(offset), offset });
    }
    const best = subtables.find((s) => s.format === 12) ?? subtables.find((s) => s.format === 4);
    if (best === undefined) throw this.damaged('it has no Unicode cmap');
    if (best.format === 12) {
      for (let i = 0, n = this.u32(best.offset + 12); i < n; i++) {
        const at = best.offset + 16 + i * 12;
        const [start, end, glyph] = [this.u32(at), this.u32(at + 4), this.u32(at + 8)];
        for (let c = start; c <= end && c <= 0x10ffff; c++) this.map(c, glyph + c - start);
      }
      return;
    }
    const segments = this.u16(best.offset + 6) / 2;
    const ends = best.offset + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const [end, start, delta, range] = [this.u16(ends + s * 2), this.u16(starts + s * 2), this.i16(deltas + s * 2), this.u16(ranges + s * 2)];
      for (let c = start; c <= end && c !== 0xffff; c++) {
        const glyph = range === 0 ? (c + delta) & 0xffff : this.glyphAt(ranges + s * 2 + range + (c - start) * 2, delta);
        if (glyph !== 0) this.map(c, glyph);
      }
    }
  }

  private map(codePoint: number, glyph: number): void {
    if (glyph >= this.numGlyphs) return;
    if (codePoint < 0x10000) this.bmpGlyphs[codePoint] = glyph;
    else this.astralGlyphs.set(codePoint, glyph);
  }

  private glyphAt(at: number, delta: number): number {
    const g = this.u16(at);
    return g === 0 ? 0 : (g + delta) & 0xffff;
  }

  private table(tag: string): number {
    const table = this.tables.get(tag);
    if (table === undefined) throw this.damaged(`it has no ${tag} table`);
    return table.offset;
  }

  private copy(tag: string): Uint8Array {
    const { offset, length } = this.tables.get(tag) as { offset: number; length: number };
    return this.bytes.slice(offset, offset + length);
  }

  private check(at: number, size: number): void {
    if (at < 0 || at + size > this.bytes.length) throw this.damaged(`a read at byte ${at} runs past its end`);
  }
  private u8(at: number): number {
    this.check(at, 1);
    return this.view.getUint8(at);
  }
  private u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at);
  }
  private i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at);
  }
  private u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at);
  }
  private i32(at: number): number {
    this.check(at, 4);
    return this.view.getInt32(at);
  }

  private damaged(why: string): Error {
    return inputError(`the font ${this.name} cannot be read: ${why}`);
  }
}
