import { inputError } from '../diagnostics/diagnostic.js';
import { findAlternative, findItem } from '../model/find-wording.js';
import type { Alternative, Paragraph } from '../model/schemas.js';
import { streamlineWordings } from '../merge/streamline-wordings.js';
import type { StreamlineResult } from '../merge/types.js';
import { plural, type Resolution } from './accept-alternative.js';
import { spanEdgeProblem } from '../model/spans.js';

export interface MergeRequest {
  /** The alternatives to fold together; none means all of them (of the paragraph, or of the item). */
  labels: readonly string[];
  /** Take the current text in as the first wording. */
  withText?: boolean;
  /** Merge the alternatives of this item rather than the paragraph's. */
  item?: string;
}

export interface Merge extends Resolution {
  result: StreamlineResult;
  /** The labels of the wordings merged, in order (`text` for the current text). */
  wordings: string[];
}

/**
 * Streamlines competing wordings into one text with brackets only where they differ. The result
 * becomes the text (of the paragraph or item); the merged alternatives leave it, and the history
 * entry of the change keeps them.
 */
export function mergeAlternatives(paragraph: Paragraph, request: MergeRequest): Merge {
  const itemIndex = request.item !== undefined ? findItem(paragraph, request.item).index : undefined;
  const owner = itemIndex === undefined ? paragraph : paragraph.items[itemIndex];
  const available = (itemIndex === undefined ? paragraph.alternatives : paragraph.items[itemIndex]?.alternatives) ?? [];
  const where = itemIndex === undefined ? `paragraph ${paragraph.number}` : `item ${paragraph.items[itemIndex]?.label} of paragraph ${paragraph.number}`;

  let chosen: Alternative[];
  if (request.labels.length === 0) chosen = [...available];
  else {
    chosen = request.labels.map((label) => {
      const found = findAlternative(paragraph, label);
      if (found.itemIndex !== itemIndex) {
        const home = found.itemIndex === undefined ? 'the paragraph itself' : `item ${paragraph.items[found.itemIndex]?.label}`;
        throw inputError(`"${found.alternative.label}" belongs to ${home}, not to ${where}${found.itemIndex !== undefined && itemIndex === undefined ? `; add --item ${paragraph.items[found.itemIndex]?.label.replace(/[()]/g, '')}` : ''}`);
      }
      return found.alternative;
    });
    const labels = chosen.map((a) => a.label);
    const twice = labels.find((l, i) => labels.indexOf(l) !== i);
    if (twice !== undefined) throw inputError(`"${twice}" is named twice`);
  }
  const wordings = [...(request.withText ? [{ label: 'text', text: owner?.text ?? '' }] : []), ...chosen.map((a) => ({ label: a.label, text: a.text }))];
  if (wordings.length < 2) {
    throw inputError(
      `${where} has ${available.length === 0 ? 'no alternatives' : plural(available.length, 'alternative')}: name at least two wordings to merge${request.withText ? '' : ', or add --with-text to take the text in'}`,
    );
  }

  const edge = spanEdgeProblem(owner?.spans, itemIndex === undefined ? `the text of ${where}` : where, paragraph.address);
  if (edge) throw inputError(`cannot merge into ${where}: ${edge}`);
  const result = streamlineWordings(wordings.map((w) => w.text));
  const next = structuredClone(paragraph);
  const merged = new Set(chosen.map((a) => a.label));
  if (itemIndex === undefined) {
    next.text = result.text;
    next.alternatives = next.alternatives.filter((a) => !merged.has(a.label));
  } else {
    const item = next.items[itemIndex] as NonNullable<(typeof next.items)[number]>;
    item.text = result.text;
    const rest = (item.alternatives ?? []).filter((a) => !merged.has(a.label));
    if (rest.length > 0) item.alternatives = rest;
    else delete item.alternatives;
  }
  const names = wordings.map((w) => (w.label === 'text' ? 'the text' : `"${w.label}"`)).join(', ');
  return {
    paragraph: next,
    result,
    wordings: wordings.map((w) => w.label),
    summary: `merged ${names} into the text of ${where}: ${plural(result.brackets, 'bracket')}, ${result.contestedWords} words in contest, ${result.agreedWords} agreed`,
  };
}
