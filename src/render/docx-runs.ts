import type { SpanMark } from '../model/schemas.js';
import { nodesInSpans, spanEdges } from '../model/spans.js';
import { parseNotation } from '../notation/parse-notation.js';
import type { InlineNode } from '../notation/types.js';
import { closeBidi } from './close-bidi.js';
import { revisionAttributes, revisionTag, type RevisionKind, type RevisionMark } from './word-xml.js';
import { xmlText } from './xml-text.js';

export type { RevisionKind, RevisionMark } from './word-xml.js';

/**
 * Strings to Word runs: made safe for XML 1.0, brackets highlighted, right-to-left text marked,
 * and wrapped as tracked insertions or deletions when asked.
 */

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Yellow, as negotiators mark text that is not agreed. */
  highlight?: boolean;
  color?: string;
  /** In half-points, where it differs from the document's. */
  size?: number;
}

/** A stretch of text with one style. */
export interface Span {
  text: string;
  style: RunStyle;
}

/** How the runs of a span are written: plainly, or as one side of a tracked change. */
export interface RunRevision {
  kind: RevisionKind;
  /** A fresh mark for each run: every `w:ins` and `w:del` needs its own id. */
  mark: () => RevisionMark;
}

// XML 1.0 allows tab, line feed and carriage return below U+0020, and neither U+FFFE, U+FFFF nor a
// surrogate outside a pair: Word refuses a whole file holding one. Word's own manual line break (U+000B) and page break (U+000C) are
// line breaks here; other controls become U+FFFD, so a reader sees that something was there.
const LINE_BREAKS = /\r\n?|[\u000B\u000C\u2028\u2029]/g;
const UNWRITABLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Anything `safeText` may change (any surrogate is looked at closely): most texts hold none of it, and one scan says so. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF\uD800-\uDFFF\u202A-\u202E\u2066-\u2069]/;

/**
 * The text with line breaks as `\n`, characters XML cannot hold as U+FFFD, and any bidi embedding,
 * override or isolate left open closed at its end: Word lays out a paragraph's runs as one bidi
 * text, so an override left open in a delegation's name would reverse the words after it.
 * Right-to-left letters are kept as they are.
 */
export function safeText(text: string): string {
  if (!UNSAFE.test(text)) return text;
  const safe = text.replace(LINE_BREAKS, '\n').replace(UNWRITABLE, '\uFFFD');
  return BIDI_CONTROL.test(safe) ? closeBidi(safe) : safe;
}


/** Letters of the right-to-left scripts (the PDF writer leaves text holding one to a browser). */
export const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/gu;

/** True when most letters of the text belong to right-to-left scripts (Arabic, Hebrew …). */
export function isMostlyRightToLeft(text: string): boolean {
  // Nearly every text has no right-to-left letter at all: one scan says so, without counting letters.
  if (!RTL_LETTER.test(text)) return false;
  let rtl = 0;
  let ltr = 0;
  for (const [letter] of text.matchAll(LETTER)) {
    if (RTL_LETTER.test(letter)) rtl++;
    else ltr++;
  }
  return rtl > ltr;
}

export const BRACKET_STYLE: RunStyle = { highlight: true, bold: true };

/**
 * The spans of a wording in bracket notation. With `brackets`, everything inside `[ … ]` is
 * highlighted and the `[`, `/` and `]` themselves are highlighted in bold, so the text reads as
 * negotiators write it. A wording that does not parse, or clean text, is one plain span. The
 * words inside a bracket span (`marks`: the spans the text takes part in) are highlighted as a
 * bracket's are, its `[` and `]` in bold.
 */
