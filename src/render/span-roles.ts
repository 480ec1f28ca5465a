import { paragraphName } from '../model/paragraph-name.js';
import type { Paragraph, SpanEdgeKind } from '../model/schemas.js';
import { spanExtent, spanParagraphs, spanWords, type DraftSpan, type SpanUnit } from '../model/spans.js';

/** A bracket span as one paragraph takes part in it: what `show` lists, and `--json` gives. */
export interface SpanRole {
  /** The span's number: `ndraft accept <paragraph> --span N`. */
  span: number;
  /** What it covers in the draft: `paragraphs 3–4`, `paragraph 5, items (j) to (v)`. */
  extent: string;
  /** What it does in this paragraph: `opens in the text, continues in paragraph 4`. */
  role: string;
  /** The paragraph's texts it touches: `text` or `item (j)`, with how. */
  here: { where: string; edge: SpanEdgeKind }[];
  /** The addresses of every paragraph it covers, in reading order. */
  paragraphs: string[];
  /** Its words, from its "[" to its "]", across the texts it covers (each text's words after the other's). */
  words: string;
}

/** The spans among `spans` that touch the paragraph, in the order they open. */
export function spansOf(paragraph: Paragraph, spans: readonly DraftSpan[]): DraftSpan[] {
  return spans.filter((s) => s.units.some((u) => u.unit.paragraph.address === paragraph.address)).sort((a, b) => a.span - b.span);
}

export function spanRoles(paragraph: Paragraph, spans: readonly DraftSpan[], name: (p: Paragraph) => string = paragraphName): SpanRole[] {
  return spansOf(paragraph, spans).map((span) => {
    const covered = spanParagraphs(span);
    const at = covered.findIndex((p) => p.address === paragraph.address);
    const here = span.units.filter((u) => u.unit.paragraph.address === paragraph.address);
    const parts: string[] = [];
    const before = covered[at - 1];
    const after = covered[at + 1];
    if (before) parts.push(`from paragraph ${name(before)}`);
    const opens = here.find((u) => u.edge === 'opens');
    if (opens) parts.push(`opens in ${where(opens.unit, true)}`);
    const inside = here.filter((u) => u.edge === 'inside').map((u) => u.unit);
    if (inside.length > 0) parts.push(`covers ${covers(inside)}`);
    const closes = here.find((u) => u.edge === 'closes');
    if (closes) parts.push(`closes in ${where(closes.unit, true)}`);
    if (after) parts.push(`continues in paragraph ${name(after)}`);
    return {
      span: span.span,
      extent: spanExtent(span, name),
      role: parts.join(', '),
      here: here.map((u) => ({ where: where(u.unit, false), edge: u.edge })),
      paragraphs: covered.map((p) => p.address),
      words: spanWords(span),
    };
  });
}

/** `the text` (or `text`), `item (j)`. */
function where(unit: SpanUnit, article: boolean): string {
  const item = unit.itemIndex === undefined ? undefined : unit.paragraph.items[unit.itemIndex];
  return item === undefined ? (article ? 'the text' : 'text') : `item ${item.label}`;
}

/** `the text and items a) to c)`, `item (k)`, `items (i) to (iv)`. */
function covers(units: readonly SpanUnit[]): string {
  const text = units.some((u) => u.itemIndex === undefined);
  const items = units.flatMap((u) => (u.itemIndex === undefined ? [] : [u.paragraph.items[u.itemIndex]?.label ?? '']));
  const list = items.length === 0 ? '' : items.length === 1 ? `item ${items[0]}` : `items ${items[0]} to ${items[items.length - 1]}`;
  return [text ? 'the text' : '', list].filter((s) => s !== '').join(' and ');
}
