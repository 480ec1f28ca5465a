import type { ExportInput } from '../../export/export-input.js';
import type { OutlineEntry, Paragraph, Section } from '../../model/schemas.js';
import { optionHeading } from '../../model/outline.js';
import { compilationLegend, fieldsLine, freeTextBlocks, sectionHeadingText, spanCaptions } from '../document-parts.js';
import { COLUMNS, splitSpans } from '../docx-numbered-lines.js';
import { paragraphLines, type Layout, type Line } from '../docx-paragraph-lines.js';
import { pieceSpans, safeText, span, type RunStyle, type Span } from '../docx-runs.js';
import { noteLine } from '../note-text.js';
import { paragraphLineBlocks } from '../paragraph-lines.js';
import { layoutLines, type Fragment, type LaidLine, type LineSpec } from './layout-lines.js';
import type { Block } from './pdf-pages.js';
import { pdfFallback, type PdfFallback } from './pdf-fallback.js';
import { faceName, type TinosFaces } from './tinos-faces.js';

/** 1 cm in points: the Word export's indent step. */
export const CM = 72 / 2.54;


interface Context {
  input: ExportInput;
  faces: TinosFaces;
  width: number;
  /** The body's size in points: 12, or 11 with line numbers (80 characters fit a numbered line). */
  size: number;
  byAddress: Map<string, Paragraph>;
  captions: Map<string, string[]>;
  emit: (block: Block) => void;
  where: string;
}

/** A block's shape besides its text, as the Word export's paragraph properties say. */
interface Shape {
  size?: number;
  left?: number;
  hanging?: number;
  align?: LineSpec['align'];
  before?: number;
  after?: number;
  keepNext?: boolean;
  outline?: Block['outline'];
}

/** Thrown inside the walk, caught by `pdfBlocks`: the first text the writer cannot set. */
class NeedsBrowser {
  constructor(readonly fallback: PdfFallback) {}
}

/**
 * The draft laid out as the Word export lays it out (`render-docx.ts`), from the same pieces: the
 * title, the header fields, the compilation's legend, the preamble, the sections' headings and
 * notes, each paragraph's lines (`paragraphLines`) with the Word export's indents, option blocks,
 * the closing note and matter. With line numbers each line of negotiated text is a line of its
 * own, numbered in the margin as `paragraphLineBlocks` breaks it. Blocks go to `emit` as they
 * are made; the first text the writer cannot set stops the walk and is returned.
 */
export function pdfBlocks(input: ExportInput, faces: TinosFaces, width: number, emit: (block: Block) => void): PdfFallback | undefined {
  const compilation = input.mode === 'compilation';
  const byAddress = new Map(input.draft.paragraphs.map((p) => [p.address, p]));
  const context: Context = { input, faces, width, size: input.lineNumbers ? 11 : 12, byAddress, captions: compilation ? spanCaptions(input, byAddress) : new Map(), emit, where: 'the title' };
  try {
    const { meta } = input.draft;
    add(context, [span(meta.title, { bold: true })], { size: 16, align: 'center', after: 12 });
    context.where = 'the header';
    const fields = fieldsLine(input);
    if (fields !== undefined) add(context, [span(fields, { bold: true })], { align: 'center' });
    context.where = 'the preamble';
    if (compilation) {
      if (meta.source) add(context, [span(`Source: ${meta.source}`, { italics: true })], { align: 'center' });
      add(context, compilationLegend(), { align: 'center', after: 18 });
    }
    if (meta.preamble) freeText(context, meta.preamble);
    sections(meta.sections, 0, context);
    context.where = 'the closing matter';
    if (input.note !== undefined && input.note.trim() !== '') freeText(context, input.note, { italics: true });
    if (meta.closing) freeText(context, meta.closing);
    if (compilation) for (const note of meta.notes ?? []) freeText(context, noteLine(note), { italics: true });
  } catch (error) {
    if (error instanceof NeedsBrowser) return error.fallback;
    throw error;
  }
  return undefined;
}

const HEADINGS: Shape[] = [
  { size: 13, before: 18, after: 6, keepNext: true },
  { before: 12, after: 6, keepNext: true },
  { before: 12, after: 6, keepNext: true },
];
const HEADING_STYLES: RunStyle[] = [{ bold: true }, { bold: true, italics: true }, { italics: true }];

function sections(list: readonly Section[], depth: number, context: Context): void {
  for (const section of list) {
    const heading = sectionHeadingText(section, depth);
    context.where = heading === '' ? 'a section heading' : `section ${heading}`;
    const level = Math.min(depth, 2);
    if (heading !== '') add(context, [span(heading, HEADING_STYLES[level])], { ...HEADINGS[level], outline: { title: safeText(heading), level: depth } });
    if (context.input.mode === 'compilation') for (const note of section.notes ?? []) freeText(context, noteLine(note), { italics: true, color: '555555' });
    for (const entry of section.paragraphs) outlineEntry(entry, context);
    sections(section.subsections ?? [], depth + 1, context);
  }
}

function outlineEntry(entry: OutlineEntry, context: Context): void {
  if (typeof entry === 'string') {
    const p = context.byAddress.get(entry);
    if (p !== undefined) paragraph(p, context);
    return;
  }
  const compilation = context.input.mode === 'compilation';
  for (const option of entry.options) {
    // As in the Word export: an empty option is shown in the compilation only (it is one of the choices).
    const empty = (option.text === undefined || option.text === '') && !option.paragraphs.some((inner) => typeof inner !== 'string' || context.byAddress.has(inner));
    if (empty && !compilation) continue;
    context.where = 'an option block';
    add(context, [span(optionHeading(entry, option), { bold: true, ...(compilation ? { highlight: true } : {}) })], { keepNext: true, before: 12 });
    if (option.text !== undefined && option.text !== '') add(context, [span(option.text)], {});
    for (const inner of option.paragraphs) outlineEntry(inner, context);
  }
}

