import type { ParagraphNode } from './outline-nodes.js';
import type { TextUnit } from './text-unit.js';

/** Where a line of the source ended up: a paragraph (by its index in the draft) and the text in it. */
export type LinePlace =
  | { paragraph: number; in: 'text' }
  | { paragraph: number; in: 'item'; item: number }
  | { paragraph: number; in: 'alternative'; alternative: number }
  | { paragraph: number; in: 'item-alternative'; item: number; alternative: number };

/**
 * Each source line that holds words of a paragraph, and which text of it they went into: what a
 * reader of another format needs to attach what the text cannot carry (a Word comment, a tracked
 * change) to the paragraph, item or alternative its line became. The first text a line feeds wins.
 */
export function linePlaces(nodes: readonly ParagraphNode[]): Map<number, LinePlace> {
  const places = new Map<number, LinePlace>();
  const mark = (unit: TextUnit, place: LinePlace) => {
    for (const segment of unit.segments) if (!places.has(segment.line)) places.set(segment.line, place);
  };
  nodes.forEach((node, paragraph) => {
    if (!places.has(node.line)) places.set(node.line, { paragraph, in: 'text' });
    mark(node.text, { paragraph, in: 'text' });
    node.items.forEach((item, i) => {
      mark(item.unit, { paragraph, in: 'item', item: i });
      item.alternatives.forEach((alt, a) => {
        if (!places.has(alt.line)) places.set(alt.line, { paragraph, in: 'item-alternative', item: i, alternative: a });
        mark(alt.unit, { paragraph, in: 'item-alternative', item: i, alternative: a });
      });
    });
    node.alternatives.forEach((alt, a) => {
      if (!places.has(alt.line)) places.set(alt.line, { paragraph, in: 'alternative', alternative: a });
      mark(alt.unit, { paragraph, in: 'alternative', alternative: a });
    });
  });
  return places;
}
