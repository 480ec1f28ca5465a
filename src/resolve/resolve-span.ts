import { inputError } from '../diagnostics/diagnostic.js';
import { paragraphName } from '../model/paragraph-name.js';
import { isAgreed } from '../model/paragraph-slots.js';
import type { Item, Paragraph, SpanMark } from '../model/schemas.js';
import { spanEdges, spanExtent, spanParagraphs, type DraftSpan } from '../model/spans.js';
import { parseNotation } from '../notation/parse-notation.js';
import { printNotation } from '../notation/print-notation.js';
import type { RootChild } from '../notation/types.js';
import { paragraphForYaml } from '../store/serialize.js';
import type { DraftChange } from './accept-option.js';

/**
 * Settles bracket span `n` (one bracket over several texts, see `model/spans.ts`) as a whole,
 * from paragraph `from`, which it must touch. Every paragraph it covers changes in the one change.
 *
 * Keep: its `[` and `]` go, and every text it covered stays as it is (no longer in the span).
 *
 * Drop: its words go, from its `[` to its `]`, in every text it covers: the text it opens in
 * keeps what stands before its `[`, the one it closes in what stands after its `]`. An item left
 * with no words (wholly inside, or bracketed from its first word to its last) is removed; a
 * paragraph left with no words at all is deleted instead, as `accept --drop-paragraph` deletes
 * one: its status `deleted`, its text kept (without the span's brackets), so `undo` and `restore`
 * can bring it back. Spans inside the dropped one go with it. Refused when a paragraph it covers
 * is agreed.
 */
