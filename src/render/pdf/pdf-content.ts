import type { RunStyle } from '../docx-runs.js';
import type { Fragment, LaidLine } from './layout-lines.js';
import { coord } from './pdf-file.js';

/**
 * A page's content stream, line by line: the yellow behind highlighted words (negotiators' mark
 * for text not agreed) first, all of it, then the text in one text object. Font, fill colour and
 * horizontal scaling persist from line to line, so each is set only when it changes. A justified
 * line's extra room goes after each space as a TJ adjustment: word spacing (Tw) does not apply to
 * two-byte glyph codes.
 */
export class PageContent {
  private readonly highlights: string[] = [];
  private readonly text: string[] = [];
  private font = '';
  private fill = '';
  private scale = 100;

  /** Draws `line` with its left edge at `x0` and its baseline at `y`. */
  line(line: LaidLine, x0: number, y: number, size: number): void {
    const last = line.segments.length - 1;
    const squeeze = line.scale ?? 1;
    const baseline = ` ${coord(y)} Tm`;
    for (let s = 0; s <= last; s++) {
      const segment = line.segments[s] as LaidLine['segments'][number];
      const extra = s === last ? line.extra : 0;
      const scale = s === last ? squeeze : 1;
      this.highlight(segment.fragments, x0 + segment.x, y, size, extra, scale);
      this.text.push(`1 0 0 1 ${coord(x0 + segment.x)}${baseline}`);
      const percent = Math.round(scale * 10000) / 100;
      if (percent !== this.scale) {
        this.text.push(`${percent} Tz`);
        this.scale = percent;
      }
      // In thousandths of the size, whole: finer than a hundredth of a point at 12 pt.
      const adjust = extra > 0 ? `)${-Math.round((extra * 1000) / size)}(` : '';
      let run = '';
      for (const f of segment.fragments) {
        const font = f.face.fontOperator(f.size ?? size);
        const fill = f.style.color === undefined ? BLACK : fillOf(f.style);
        if (font !== this.font || fill !== this.fill) {
          if (run !== '') this.text.push(`[(${run})] TJ`);
          run = '';
          if (font !== this.font) this.text.push(font);
          if (fill !== this.fill) this.text.push(fill);
          this.font = font;
          this.fill = fill;
        }
        run += adjust === '' ? f.face.encode(f.text) : encodeSpaced(f, adjust);
      }
      if (run !== '') this.text.push(`[(${run})] TJ`);
    }
  }

  /** The stream: in q … Q, so that a stream after it (the footer) starts from the defaults. */
  content(): string {
    const rects = this.highlights.length === 0 ? '' : `${YELLOW}\n${this.highlights.join('\n')}\n`;
    return `q\n${rects}BT\n${this.text.join('\n')}\nET\nQ`;
  }

  private highlight(fragments: readonly Fragment[], x0: number, y: number, size: number, extra: number, scale: number): void {
    let x = x0;
    let from = -1;
    for (const f of fragments) {
      const width = (extra === 0 ? f.width : f.width + spaces(f.text) * extra) * scale;
      if (f.style.highlight && from < 0) from = x;
      else if (!f.style.highlight && from >= 0) {
        this.rect(from, x, y, size);
        from = -1;
      }
      x += width;
    }
    if (from >= 0) this.rect(from, x, y, size);
  }

  /** A full line high, so that highlighted lines read as one band. */
  private rect(from: number, to: number, y: number, size: number): void {
    this.highlights.push(`${coord(from)} ${coord(y - size * 0.27)} ${coord(to - from)} ${coord(size * 1.15)} re f`);
  }
}

const YELLOW = '1 1 0 rg';
const BLACK = '0 g';

/** The fill colour operator of a style: black, or its `RRGGBB` colour. */
function fillOf(style: RunStyle): string {
  const color = style.color;
  if (color === undefined || !/^[0-9a-fA-F]{6}$/.test(color)) return BLACK;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(color.slice(i, i + 2), 16) / 255) as [number, number, number];
  return r === g && g === b ? `${coord(r)} g` : `${coord(r)} ${coord(g)} ${coord(b)} rg`;
}

/**
 * A fragment's codes with the TJ adjustment after every space. A space is the one-byte code 20
 * and no two-byte code holds a byte below 80, so every 20 in the codes is a space.
 */
function encodeSpaced(f: Fragment, adjust: string): string {
  const codes = f.face.encode(f.text);
  return codes.includes(' ') ? codes.replaceAll(' ', ` ${adjust}`) : codes;
}

function spaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}
