import { parseNotation } from '../notation/parse-notation.js';
import { printNotation } from '../notation/print-notation.js';
import type { RootChild, SpanEdges } from '../notation/types.js';
import { paragraphName } from './paragraph-name.js';
import type { OutlineEntry, Paragraph, Section, SpanEdgeKind, SpanMark } from './schemas.js';

/**
 * Bracket spans: one bracket over several texts. An opening bracket at the start of paragraph 3
 * may close at the end of paragraph 4, or one may open on item (j) and close after its sub-item
 * (v). Each text keeps its own words exactly as the source had them, its `[` or `]` included,
 * unmatched there; its `spans` field (a paragraph's for its text, an item's for the item) says
 * which span that bracket belongs to, so the notation parser reads it as a span edge:
 *
 *   paragraph 3   text: "Parties shall [consider further steps"   spans: [{span: 1, edge: opens}]
 *   paragraph 4   text: "to be taken by 2030.]"                     spans: [{span: 1, edge: closes}]
 *
 * and every text wholly between the two says `{span: 1, edge: inside}`. A span covers consecutive
 * texts in reading order (a paragraph's text, then its items, then the next paragraph's) within
 * one list of the outline: a heading or an option block ends it. Spans nest as brackets do.
 * Alternatives are never part of a span: they are separate wordings.
 */

/** One text a span may cover: a paragraph's text (its body or chapeau) or one of its items. */
export interface SpanUnit {
  paragraph: Paragraph;
  /** The item's index; absent for the paragraph's text. */
  itemIndex?: number;
  marks: readonly SpanMark[];
}

/** A bracket span of the draft, with every text it covers in reading order: it opens in the first and closes in the last. */
export interface DraftSpan {
  span: number;
  units: { unit: SpanUnit; edge: SpanEdgeKind }[];
}

/** What `validate` reports of the spans across files: where it is in which paragraph's file. */
export interface SpanProblem {
  paragraph: Paragraph;
  path: (string | number)[];
  code: string;
  message: string;
}

/** The span edges that stand in a text, for the parser; undefined when the text has none. */
export function spanEdges(marks: readonly SpanMark[] | undefined): SpanEdges | undefined {
  if (marks === undefined || marks.length === 0) return undefined;
  const closes = marks.filter((m) => m.edge === 'closes').map((m) => m.span);
  const opens = marks.filter((m) => m.edge === 'opens').map((m) => m.span);
  return closes.length === 0 && opens.length === 0 ? undefined : { closes, opens };
}

/**
 * A text's nodes, each with whether it stands inside a bracket span: after a span's `[`, before
 * its `]`, or anywhere in a text that lies wholly inside one. The edges themselves count as inside.
 */
export function nodesInSpans(children: readonly RootChild[], marks: readonly SpanMark[] | undefined): { node: RootChild; inSpan: boolean }[] {
  let open = (marks ?? []).filter((m) => m.edge !== 'opens').length;
  return children.map((node) => {
    if (node.type === 'spanOpen') open++;
    const inSpan = open > 0;
    if (node.type === 'spanClose') open--;
    return { node, inSpan };
  });
}

/** The paragraph's texts a span may cover, in reading order: its text, then its items. */
export function paragraphUnits(paragraph: Paragraph): SpanUnit[] {
  return [{ paragraph, marks: paragraph.spans ?? [] }, ...paragraph.items.map((item, itemIndex) => ({ paragraph, itemIndex, marks: item.spans ?? [] }))];
}

/** Whether any text of the paragraph takes part in a span. */
export function hasSpanMarks(paragraph: Paragraph): boolean {
  return (paragraph.spans?.length ?? 0) > 0 || paragraph.items.some((item) => (item.spans?.length ?? 0) > 0);
}

/**
 * A change that replaces a text's words (accepting an alternative, merging into it) would take
 * away the `[` or `]` of a bracket span that stands there: such a text is refused, naming the span
 * to settle first. A text wholly inside a span may be reworded: the span stays around it.
 */
export function spanEdgeProblem(marks: readonly SpanMark[] | undefined, what: string, address: string): string | undefined {
  const edge = (marks ?? []).find((m) => m.edge !== 'inside');
  if (edge === undefined) return undefined;
  return `the ${edge.edge === 'opens' ? '"["' : '"]"'} of bracket span ${edge.span} stands in ${what}; settle the span first ("ndraft accept ${address} --span ${edge.span} --keep" or "--drop")`;
}

/** How many spans open in the paragraph: `status` counts a span once, where it opens. */
export function spansOpenedIn(paragraph: Paragraph): number {
  // Nearly every paragraph takes part in no span: `status` counts thousands without a unit list each.
  if (!hasSpanMarks(paragraph)) return 0;
  return paragraphUnits(paragraph).reduce((sum, unit) => sum + unit.marks.filter((m) => m.edge === 'opens').length, 0);
}

