import { inputError } from '../diagnostics/diagnostic.js';
import { findAlternative } from '../model/find-wording.js';
import { spanEdgeProblem } from '../model/spans.js';
import type { Paragraph } from '../model/schemas.js';

export interface Resolution {
  paragraph: Paragraph;
  /** One line saying what changed, e.g. `accepted "Alt 3" as the text of 61`. */
  summary: string;
}

/**
 * The alternative becomes the wording of its paragraph, or of its item. The wordings it
 * replaces (the text and the other alternatives there) leave the paragraph; the history entry
 * of the change keeps them, and `restore` brings any of them back.
 */
export function acceptAlternative(paragraph: Paragraph, label: string): Resolution {
  const found = findAlternative(paragraph, label);
  const owner = found.itemIndex === undefined ? undefined : paragraph.items[found.itemIndex];
  const what = owner === undefined ? `the text of paragraph ${paragraph.number ?? paragraph.address}` : `item ${owner.label} of paragraph ${paragraph.number ?? paragraph.address}`;
  const edge = spanEdgeProblem(owner === undefined ? paragraph.spans : owner.spans, what, paragraph.address);
  if (edge) throw inputError(`cannot accept "${found.alternative.label}": ${edge}`);
  const next = structuredClone(paragraph);
  const text = found.alternative.text;
  if (found.itemIndex === undefined) {
    const dropped = next.alternatives.length - 1;
    next.text = text;
    next.alternatives = [];
    return { paragraph: next, summary: `accepted "${found.alternative.label}" as the text of paragraph ${paragraph.number} (the former text and ${plural(dropped, 'other alternative')} went to history)` };
  }
  const item = next.items[found.itemIndex];
  if (!item) throw new Error('item vanished');
  const dropped = (item.alternatives?.length ?? 1) - 1;
  item.text = text;
  delete item.alternatives;
  return {
    paragraph: next,
    summary: `accepted "${found.alternative.label}" as the text of item ${item.label} of paragraph ${paragraph.number} (the former text and ${plural(dropped, 'other alternative')} went to history)`,
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
