import type { RunStyle } from '../docx-runs.js';
import type { Fragment, LaidLine } from './layout-lines.js';
import { num } from './pdf-file.js';

/**
 * The graphics state a page's content stream has set so far: font and size, fill colour and
 * horizontal scaling persist from one text object to the next, so each is set only when it changes.
 */
export class PageState {
  font = '';
  fill = '';
  scale = 100;
}

/**
 * The operators that draw one laid-out line with its baseline at `y`: first the yellow behind
 * highlighted words (negotiators' mark for text not agreed), then the text, one TJ per run of a
 * face and colour. A justified line's extra room goes after each space as a TJ adjustment: word
 * spacing (Tw) does not apply to two-byte glyph codes.
 */
export function lineOperators(line: LaidLine, x0: number, y: number, size: number, out: string[], state: PageState): void {
  const last = line.segments.length - 1;
  const squeeze = line.scale ?? 1;
  // Behind the text: the highlight, a full line high so highlighted lines read as one band.
  line.segments.forEach((segment, s) => {
    const extra = s === last ? line.extra : 0;
    const scale = s === last ? squeeze : 1;
    let x = x0 + segment.x;
    for (const f of segment.fragments) {
      const width = (f.width + spaces(f.text) * extra) * scale;
      if (f.style.highlight) {
        setFill(YELLOW, out, state);
        out.push(`${num(x)} ${num(y - size * 0.27)} ${num(width)} ${num(size * 1.15)} re f`);
      }
      x += width;
    }
  });
  out.push('BT');
  line.segments.forEach((segment, s) => {
    const extra = s === last ? line.extra : 0;
    out.push(`1 0 0 1 ${num(x0 + segment.x)} ${num(y)} Tm`);
    const scale = Math.round((s === last ? squeeze : 1) * 10000) / 100;
    if (scale !== state.scale) {
      out.push(`${scale} Tz`);
      state.scale = scale;
    }
    // (Only text at the line's size is justified: a line number is never in the last segment.)
    const adjust = extra > 0 ? `)${num((-extra * 1000) / size)}(` : '';
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) out.push(`[(${run.join('')})] TJ`);
      run = [];
    };
    for (const f of segment.fragments) {
      const font = `/${f.face.resourceName} ${num(f.size ?? size)} Tf`;
      const fill = fillOf(f.style);
      if (font !== state.font || fill !== state.fill) {
        flush();
        if (font !== state.font) out.push(font);
        setFill(fill, out, state);
        state.font = font;
      }
      run.push(encode(f, adjust));
    }
    flush();
  });
  out.push('ET');
}

const YELLOW = '1 1 0 rg';
const BLACK = '0 g';

function setFill(fill: string, out: string[], state: PageState): void {
  if (fill === state.fill) return;
  out.push(fill);
  state.fill = fill;
}

/** The fill colour operator of a style: black, or its `RRGGBB` colour. */
function fillOf(style: RunStyle): string {
  const color = style.color;
  if (color === undefined || !/^[0-9a-fA-F]{6}$/.test(color)) return BLACK;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(color.slice(i, i + 2), 16) / 255) as [number, number, number];
  return r === g && g === b ? `${num(r)} g` : `${num(r)} ${num(g)} ${num(b)} rg`;
}

/** A fragment's glyph codes; with `adjust`, the TJ adjustment after every space. */
function encode(f: Fragment, adjust: string): string {
  if (adjust === '' || !f.text.includes(' ')) return f.face.encode(f.text);
  const space = f.face.encode(' ');
  return f.text
    .split(' ')
    .map((part) => f.face.encode(part))
    .join(`${space}${adjust}`);
}

function spaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}
