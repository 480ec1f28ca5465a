import type { Paragraph, SpanMark, Status } from '../model/schemas.js';
import { spanEdges } from '../model/spans.js';
import { parseNotation } from '../notation/parse-notation.js';
import type { NotationResult } from '../notation/types.js';
import { noteKnownText, type KnownTexts } from '../notation/known-texts.js';
import { findUnbracketedChoices, type UnbracketedChoice } from '../notation/unbracketed-choices.js';
import type { ParagraphNode } from './outline-nodes.js';
import { openUnresolved } from './open-unresolved.js';
import { repairBrackets } from './repair-brackets.js';
import { locate, takeMoveNote, takeStatusMarker, type TextUnit } from './text-unit.js';

export type Warn = (line: number, column: number, code: string, message: string) => void;

/** How warnings name a paragraph: its number as printed, else its address. */
export function warningName(p: ParagraphNode, address: string): string {
  return p.number === undefined ? address : p.number;
}

/**
 * The first half of finishing a paragraph node, before brackets that span texts are matched
 * across paragraphs (`planSpans`): status markers read, and its own bracket and its
 * alternatives' brackets closed. Returns its status.
 */
export function prepareParagraph(p: ParagraphNode, address: string, warn: Warn, marker?: RegExp, leadingMarker?: RegExp): { status: Status; markers: number } {
  const name = warningName(p, address);
  let markers = 0;
  const mark = (u: TextUnit): Status | undefined => {
    const status = takeStatusMarker(u, marker, leadingMarker);
    if (status) markers++;
    return status;
  };
  const moved = takeMoveNote(p.text);
  if (moved !== undefined) p.notes.push({ text: moved, kind: 'editorial' });
  // `(moved to 63)` in place of the text: its words now stand in paragraph 63.
  const own = mark(p.text) ?? (moved?.startsWith('Moved to') && p.text.text === '' && p.items.length === 0 ? 'deleted' : undefined);
  for (const item of p.items) {
    const status = mark(item.unit);
    if (status) item.status = status;
  }
  let status: Status = own ?? 'open';
  const last = p.items[p.items.length - 1];
  if (!own && last?.status) {
    // A marker after the last item marks the whole paragraph.
    status = last.status;
    delete last.status;
  }

  let paragraphClosed = !p.bracketed;
  const closeOwnBracket = (u: TextUnit): boolean => {
    const trimmed = u.text.trimEnd();
    if (trimmed.endsWith(']') && parseNotation(trimmed.slice(0, -1)).ok) {
      u.text = trimmed.slice(0, -1).trimEnd();
      return true;
    }
    return false;
  };

  const allAlternatives = [...p.items.flatMap((i) => i.alternatives), ...p.alternatives];
  const lastAlternative = allAlternatives[allAlternatives.length - 1];
  for (const alt of allAlternatives) {
    if (!alt.bracketed) continue;
    const trimmed = alt.unit.text.trimEnd();
    if (!paragraphClosed && alt === lastAlternative && trimmed.endsWith(']]') && parseNotation(trimmed.slice(0, -2)).ok) {
      // `]]` at the end of the last alternative: the second closes the paragraph's own bracket.
      alt.unit.text = trimmed.slice(0, -2).trimEnd();
      paragraphClosed = true;
      continue;
    }
    if (closeOwnBracket(alt.unit)) continue;
    warn(alt.line, alt.column, 'UNCLOSED_ALTERNATIVE', `"${alt.label}" of paragraph ${name} opens with "[" but its closing bracket is missing; imported as an alternative`);
  }
  if (!paragraphClosed) {
    const body = last ? last.unit : p.text;
    if (!closeOwnBracket(body)) {
      warn(p.line, 1, 'UNCLOSED_PARAGRAPH', `paragraph ${name} opens with "[" but its closing bracket is missing; imported as a bracketed paragraph, closed after its ${last ? 'last item' : 'text'}`);
    }
  }
  return { status, markers };
}

/**
 * A prepared paragraph node as the model holds it: the bracket spans its texts take part in
 * (`spans`, from `planSpans`) marked, every other unbalanced bracket repaired (each with a
 * warning), and unbracketed choices outside brackets flagged.
 */
export function finishParagraph(p: ParagraphNode, address: string, status: Status, warn: Warn, spans: ReadonlyMap<TextUnit, SpanMark[]> = new Map(), known?: KnownTexts): Paragraph {
  const name = warningName(p, address);

  const units: { unit: TextUnit; what: string }[] = [
    { unit: p.text, what: `paragraph ${name}` },
    ...p.items.flatMap((item) => [
      { unit: item.unit, what: `item ${item.label} of paragraph ${name}` },
      ...item.alternatives.map((a) => ({ unit: a.unit, what: `"${a.label}" of paragraph ${name}` })),
    ]),
    ...p.alternatives.map((a) => ({ unit: a.unit, what: `"${a.label}" of paragraph ${name}` })),
  ];
  const contested = new Set<TextUnit>();
  for (const { unit, what } of units) {
    const marks = spans.get(unit);
    const around = marks?.filter((m) => m.edge === 'inside').length ?? 0;
    const result = repairBrackets(unit, what, warn, spanEdges(marks));
    if (marks !== undefined || (result.ok && result.tree.children.some((c) => c.type === 'bracket'))) contested.add(unit);
    const choices = flagUnbracketedChoices(unit, result, what, warn, around);
    // Kept for the check of the draft before it is written, which then need not parse the text again.
    if (known && result.ok && marks === undefined) noteKnownText(known, unit.text, result.tree, choices);
  }
  const marksOf = (unit: TextUnit) => {
    const marks = spans.get(unit);
    return marks ? { spans: marks } : {};
  };

  const paragraph: Paragraph = {
    address,
    ...(p.number !== undefined ? { number: p.number } : {}),
    status,
    bracketed: p.bracketed,
    text: p.text.text,
    ...marksOf(p.text),
    items: p.items.map((item) => ({
      label: item.label,
      text: item.unit.text,
      ...marksOf(item.unit),
      ...(item.status ? { status: item.status } : {}),
      ...(item.alternatives.length > 0 ? { alternatives: item.alternatives.map((a) => ({ label: a.label, text: a.unit.text })) } : {}),
    })),
    alternatives: p.alternatives.map((a) => ({ label: a.label, text: a.unit.text })),
    ...(p.notes.length > 0 ? { notes: p.notes } : {}),
  };
  return openUnresolved(paragraph, p, contested, name, warn);
}

function flagUnbracketedChoices(unit: TextUnit, result: NotationResult, what: string, warn: Warn, around: number): UnbracketedChoice[] {
  if (!result.ok) return [];
  const choices = findUnbracketedChoices(result.tree, around);
  for (const choice of choices) {
    const at = locate(unit, choice.offset);
    warn(at.line, at.column, 'UNBRACKETED_CHOICE', `"${choice.text}" in ${what} looks like a choice that is not in brackets; left as written`);
  }
  return choices;
}