export function resolveSpan(spans: readonly DraftSpan[], from: Paragraph, n: number, decision: 'keep' | 'drop'): DraftChange {
  const span = spans.find((s) => s.span === n);
  const touching = spans.filter((s) => s.units.some((u) => u.unit.paragraph.address === from.address)).map((s) => s.span);
  if (!span || !touching.includes(n)) {
    throw inputError(
      touching.length === 0
        ? `paragraph ${paragraphName(from)} is in no bracket span${spans.length > 0 ? ` (the draft's spans are numbered ${spans.map((s) => s.span).join(', ')})` : ''}`
        : `paragraph ${paragraphName(from)} is in no bracket span ${n}; it is in span${touching.length === 1 ? '' : 's'} ${touching.join(', ')} (see "ndraft show ${from.address}")`,
    );
  }
  const covered = spanParagraphs(span);
  const agreed = covered.filter((p) => isAgreed(p.status));
  if (agreed.length > 0) {
    throw inputError(`bracket span ${n} covers agreed paragraph${agreed.length === 1 ? '' : 's'} ${agreed.map(paragraphName).join(', ')}; reopen ${agreed.length === 1 ? 'it' : 'them'} first`);
  }
  const extent = spanExtent(span);
  if (decision === 'keep') {
    const paragraphs = covered.map((before) => ({ before, after: paragraphForYaml(mapUnits(before, (unit) => withoutEdges(unit, new Set([n])))) }));
    return { paragraphs, summary: `kept bracket span ${n} over ${extent}: its brackets went, its words stay (${plural(covered.length, 'paragraph')} changed)` };
  }

  const dropped = new Set([n, ...nestedSpans(span)]);
  const edgeIn = new Map<string, SpanMark['edge']>();
  for (const { unit, edge } of span.units) edgeIn.set(unitKey(unit.paragraph.address, unit.itemIndex), edge);
  const deleted: Paragraph[] = [];
  const removedItems: string[] = [];
  const paragraphs = covered.map((before) => ({ before, after: paragraphForYaml(droppedParagraph(before)) }));
  function droppedParagraph(before: Paragraph): Paragraph {
    const strip = (status?: Paragraph['status']) => {
      const after = mapUnits(before, (unit) => withoutEdges(unit, dropped));
      return status ? { ...after, status } : after;
    };
    if (before.status === 'deleted') return strip();
    const text = dropWords({ text: before.text, spans: before.spans }, edgeIn.get(unitKey(before.address)), n, dropped);
    const items: Item[] = [];
    const gone: string[] = [];
    before.items.forEach((item, i) => {
      const edge = edgeIn.get(unitKey(before.address, i));
      const kept = dropWords(item, edge, n, dropped);
      if (edge !== undefined && kept.text.trim() === '') gone.push(item.label);
      else items.push(withUnit(item, kept));
    });
    if (text.text.trim() === '' && items.length === 0) {
      deleted.push(before);
      return strip('deleted');
    }
    if (gone.length > 0) removedItems.push(`${gone.length === 1 ? 'item' : 'items'} ${gone.join(' ')} of paragraph ${paragraphName(before)}`);
    return { ...withUnit(before, text), items };
  }
  const done = [
    deleted.length > 0 ? `deleted ${deleted.length === 1 ? 'paragraph' : 'paragraphs'} ${deleted.map(paragraphName).join(', ')} (${deleted.length === 1 ? 'its' : 'their'} text is kept)` : '',
    removedItems.length > 0 ? `removed ${removedItems.join(', ')}` : '',
  ].filter((s) => s !== '');
  const reworded = paragraphs.filter(({ before }) => !deleted.includes(before)).length;
  if (reworded > 0 && done.length === 0) done.push(`${plural(reworded, 'paragraph')} reworded`);
  return { paragraphs, summary: `dropped bracket span ${n} over ${extent}: ${done.join('; ')}` };
}

interface Unit {
  text: string;
  spans?: SpanMark[] | undefined;
}

function unitKey(address: string, itemIndex?: number): string {
  return itemIndex === undefined ? address : `${address}#${itemIndex}`;
}

/** The span numbers of the spans that open inside span `span` (they are dropped with it). */
function nestedSpans(span: DraftSpan): number[] {
  const nested: number[] = [];
  for (const { unit, edge } of span.units) {
    const opens = unit.marks.filter((m) => m.edge === 'opens').map((m) => m.span);
    if (edge === 'inside') nested.push(...opens);
    if (edge === 'opens') nested.push(...opens.slice(opens.indexOf(span.span) + 1));
  }
  return nested;
}

/** The paragraph with `change` applied to its text and to each of its items. */
function mapUnits(paragraph: Paragraph, change: (unit: Unit) => Unit): Paragraph {
  return { ...withUnit(paragraph, change({ text: paragraph.text, spans: paragraph.spans })), items: paragraph.items.map((item) => withUnit(item, change(item))) };
}

/** A paragraph or item with the text and the span marks of `unit`; no `spans` field when none are left. */
function withUnit<T extends { text: string; spans?: SpanMark[] | undefined }>(target: T, unit: Unit): T {
  const { spans: _old, ...rest } = target;
  return { ...rest, text: unit.text, ...(unit.spans && unit.spans.length > 0 ? { spans: unit.spans } : {}) } as T;
}

function children(unit: Unit): RootChild[] {
  const parsed = parseNotation(unit.text, spanEdges(unit.spans));
  if (!parsed.ok) throw new Error(`a text in a bracket span does not parse: ${parsed.errors[0]?.message ?? ''}`);
  return parsed.tree.children;
}

/** The unit without the brackets of the spans in `spans`, and without their marks; its words stay. */
function withoutEdges(unit: Unit, spans: ReadonlySet<number>): Unit {
  if (!(unit.spans ?? []).some((m) => spans.has(m.span))) return unit;
  const kept = children(unit).filter((c) => !((c.type === 'spanOpen' || c.type === 'spanClose') && spans.has(c.span)));
  return { text: printNotation(kept), spans: (unit.spans ?? []).filter((m) => !spans.has(m.span)) };
}

/** The unit once span `n` is dropped: what stands outside it, given how the span touches it (`edge`). */
function dropWords(unit: Unit, edge: SpanMark['edge'] | undefined, n: number, dropped: ReadonlySet<number>): Unit {
  if (edge === undefined) return unit;
  const marks = (unit.spans ?? []).filter((m) => !dropped.has(m.span));
  if (edge === 'inside') return { text: '', spans: marks };
  const nodes = children(unit);
  const at = nodes.findIndex((c) => c.type === (edge === 'opens' ? 'spanOpen' : 'spanClose') && c.span === n);
  const text = edge === 'opens' ? printNotation(nodes.slice(0, at)).trimEnd() : printNotation(nodes.slice(at + 1)).trimStart();
  return { text, spans: marks };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