const LAYOUTS: Record<Layout, Shape> = {
  paragraph: { align: 'justify', left: CM, hanging: CM },
  item: { align: 'justify', left: 2 * CM, hanging: CM },
  alternative: { align: 'justify', left: CM },
  'item-alternative': { align: 'justify', left: 2 * CM },
  aside: { left: CM },
  'item-aside': { left: 2 * CM },
};

function paragraph(p: Paragraph, context: Context): void {
  const number = context.input.displayNumber(p);
  context.where = number === undefined ? `paragraph ${p.address}` : `paragraph ${number}`;
  const lines = paragraphLines(p, context.input, context.captions.get(p.address));
  const numbered = context.input.lineNumbers ? new Map(paragraphLineBlocks(p, context.input).map((b) => [b.key, b])) : undefined;
  for (const line of lines) {
    const block = numbered?.get(line.label === 'paragraph' ? 'text' : line.label);
    if (block === undefined) add(context, lineSpans(line.pieces), { ...LAYOUTS[line.layout], ...(line.keepNext ? { keepNext: true } : {}) });
    else numberedLines(line, splitSpans(lineSpans(line.pieces.slice(line.margin ?? 0)), block), block.first, context);
  }
}

/** A line's spans; a tab in the words is a space (a tab of the layout is a literal piece). */
function lineSpans(pieces: Line['pieces']): Span[] {
  return pieces.flatMap((piece) => pieceSpans(piece).map((s) => (piece.kind === 'words' && s.text.includes('\t') ? { ...s, text: s.text.replace(/\t/g, ' ') } : s)));
}

/** Line numbers in 8 pt grey, as in the Word export. */
const NUMBER_STYLE: RunStyle = { size: 16, color: '666666' };

/** Numbered lines, one per line of the block, never broken again: a line too wide is squeezed. */
function numberedLines(line: Line, words: Span[][], first: number, context: Context): void {
  const size = context.size;
  const columns = COLUMNS[line.layout];
  const margin = lineSpans(line.pieces.slice(0, line.margin ?? 0).filter((piece) => piece.text !== '\t'));
  const textX = columns * CM;
  const shownMargin = drawn(context, margin);
  const laid = words.map((line, i): LaidLine => {
    const spans = drawn(context, line);
    const text = lineFragments(spans, size, context.faces);
    const natural = text.reduce((sum, f) => sum + f.width, 0);
    const room = context.width - textX;
    return {
      segments: [
        { x: 0, fragments: lineFragments([span(String(first + i), NUMBER_STYLE)], size, context.faces) },
        ...(i === 0 && shownMargin.length > 0 ? [{ x: (columns - 1) * CM, fragments: lineFragments(shownMargin, size, context.faces) }] : []),
        { x: textX, fragments: text },
      ],
      extra: 0,
      ...(natural > room ? { scale: room / natural } : {}),
    };
  });
  context.emit({ lines: laid, size, before: 0, after: 6, ...(line.keepNext ? { keepNext: true } : {}) });
}

function freeText(context: Context, text: string, style: RunStyle = {}): void {
  for (const block of freeTextBlocks(text)) add(context, [{ text: block.replace(/\t/g, ' '), style }], {});
}

/** A block of text laid out in lines. */
function add(context: Context, given: readonly Span[], shape: Shape): void {
  const spans = drawn(context, given);
  const size = shape.size ?? context.size;
  const spec: LineSpec = { size, width: context.width, left: shape.left ?? 0, hanging: shape.hanging ?? 0, align: shape.align ?? 'left' };
  context.emit({
    lines: layoutLines(spans, spec, context.faces),
    size,
    before: shape.before ?? 0,
    after: shape.after ?? 6,
    ...(shape.keepNext ? { keepNext: true } : {}),
    ...(shape.outline ? { outline: shape.outline } : {}),
  });
}

/** Invisible format characters (zero-width space and joiners, soft hyphen, left-to-right marks): not drawn. */
const INVISIBLE = /[\p{Cf}\u00AD]/gu; // (as UNDRAWN in pdf-fallback.ts)

/**
 * The spans as they are drawn: the first text the writer cannot set stops the walk (`pdfFallback`;
 * right-to-left marks and embeddings among them), and invisible format characters are left out,
 * as a word processor shows them: no glyph, no width.
 */
function drawn(context: Context, spans: readonly Span[]): readonly Span[] {
  let invisible = false;
  for (const s of spans) {
    if (ASCII.test(s.text)) continue;
    const fallback = pdfFallback(s.text, context.where, (c) => context.faces.face(faceName(s.style)).hasGlyph(c));
    if (fallback !== undefined) throw new NeedsBrowser(fallback);
    if (!invisible) invisible = INVISIBLE.test(s.text);
    INVISIBLE.lastIndex = 0;
  }
  return invisible ? spans.map((s) => ({ ...s, text: s.text.replace(INVISIBLE, '') })) : spans;
}

const ASCII = /^[\x20-\x7e\t\n]*$/;

/** Spans as fragments of one line, unbroken (a numbered line is never broken again). */
function lineFragments(spans: readonly Span[], size: number, faces: TinosFaces): Fragment[] {
  return spans.map((span) => {
    const face = faces.face(faceName(span.style));
    // RunStyle sizes are Word's half-points.
    const own = span.style.size === undefined ? size : span.style.size / 2;
    return { text: span.text, style: span.style, face, width: (face.measure(span.text) * own) / 1000, ...(own !== size ? { size: own } : {}) };
  });
}