/** Where a text's span marks are in its paragraph's file. */
export function marksPath(unit: Pick<SpanUnit, 'itemIndex'>): (string | number)[] {
  return unit.itemIndex === undefined ? ['spans'] : ['items', unit.itemIndex, 'spans'];
}

/** Where a text is in its paragraph's file. */
export function unitTextPath(unit: Pick<SpanUnit, 'itemIndex'>): (string | number)[] {
  return unit.itemIndex === undefined ? ['text'] : ['items', unit.itemIndex, 'text'];
}

type Name = (paragraph: Paragraph) => string;

/** `paragraph 3`, `item (j) of paragraph 5`. */
export function unitName(unit: Pick<SpanUnit, 'paragraph' | 'itemIndex'>, name: Name = paragraphName): string {
  const item = unit.itemIndex === undefined ? undefined : unit.paragraph.items[unit.itemIndex];
  return item === undefined ? `paragraph ${name(unit.paragraph)}` : `item ${item.label} of paragraph ${name(unit.paragraph)}`;
}

/** The paragraphs a span covers, in reading order. */
export function spanParagraphs(span: DraftSpan): Paragraph[] {
  const out: Paragraph[] = [];
  for (const { unit } of span.units) if (out[out.length - 1] !== unit.paragraph) out.push(unit.paragraph);
  return out;
}

/**
 * What a span covers, for captions and messages: `paragraphs 3–4`, `paragraph 5, items (j) to
 * (v)`, `paragraph 5, from its text to item f.`, `item (b) of paragraph 3 to paragraph 4`.
 */
export function spanExtent(span: DraftSpan, name: Name = paragraphName): string {
  const first = span.units[0]?.unit;
  const last = span.units[span.units.length - 1]?.unit;
  if (!first || !last) return `bracket span ${span.span}`;
  const label = (unit: SpanUnit) => (unit.itemIndex === undefined ? undefined : unit.paragraph.items[unit.itemIndex]?.label);
  if (first.paragraph === last.paragraph) {
    const [from, to] = [label(first), label(last)];
    const where = `paragraph ${name(first.paragraph)}`;
    if (from === undefined) return to === undefined ? where : `${where}, from its text to item ${to}`;
    return `${where}, items ${from} to ${to}`;
  }
  const paragraphs = spanParagraphs(span);
  if (label(first) === undefined && label(last) === undefined) {
    return paragraphs.length === 2 ? `paragraphs ${name(first.paragraph)}–${name(last.paragraph)}` : `paragraphs ${name(first.paragraph)} to ${name(last.paragraph)}`;
  }
  return `${unitName(first, name)} to ${unitName(last, name)}`;
}

/**
 * The runs of paragraphs a span may cover: the paragraphs one list of the outline names one after
 * the other (a section's own list, an option's), with no option block between them.
 */
export function spanRuns(sections: readonly Section[]): string[][] {
  const runs: string[][] = [];
  const entries = (list: readonly OutlineEntry[]) => {
    let run: string[] = [];
    for (const entry of list) {
      if (typeof entry === 'string') {
        run.push(entry);
        continue;
      }
      if (run.length > 0) runs.push(run);
      run = [];
      for (const option of entry.options) entries(option.paragraphs);
    }
    if (run.length > 0) runs.push(run);
  };
  const walk = (list: readonly Section[]) => {
    for (const section of list) {
      entries(section.paragraphs);
      walk(section.subsections ?? []);
    }
  };
  walk(sections);
  return runs;
}

/**
 * Every span of the draft, read from the texts' marks in reading order, and what is wrong with
 * them: a span opened and never closed (the run of paragraphs ends, or a text after it does not
 * list it), closed where it is not open (before it opens, or twice), closed while a span opened
 * inside it is still open, and a number opened twice. `isMarked` tells the paragraphs with any mark (the others
 * are read only to report a problem); `paragraph` reads one.
 */
