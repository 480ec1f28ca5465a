import { inputLimits } from '../limits/input-limits.js';
import type { SpanMark, Status } from '../model/schemas.js';
import { unmatchedBrackets } from '../notation/parse-notation.js';
import type { OutlineNode, ParagraphNode, SectionNode } from './outline-nodes.js';
import { locate, type TextUnit } from './text-unit.js';

export type Warn = (line: number, column: number, code: string, message: string) => void;

/** Span warnings given one by one for a text; past this, they are counted in one more warning. */
const MAX_WARNINGS_PER_TEXT = 10;

interface Opener {
  unit: TextUnit;
  what: string;
  /** Where its "[" stands in the unit's text. */
  offset: number;
  /** Reading order of the "[", which numbers the spans. */
  seq: number;
  closedBy?: { unit: TextUnit; what: string; offset: number };
  span?: number;
}

interface UnitPlan {
  unit: TextUnit;
  inside: Opener[];
  closes: Opener[];
  opens: Opener[];
}

/**
 * Brackets that span texts: an unmatched "[" in one text (a paragraph's text or an item) closed
 * by an unmatched "]" in a later one, the next paragraphs' included, is one bracket over them
 * all, a bracket span (see `model/spans.ts`), not two repairs. Matched in one pass over the texts
 * in reading order, as brackets nest: the first unmatched "]" of a text closes the "[" opened
 * last. Spans stay within one list of the outline (a heading or an option block ends them) and
 * never reach into a paragraph bracketed as a whole or into agreed text: a "[" still open there
 * is never closed, and is repaired in its own text as before, with its warning. Each span found
 * is a warning too (`BRACKET_SPANS_UNITS`), naming both lines: nothing is silent.
 *
 * Returns the marks of every text a span covers, numbered 1, 2, 3… in the order they open.
 */
export function planSpans(
  sections: readonly SectionNode[],
  statusOf: (paragraph: ParagraphNode) => Status,
  name: (paragraph: ParagraphNode) => string,
  warn: Warn,
): Map<TextUnit, SpanMark[]> {
  const maxDepth = inputLimits().depth;
  const plans: UnitPlan[] = [];
  const openers: Opener[] = [];

  for (const run of paragraphRuns(sections)) {
    let stack: Opener[] = [];
    for (const p of run) {
      const status = statusOf(p);
      if (p.bracketed || status === 'agreed' || status === 'agreed-ad-ref') {
        stack = [];
        continue;
      }
      const units = [
        { unit: p.text, what: `paragraph ${name(p)}`, open: true },
        ...p.items.map((item) => ({ unit: item.unit, what: `item ${item.label} of paragraph ${name(p)}`, open: item.status !== 'agreed' && item.status !== 'agreed-ad-ref' })),
      ];
      for (const { unit, what, open } of units) {
        if (!open) {
          stack = [];
          continue;
        }
        if (stack.length === 0 && !unit.text.includes('[')) continue;
        const unmatched = unmatchedBrackets(unit.text);
        if (stack.length === 0 && unmatched.opens.length === 0) continue;
        const plan: UnitPlan = { unit, inside: [], closes: [], opens: [] };
        for (const offset of unmatched.closes) {
          const opener = stack.pop();
          if (!opener) break;
          opener.closedBy = { unit, what, offset };
          plan.closes.push(opener);
        }
        plan.inside = stack.slice();
        // Past the nesting limit nothing spans: the brackets are repaired, and the import refuses them as ever.
        if (stack.length + unmatched.opens.length <= maxDepth) {
          for (const offset of unmatched.opens) {
            const opener: Opener = { unit, what, offset, seq: openers.length };
            openers.push(opener);
            stack.push(opener);
            plan.opens.push(opener);
          }
        }
        plans.push(plan);
      }
    }
  }

  let number = 0;
  for (const opener of openers) if (opener.closedBy) opener.span = ++number;
  warnSpans(openers, warn);

  const marks = new Map<TextUnit, SpanMark[]>();
  const mark = (o: Opener, edge: SpanMark['edge']): SpanMark[] => (o.span === undefined ? [] : [{ span: o.span, edge }]);
  for (const plan of plans) {
    const list = [...plan.inside.flatMap((o) => mark(o, 'inside')), ...plan.closes.flatMap((o) => mark(o, 'closes')), ...plan.opens.flatMap((o) => mark(o, 'opens'))];
    if (list.length > 0) marks.set(plan.unit, list);
  }
  return marks;
}

/** One warning per span at its "[", naming the line of its "]"; the first ten of a text, then a count. */
function warnSpans(openers: readonly Opener[], warn: Warn): void {
  const perUnit = new Map<TextUnit, Opener[]>();
  for (const o of openers) {
    if (o.span === undefined) continue;
    const list = perUnit.get(o.unit) ?? [];
    list.push(o);
    perUnit.set(o.unit, list);
  }
  for (const [unit, list] of perUnit) {
    for (const o of list.slice(0, MAX_WARNINGS_PER_TEXT)) {
      const at = locate(unit, o.offset);
      const closed = o.closedBy as NonNullable<Opener['closedBy']>;
      const end = locate(closed.unit, closed.offset);
      warn(
        at.line,
        at.column,
        'BRACKET_SPANS_UNITS',
        `"[" in ${o.what} closes in ${closed.what}, at line ${end.line}, column ${end.column}: kept as one bracket over them (bracket span ${o.span}), nothing added`,
      );
    }
    const more = list.length - MAX_WARNINGS_PER_TEXT;
    const next = list[MAX_WARNINGS_PER_TEXT];
    if (more > 0 && next) {
      const at = locate(unit, next.offset);
      warn(at.line, at.column, 'BRACKET_SPANS_UNITS', `and ${more} more brackets in ${next.what} that close in later texts, each kept as a bracket span`);
    }
  }
}

/** The paragraphs one list of the outline holds one after the other, with no option block between them, in reading order. */
function paragraphRuns(sections: readonly SectionNode[]): ParagraphNode[][] {
  const runs: ParagraphNode[][] = [];
  const entries = (list: readonly OutlineNode[]) => {
    let run: ParagraphNode[] = [];
    for (const entry of list) {
      if (entry.kind === 'paragraph') {
        run.push(entry);
        continue;
      }
      if (run.length > 0) runs.push(run);
      run = [];
      for (const option of entry.options) entries(option.entries);
    }
    if (run.length > 0) runs.push(run);
  };
  const walk = (list: readonly SectionNode[]) => {
    for (const section of list) {
      entries(section.entries);
      walk(section.subsections);
    }
  };
  walk(sections);
  return runs;
}
