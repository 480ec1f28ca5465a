import { inputError } from '../diagnostics/diagnostic.js';
import { allAlternatives, findAlternative, findItem } from '../model/find-wording.js';
import { splitLabels } from '../model/match-label.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Alternative, AlternativeScope, Paragraph } from '../model/schemas.js';
import { streamlineWordings } from '../merge/streamline-wordings.js';
import type { StreamlineResult } from '../merge/types.js';
import { plural, type Resolution } from './accept-alternative.js';
import { spanEdgeProblem } from '../model/spans.js';
import { describeScope } from '../model/describe-scope.js';
import { placeWording } from './place-alternative.js';

export interface MergeRequest {
  /**
   * The alternatives to fold together, as typed: quoted labels or unquoted words, which are split
   * where a new label starts (`Alt 1 Alt 2`); none means all of them (of the paragraph, or of the item).
   */
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
  /** What the merged wording competes for, as the alternatives merged did; absent: the whole text. */
  scope?: AlternativeScope;
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
  const where = itemIndex === undefined ? `paragraph ${paragraphName(paragraph)}` : `item ${paragraph.items[itemIndex]?.label} of paragraph ${paragraphName(paragraph)}`;

  let chosen: Alternative[];
  if (request.labels.length === 0) chosen = [...available];
  else {
    const labels = splitLabels(request.labels, allAlternatives(paragraph).map((f) => f.alternative.label));
    chosen = labels.map((label) => {
      const found = findAlternative(paragraph, label);
      if (found.itemIndex !== itemIndex) {
        const home = found.itemIndex === undefined ? 'the paragraph itself' : `item ${paragraph.items[found.itemIndex]?.label}`;
        throw inputError(`"${found.alternative.label}" belongs to ${home}, not to ${where}${found.itemIndex !== undefined && itemIndex === undefined ? `; add --item ${paragraph.items[found.itemIndex]?.label.replace(/[()]/g, '')}` : ''}`);
      }
      return found.alternative;
    });
    const named = chosen.map((a) => a.label);
    const twice = named.find((l, i) => named.indexOf(l) !== i);
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
  const scope = sharedScope(chosen, where, request.withText === true);
  const result = streamlineWordings(wordings.map((w) => w.text));
  const next = structuredClone(paragraph);
  const merged = new Set(chosen.map((a) => a.label));
  const text = scope === undefined ? result.text : placeMerged(owner?.text ?? '', result.text, scope, where);
  if (itemIndex === undefined) {
    next.text = text;
    next.alternatives = next.alternatives.filter((a) => !merged.has(a.label));
  } else {
    const item = next.items[itemIndex] as NonNullable<(typeof next.items)[number]>;
    item.text = text;
    const rest = (item.alternatives ?? []).filter((a) => !merged.has(a.label));
    if (rest.length > 0) item.alternatives = rest;
    else delete item.alternatives;
  }
  const names = wordings.map((w) => (w.label === 'text' ? 'the text' : `"${w.label}"`)).join(', ');
  return {
    paragraph: next,
    result,
    wordings: wordings.map((w) => w.label),
    ...(scope !== undefined ? { scope } : {}),
    summary: `merged ${names} ${scope === undefined ? 'into the text of' : `(${describeScope(scope)}) into`} ${where}: ${plural(result.brackets, 'bracket')}, ${result.contestedWords} words in contest, ${result.agreedWords} agreed`,
  };
}

/**
 * What the merged wording competes for: the scope the alternatives share. Alternatives that
 * compete for different things (one inserted, one replacing the text) cannot become one text,
 * and an insertion is no rewording of the text, so it does not merge with it.
 */
function sharedScope(chosen: readonly Alternative[], where: string, withText: boolean): AlternativeScope | undefined {
  const key = (a: Alternative) => JSON.stringify(a.scope ?? null);
  const first = chosen[0];
  const other = chosen.find((a) => key(a) !== key(first as Alternative));
  if (first !== undefined && other !== undefined) {
    throw inputError(`"${first.label}" (${describeScope(first.scope)}) and "${other.label}" (${describeScope(other.scope)}) compete for different parts of ${where}: merge alternatives of one scope (see "ndraft scope")`);
  }
  if (withText && first?.scope !== undefined) throw inputError(`the alternatives of ${where} do not reword its text (${describeScope(first.scope)}): merge them without --with-text`);
  return first?.scope;
}

function placeMerged(text: string, merged: string, scope: AlternativeScope, where: string): string {
  try {
    return placeWording(text, merged, scope);
  } catch (error) {
    throw inputError(`the merged wording cannot be placed in ${where} (${describeScope(scope)}): ${error instanceof Error ? error.message : String(error)}`);
  }
}