export function collectSpans(
  sections: readonly Section[],
  isMarked: (address: string) => boolean,
  paragraph: (address: string) => Paragraph | undefined,
): { spans: DraftSpan[]; problems: SpanProblem[] } {
  const spans = new Map<number, DraftSpan>();
  const problems: SpanProblem[] = [];
  const closed = new Map<number, SpanUnit>();
  /** Spans reported as ended where a text did not list them: their later marks are not reported again. */
  const broken = new Set<number>();
  const problem = (unit: SpanUnit, path: (string | number)[], code: string, message: string) => problems.push({ paragraph: unit.paragraph, path, code, message });
  const opening = (span: number) => spans.get(span)?.units[0]?.unit;

  for (const run of spanRuns(sections)) {
    /** The spans open, outermost first. */
    let stack: number[] = [];
    for (const address of run) {
      if (!isMarked(address) && stack.length === 0) continue;
      const p = paragraph(address);
      if (!p) continue;
      for (const unit of paragraphUnits(p)) {
        const at = (k: number) => [...marksPath(unit), k];
        const listed = new Set<number>();
        unit.marks.forEach((mark, k) => {
          if (listed.has(mark.span)) problem(unit, at(k), 'SPAN_LISTED_TWICE', `bracket span ${mark.span} is listed twice for ${unitName(unit)}`);
          listed.add(mark.span);
        });
        // Those it lies in, and those it closes: each must be open here.
        const closes: number[] = [];
        unit.marks.forEach((mark, k) => {
          if (mark.edge === 'opens') return;
          if (stack.includes(mark.span)) {
            spans.get(mark.span)?.units.push({ unit, edge: mark.edge });
            if (mark.edge === 'closes') closes.push(mark.span);
            return;
          }
          if (broken.has(mark.span)) return;
          const earlier = closed.get(mark.span);
          const from = opening(mark.span);
          const why = earlier
            ? `it closed already, in ${unitName(earlier)}`
            : from
              ? `it opens in ${unitName(from)}, which is not before it in the same list of paragraphs`
              : 'no text before it opens it (a span opens where its "[" stands, marked "opens")';
          problem(unit, at(k), 'SPAN_NOT_OPEN', `${unitName(unit)} says it ${mark.edge === 'closes' ? 'closes' : 'lies inside'} bracket span ${mark.span}, but that span is not open there: ${why}`);
        });
        // A span open here that the text does not list: it was never closed before this text.
        // Reported once, at its "[" (later marks of it are not reported again).
        for (const span of stack.filter((s) => !listed.has(s))) {
          const units = spans.get(span)?.units ?? [];
          const first = units[0]?.unit;
          const last = units[units.length - 1]?.unit;
          if (first && last) {
            const k = first.marks.findIndex((m) => m.span === span && m.edge === 'opens');
            const lastName = last === first ? 'no later text lists it' : `${unitName(last)} is the last text that lists it`;
            problem(
              first,
              [...marksPath(first), k],
              'SPAN_NOT_CLOSED',
              `bracket span ${span} opens in ${unitName(first)} but is never closed: ${lastName}, and ${unitName(unit)} after it does not (mark the text its "]" stands in {span: ${span}, edge: closes}, and every text before it {span: ${span}, edge: inside})`,
            );
          }
          broken.add(span);
          spans.delete(span);
          stack = stack.filter((s) => s !== span);
        }
        // A text closes the innermost open spans first, as brackets nest.
        closes.forEach((span, k) => {
          const expected = stack[stack.length - 1 - k];
          if (expected !== span && expected !== undefined) {
            problem(unit, marksPath(unit), 'SPAN_OVERLAP', `bracket span ${span} closes in ${unitName(unit)} while span ${expected}, opened inside it, is still open: spans nest as brackets do (the first "]" closes the span opened last)`);
          }
        });
        stack = stack.filter((span) => !closes.includes(span));
        for (const span of closes) closed.set(span, unit);
        unit.marks.forEach((mark, k) => {
          if (mark.edge !== 'opens') return;
          if (spans.has(mark.span)) {
            const first = opening(mark.span);
            problem(unit, at(k), 'SPAN_NUMBER_TAKEN', `bracket span ${mark.span} opens again in ${unitName(unit)}; it opened in ${first ? unitName(first) : 'another text'} already: give this one a number of its own`);
            broken.add(mark.span);
            return;
          }
          spans.set(mark.span, { span: mark.span, units: [{ unit, edge: 'opens' }] });
          stack.push(mark.span);
        });
      }
    }
    for (const span of stack) {
      if (broken.has(span)) continue;
      const first = opening(span);
      if (!first) continue;
      const k = first.marks.findIndex((m) => m.span === span && m.edge === 'opens');
      problem(first, [...marksPath(first), k], 'SPAN_NOT_CLOSED', `bracket span ${span} opens in ${unitName(first)} but is never closed: no later text before the next heading or option block says {span: ${span}, edge: closes}`);
    }
  }
  // Marks in paragraphs outside every run (not in the outline) are reported as such elsewhere.
  return { spans: [...spans.values()].filter((s) => closed.has(s.span)), problems };
}

/** The words inside the span, from each text it covers in turn, joined by a space. */
export function spanWords(span: DraftSpan): string {
  const pieces: string[] = [];
  for (const { unit, edge } of span.units) {
    const text = unitText(unit);
    if (edge === 'inside') {
      pieces.push(text);
      continue;
    }
    const parsed = parseNotation(text, spanEdges(unit.marks));
    if (!parsed.ok) continue;
    const children = parsed.tree.children;
    const k = children.findIndex((c) => (c.type === 'spanOpen' || c.type === 'spanClose') && c.span === span.span);
    if (k < 0) continue;
    const slice: RootChild[] = edge === 'opens' ? children.slice(k + 1) : children.slice(0, k);
    pieces.push(printNotation(slice));
  }
  return pieces
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
}

function unitText(unit: SpanUnit): string {
  return unit.itemIndex === undefined ? unit.paragraph.text : (unit.paragraph.items[unit.itemIndex]?.text ?? '');
}