export function notationSpans(text: string, brackets: boolean, style: RunStyle = {}, marks?: readonly SpanMark[]): Span[] {
  const safe = safeText(text);
  if (!brackets) return safe === '' ? [] : [{ text: safe, style }];
  const parsed = parseNotation(safe, spanEdges(marks));
  if (!parsed.ok) return [{ text: safe, style }];
  const spans: Span[] = [];
  const inBracket = { ...style, highlight: true };
  const mark = { ...style, ...BRACKET_STYLE };
  const walk = (nodes: readonly InlineNode[], depth: number): void => {
    for (const node of nodes) {
      if (node.type === 'text') spans.push({ text: node.value, style: depth > 0 ? inBracket : style });
      else {
        spans.push({ text: '[', style: mark });
        if (node.label) spans.push({ text: node.label.raw, style: inBracket });
        node.options.forEach((option, i) => {
          if (i > 0) spans.push({ text: '/', style: mark });
          walk(option.children, depth + 1);
        });
        spans.push({ text: ']', style: mark });
      }
    }
  };
  for (const { node, inSpan } of nodesInSpans(parsed.tree.children, marks)) {
    if (node.type === 'spanOpen' || node.type === 'spanClose') spans.push({ text: node.type === 'spanOpen' ? '[' : ']', style: mark });
    else walk([node], inSpan ? 1 : 0);
  }
  return mergeSpans(spans);
}

/** A span of literal text (a number, a label, a marker), made safe. */
export function span(text: string, style: RunStyle = {}): Span {
  return { text: safeText(text), style };
}

/** One piece of a line of the document: `literal` pieces change as a whole, `words` pieces word by word. */
export interface Piece {
  text: string;
  kind: 'literal' | 'words';
  style: RunStyle;
  /** For `words`: the text is in bracket notation, highlighted in compilation mode. */
  notation?: boolean;
  /** For `words` in notation: the bracket spans the text takes part in. */
  spans?: readonly SpanMark[];
}

export const literal = (text: string, style: RunStyle = {}): Piece => ({ text, kind: 'literal', style });
export const words = (text: string, notation: boolean, style: RunStyle = {}, spans?: readonly SpanMark[]): Piece => ({ text, kind: 'words', style, notation, ...(spans ? { spans } : {}) });

/** The spans of a piece, or of `text` (a stretch of it, or its baseline) styled as the piece. */
export function pieceSpans(piece: Piece, text = piece.text): Span[] {
  if (text === '') return [];
  // A stretch of a text (a tracked change) is read without its spans: its edges may not be in it.
  return piece.kind === 'words' ? notationSpans(text, piece.notation === true, piece.style, text === piece.text ? piece.spans : undefined) : [span(text, piece.style)];
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (s.text === '') continue;
    if (last && sameStyle(last.style, s.style)) last.text += s.text;
    else merged.push({ text: s.text, style: s.style });
  }
  return merged;
}

function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.bold === b.bold && a.italics === b.italics && a.highlight === b.highlight && a.color === b.color && a.size === b.size;
}

/**
 * Word runs (XML) for the spans: tabs become `w:tab`, line breaks `w:br`, mostly right-to-left
 * text is marked `w:rtl`. With a revision, each run is wrapped in its own `w:ins` or `w:del`.
 */
export function toRuns(spans: readonly Span[], revision?: RunRevision): string {
  let xml = '';
  const textTag = revision?.kind === 'deleted' ? 'w:delText' : 'w:t';
  for (const s of spans) {
    const format = runFormat(s);
    // Most spans hold neither a tab nor a line break: one piece, not split.
    for (const piece of s.text.includes('\t') || s.text.includes('\n') ? s.text.split(/(\t|\n)/) : [s.text]) {
      if (piece === '') continue;
      const content = piece === '\t' ? '<w:tab/>' : piece === '\n' ? '<w:br/>' : `<${textTag} xml:space="preserve">${xmlText(piece)}</${textTag}>`;
      const run = `<w:r>${format}${content}</w:r>`;
      if (revision === undefined) xml += run;
      else {
        const tag = revisionTag(revision.kind);
        xml += `<${tag}${revisionAttributes(revision.mark())}>${run}</${tag}>`;
      }
    }
  }
  return xml;
}

/** The `w:rPr` of a span, in the schema's order; empty for plain text. */
function runFormat(s: Span): string {
  const { bold, italics, highlight, color, size } = s.style;
  const rtl = isMostlyRightToLeft(s.text);
  if (!bold && !italics && !highlight && color === undefined && size === undefined && !rtl) return '';
  return `<w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}${italics ? '<w:i/><w:iCs/>' : ''}${color !== undefined ? `<w:color w:val="${xmlText(color)}"/>` : ''}${size !== undefined ? `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` : ''}${highlight ? '<w:highlight w:val="yellow"/>' : ''}${rtl ? '<w:rtl/>' : ''}</w:rPr>`;
}
