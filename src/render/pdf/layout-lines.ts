import type { RunStyle, Span } from '../docx-runs.js';
import type { PdfFace } from './pdf-fonts.js';
import { faceName, type TinosFaces } from './tinos-faces.js';

/** How a block's lines are set, in points from the left edge of the text. */
export interface LineSpec {
  size: number;
  /** The width of the text. */
  width: number;
  /** Where every line but the first starts. */
  left: number;
  /** How far left of `left` the first line starts; its first tab goes to `left` (a hanging indent). */
  hanging: number;
  align: 'justify' | 'left' | 'center' | 'right';
}

/** Text in one face and style; `width` in points, at the block's size. */
export interface Fragment {
  text: string;
  style: RunStyle;
  face: PdfFace;
  width: number;
  /** Where it differs from the line's (a line number). */
  size?: number;
}

/** Fragments set from `x`; a tab starts a new segment. */
export interface Segment {
  x: number;
  fragments: Fragment[];
}

export interface LaidLine {
  segments: Segment[];
  /** Points added to each space of the last segment to justify it. */
  extra: number;
  /** The last segment squeezed horizontally (Tz) to fit: a numbered line is never broken again. */
  scale?: number;
}

type Item = { kind: 'word' | 'space'; fragments: Fragment[]; width: number } | { kind: 'tab' | 'newline' };

/**
 * Lines as a word processor breaks them: greedily at spaces (a no-break space U+00A0 holds its
 * words together), a word wider than the line cut where it must, a line break in the text always
 * obeyed. Justified lines, all but a paragraph's last and those ending at a line break, get their
 * extra room at their spaces.
 */
export function layoutLines(spans: readonly Span[], spec: LineSpec, faces: TinosFaces): LaidLine[] {
  const lines: LaidLine[] = [];
  let line: LaidLine = { segments: [{ x: spec.left - spec.hanging, fragments: [] }], extra: 0 };
  let x = spec.left - spec.hanging;
  let hasWord = false;
  let pending: Fragment[] = [];
  let pendingWidth = 0;
  const segment = () => line.segments[line.segments.length - 1] as Segment;
  const finish = (justify: boolean) => {
    if (justify) justifyLine(line, spec.width, spec.size);
    else align(line, spec);
    lines.push(line);
    line = { segments: [{ x: spec.left, fragments: [] }], extra: 0 };
    x = spec.left;
    hasWord = false;
    pending = [];
    pendingWidth = 0;
  };
  for (const item of items(spans, spec.size, faces)) {
    if (item.kind === 'space') {
      pending.push(...item.fragments);
      pendingWidth += item.width;
    } else if (item.kind === 'tab') {
      segment().fragments.push(...pending);
      x += pendingWidth;
      pending = [];
      pendingWidth = 0;
      // The first tab goes to the hanging indent; one further right to the next half inch.
      x = x < spec.left - 0.01 ? spec.left : (Math.floor(x / 36) + 1) * 36;
      line.segments.push({ x, fragments: [] });
    } else if (item.kind === 'newline') {
      finish(false);
    } else {
      let word = item as Word;
      while (x + pendingWidth + word.width > spec.width + 0.01) {
        if (hasWord) {
          finish(spec.align === 'justify');
          continue;
        }
        // A word wider than the line: as much of it as fits here, the rest on the next line.
        const [head, tail] = cut(word, spec.width - x - pendingWidth, spec.size);
        if (head.fragments.length === 0) break;
        segment().fragments.push(...pending, ...head.fragments);
        hasWord = true;
        finish(false);
        word = tail;
      }
      segment().fragments.push(...pending, ...word.fragments);
      x += pendingWidth + word.width;
      pending = [];
      pendingWidth = 0;
      hasWord = true;
    }
  }
  finish(false);
  return lines;
}

/** The spans as words, spaces, tabs and line breaks, each word measured in its faces. */
function items(spans: readonly Span[], size: number, faces: TinosFaces): Item[] {
  const out: Item[] = [];
  let word: Item | undefined;
  for (const span of spans) {
    const face = faces.face(faceName(span.style));
    for (const text of span.text.split(/( +|\t|\n)/)) {
      if (text === '') continue;
      const fragment = (): Fragment => ({ text, style: span.style, face, width: (face.measure(text) * size) / 1000 });
      if (text === '\t' || text === '\n') {
        if (word) out.push(word);
        word = undefined;
        out.push({ kind: text === '\t' ? 'tab' : 'newline' });
        continue;
      }
      const kind = text.charCodeAt(0) === 32 ? 'space' : 'word';
      const f = fragment();
      if (word !== undefined && word.kind === kind) {
        word.fragments.push(f);
        word.width += f.width;
        continue;
      }
      if (word) out.push(word);
      word = { kind, fragments: [f], width: f.width };
    }
  }
  if (word) out.push(word);
  return out;
}

/** Spans as fragments of one line, unbroken (a numbered line is never broken again). */
export function lineFragments(spans: readonly Span[], size: number, faces: TinosFaces): Fragment[] {
  return spans.map((span) => {
    const face = faces.face(faceName(span.style));
    // RunStyle sizes are Word's half-points.
    const own = span.style.size === undefined ? size : span.style.size / 2;
    return { text: span.text, style: span.style, face, width: (face.measure(span.text) * own) / 1000, ...(own !== size ? { size: own } : {}) };
  });
}

type Word = Extract<Item, { kind: 'word' | 'space' }>;

/** The longest start of `word` narrower than `room` (one character at least), and the rest. */
function cut(word: Word, room: number, size: number): [Word, Word] {
  const head: Fragment[] = [];
  let width = 0;
  const rest = [...word.fragments];
  while (rest.length > 0) {
    const f = rest[0] as Fragment;
    const chars = [...f.text];
    let n = 0;
    let w = 0;
    for (const ch of chars) {
      const cw = (f.face.measure(ch) * size) / 1000;
      if (width + w + cw > room && (head.length > 0 || n > 0)) break;
      w += cw;
      n++;
    }
    if (n === chars.length) {
      head.push(f);
      width += f.width;
      rest.shift();
      continue;
    }
    if (n > 0) {
      const text = chars.slice(0, n).join('');
      head.push({ ...f, text, width: w });
      rest[0] = { ...f, text: chars.slice(n).join(''), width: f.width - w };
      width += w;
    }
    break;
  }
  return [
    { kind: 'word', fragments: head, width },
    { kind: 'word', fragments: rest, width: word.width - width },
  ];
}

function naturalEnd(line: LaidLine): number {
  const last = line.segments[line.segments.length - 1] as Segment;
  return last.x + last.fragments.reduce((sum, f) => sum + f.width, 0);
}

/** The room left spread over the spaces of the last segment. */
function justifyLine(line: LaidLine, width: number, size: number): void {
  const last = line.segments[line.segments.length - 1] as Segment;
  let spaces = 0;
  for (const f of last.fragments) for (let i = 0; i < f.text.length; i++) if (f.text.charCodeAt(i) === 32) spaces++;
  const room = width - naturalEnd(line);
  // A line with a single word or (rarely) too wide stays as it is.
  if (spaces === 0 || room <= 0 || room > size * 10) return;
  line.extra = room / spaces;
}

function align(line: LaidLine, spec: LineSpec): void {
  if (spec.align !== 'center' && spec.align !== 'right') return;
  const room = spec.width - naturalEnd(line);
  for (const s of line.segments) s.x += spec.align === 'center' ? room / 2 : room;
}
