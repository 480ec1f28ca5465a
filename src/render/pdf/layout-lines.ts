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

/** Where a stretch of a line starts or ends: span `k`, offset `i` in its text. */
interface Segmented {
  x: number;
  fromK: number;
  fromI: number;
  toK: number;
  toI: number;
}

/**
 * Lines as a word processor breaks them: greedily at spaces (a no-break space U+00A0 holds its
 * words together), a word wider than the line cut where it must, a line break in the text always
 * obeyed. Justified lines, all but a paragraph's last and those ending at a line break, get their
 * extra room at their spaces.
 *
 * Lines are found as offsets into the spans, each word measured where it stands; a line's
 * fragments, one per span it touches, are cut from the text only when the line is done: a
 * 5,000-paragraph draft has some 400,000 words but 40,000 lines.
 */
export function layoutLines(spans: readonly Span[], spec: LineSpec, faces: TinosFaces): LaidLine[] {
  const scale = spec.size / 1000;
  const limit = spec.width + 0.01;
  const lines: LaidLine[] = [];
  const spanFaces = spans.map((span) => faces.face(faceName(span.style)));
  // The line being filled: its segments (a tab starts one), where its words end, how wide it is.
  let segments: Segmented[] = [{ x: spec.left - spec.hanging, fromK: 0, fromI: 0, toK: 0, toI: 0 }];
  let endK = 0;
  let endI = 0;
  let x = spec.left - spec.hanging;
  let spaces = 0;
  let hasWord = false;
  // Spaces after the last word: kept if a word follows on this line, dropped at a break.
  let pendingWidth = 0;
  let pendingCount = 0;
  // The word being read (it may run over several spans) and where the line may break before it.
  let wordOpen = false;
  let wordK = 0;
  let wordI = 0;
  let wordWidth = 0;
  let breakK = 0;
  let breakI = 0;
  let breakX = 0;
  let breakSpaces = 0;
  let breakHasWord = false;

  const finish = (k: number, i: number, natural: number, spaceCount: number, justify: boolean) => {
    const last = segments[segments.length - 1] as Segmented;
    last.toK = k;
    last.toI = i;
    // The last stretch's width is known when it lies in one span: the line's natural end.
    const line: LaidLine = { segments: segments.map((seg) => ({ x: seg.x, fragments: fragments(spans, spanFaces, seg, scale, seg === last ? natural - seg.x : undefined) })), extra: 0 };
    const room = spec.width - natural;
    if (justify) {
      // A line with a single word or (rarely) far too short stays as it is.
      if (spaceCount > 0 && room > 0 && room < spec.size * 10) line.extra = room / spaceCount;
    } else if (spec.align === 'center' || spec.align === 'right') for (const seg of line.segments) seg.x += spec.align === 'center' ? room / 2 : room;
    lines.push(line);
  };
  const startLine = (k: number, i: number) => {
    segments = [{ x: spec.left, fromK: k, fromI: i, toK: k, toI: i }];
    endK = k;
    endI = i;
    x = spec.left;
    spaces = 0;
    hasWord = false;
    pendingWidth = 0;
    pendingCount = 0;
  };
  const place = (k: number, j: number, width: number) => {
    x += pendingWidth + width;
    spaces += pendingCount;
    pendingWidth = 0;
    pendingCount = 0;
    endK = k;
    endI = j;
    hasWord = true;
    wordWidth += width;
  };

  for (let k = 0; k < spans.length; k++) {
    const face = spanFaces[k] as PdfFace;
    const widths = face.bmpWidths;
    const text = (spans[k] as Span).text;
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 9 || c === 10) {
        wordOpen = false;
        if (c === 10) {
          finish(endK, endI, x, spaces, false);
          startLine(k, i + 1);
        } else {
          // The first tab goes to the hanging indent; one further right to the next half inch.
          x += pendingWidth;
          pendingWidth = 0;
          pendingCount = 0;
          const last = segments[segments.length - 1] as Segmented;
          last.toK = k;
          last.toI = i;
          x = x < spec.left - 0.01 ? spec.left : (Math.floor(x / 36) + 1) * 36;
          segments.push({ x, fromK: k, fromI: i + 1, toK: k, toI: i + 1 });
          endK = k;
          endI = i + 1;
          spaces = 0;
        }
        i++;
        continue;
      }
      let j = i + 1;
      if (c === 32) {
        while (j < text.length && text.charCodeAt(j) === 32) j++;
        wordOpen = false;
        pendingWidth += (j - i) * face.spaceWidth * scale;
        pendingCount += j - i;
        i = j;
        continue;
      }
      // Scanned and measured in one pass; a surrogate pair (NaN in the table) is measured apart.
      let units = widths[c] as number;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 32 || d === 9 || d === 10) break;
        units += widths[d] as number;
      }
      let width = (Number.isNaN(units) ? face.measureRange(text, i, j) : units) * scale;
      if (!wordOpen) {
        wordOpen = true;
        wordK = k;
        wordI = i;
        wordWidth = 0;
        breakK = endK;
        breakI = endI;
        breakX = x;
        breakSpaces = spaces;
        breakHasWord = hasWord;
      }
      if (x + pendingWidth + width > limit && breakHasWord) {
        // The word goes to the next line, with whatever of it an earlier span held.
        finish(breakK, breakI, breakX, breakSpaces, spec.align === 'justify');
        const carried = wordWidth;
        startLine(wordK, wordI);
        wordWidth = 0;
        if (carried > 0) place(k, i, carried);
        breakK = wordK;
        breakI = wordI;
        breakX = spec.left;
        breakSpaces = 0;
        breakHasWord = false;
      }
      // A word wider than a whole line, within one span: as much of it as fits, the rest below.
      while (!breakHasWord && wordK === k && x + pendingWidth + width > limit && j - i > 1) {
        const m = fitting(text, i, j, limit - x - pendingWidth, face, scale);
        place(k, m, face.measureRange(text, i, m) * scale);
        finish(k, m, x, spaces, false);
        startLine(k, m);
        wordI = m;
        wordWidth = 0;
        breakK = k;
        breakI = m;
        breakX = spec.left;
        breakSpaces = 0;
        i = m;
        width = face.measureRange(text, i, j) * scale;
      }
      place(k, j, width);
      i = j;
    }
  }
  finish(endK, endI, x, spaces, false);
  return lines;
}

/** Where to cut `text[i, j)` so that its start fits `room` (one character at least). */
function fitting(text: string, i: number, j: number, room: number, face: PdfFace, scale: number): number {
  let width = 0;
  let m = i;
  while (m < j) {
    const step = (text.codePointAt(m) as number) > 0xffff ? 2 : 1;
    const w = face.measure(text.slice(m, m + step)) * scale;
    if (width + w > room && m > i) break;
    width += w;
    m += step;
  }
  return m >= j ? j - 1 : m;
}

/** The fragments of a stretch of a line, one per span it touches. */
function fragments(spans: readonly Span[], faces: readonly PdfFace[], seg: Segmented, scale: number, width?: number): Fragment[] {
  const out: Fragment[] = [];
  for (let k = seg.fromK; k <= seg.toK; k++) {
    const span = spans[k] as Span;
    const from = k === seg.fromK ? seg.fromI : 0;
    const to = k === seg.toK ? seg.toI : span.text.length;
    if (to <= from) continue;
    const text = from === 0 && to === span.text.length ? span.text : span.text.slice(from, to);
    const face = faces[k] as PdfFace;
    out.push({ text, style: span.style, face, width: width !== undefined && seg.fromK === seg.toK ? width : face.measureRange(span.text, from, to) * scale });
  }
  return out;
}
