import { parseNotation } from '../notation/parse-notation.js';
import type { NotationError, NotationRoot } from '../notation/types.js';
import { listBrackets, type BracketVisit } from '../notation/visit-brackets.js';
import type { Paragraph, SpanMark } from './schemas.js';
import { spanEdges } from './spans.js';

/** One place in a paragraph that holds bracket notation. */
export interface TextSlot {
  kind: 'text' | 'item' | 'item-alternative' | 'alternative';
  /** Where the text is in the paragraph file, e.g. `['items', 5, 'alternatives', 1, 'text']`. */
  path: (string | number)[];
  text: string;
  /** Human name of the place: `text`, `item f)`, `Alt 1`, `item f) Alt 71g2`. */
  name: string;
  itemIndex?: number;
  alternativeIndex?: number;
  /** The bracket spans the text takes part in (a paragraph's text or an item: see `spans.ts`). */
  spans?: readonly SpanMark[];
}

/** The text-bearing places of a paragraph in reading order: its text, each item with its alternatives, then its alternatives. */
export function paragraphSlots(paragraph: Paragraph): TextSlot[] {
  // Spans set after the object is made, not spread into it: a draft's every text gets a slot.
  const first: TextSlot = { kind: 'text', path: ['text'], text: paragraph.text, name: 'text' };
  if (paragraph.spans) first.spans = paragraph.spans;
  const slots: TextSlot[] = [first];
  paragraph.items.forEach((item, itemIndex) => {
    const slot: TextSlot = { kind: 'item', path: ['items', itemIndex, 'text'], text: item.text, name: `item ${item.label}`, itemIndex };
    if (item.spans) slot.spans = item.spans;
    slots.push(slot);
    (item.alternatives ?? []).forEach((alt, alternativeIndex) => {
      slots.push({
        kind: 'item-alternative',
        path: ['items', itemIndex, 'alternatives', alternativeIndex, 'text'],
        text: alt.text,
        name: `item ${item.label} ${alt.label}`,
        itemIndex,
        alternativeIndex,
      });
    });
  });
  paragraph.alternatives.forEach((alt, alternativeIndex) => {
    slots.push({
      kind: 'alternative',
      path: ['alternatives', alternativeIndex, 'text'],
      text: alt.text,
      name: alt.label,
      alternativeIndex,
    });
  });
  return slots;
}

export interface ParsedSlot extends TextSlot {
  tree: NotationRoot;
}

export interface NumberedBracket extends BracketVisit {
  /** 1-based number in reading order across the whole paragraph, outer before inner: what `show` prints. */
  n: number;
  slot: ParsedSlot;
}

export interface ParsedParagraph {
  slots: ParsedSlot[];
  brackets: NumberedBracket[];
  errors: { slot: TextSlot; error: NotationError }[];
}

/** Parses every text of a paragraph once and numbers its brackets. */
export function parseParagraph(paragraph: Paragraph): ParsedParagraph {
  const slots: ParsedSlot[] = [];
  const brackets: NumberedBracket[] = [];
  const errors: ParsedParagraph['errors'] = [];
  for (const slot of paragraphSlots(paragraph)) {
    const result = parseNotation(slot.text, spanEdges(slot.spans));
    if (!result.ok) {
      for (const error of result.errors) errors.push({ slot, error });
      continue;
    }
    // The slot was made just above for this parse alone: it takes its tree (no copy per text).
    const parsed = slot as ParsedSlot;
    parsed.tree = result.tree;
    slots.push(parsed);
    for (const { bracket, depth } of listBrackets(result.tree.children)) {
      brackets.push({ bracket, depth, n: brackets.length + 1, slot: parsed });
    }
  }
  return { slots, brackets, errors };
}

/** Alternatives still on the table: the paragraph's own and its items'. */
export function countAlternatives(paragraph: Paragraph): number {
  let count = paragraph.alternatives.length;
  for (const item of paragraph.items) count += item.alternatives?.length ?? 0;
  return count;
}

export function isAgreed(status: Paragraph['status'] | undefined): boolean {
  return status === 'agreed' || status === 'agreed-ad-ref';
}

/** A copy of the paragraph with the text at `path` replaced. */
export function withSlotText(paragraph: Paragraph, path: readonly (string | number)[], text: string): Paragraph {
  const copy = structuredClone(paragraph);
  let target: Record<string | number, unknown> = copy as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1] as string | number] = text;
  return copy;
}
