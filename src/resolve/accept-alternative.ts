import { inputError } from '../diagnostics/diagnostic.js';
import { findAlternative } from '../model/find-wording.js';
import type { Alternative, Paragraph } from '../model/schemas.js';
import { describeScope } from '../model/describe-scope.js';
import { placeWording, type Placement } from './place-alternative.js';
import { spanEdgeProblem } from '../model/spans.js';

export interface Resolution {
  paragraph: Paragraph;
  /** One line saying what changed, e.g. `accepted "Alt 3" as the text of 61`. */
  summary: string;
}

/**
 * The alternative is put where its scope says (`placement` overrides that for this use): it
 * becomes the whole wording of its paragraph or item, or is inserted into the text, or replaces
 * the words it names. The other alternatives there leave the paragraph, and so does the text it
 * replaces; the history entry of the change keeps them, and `restore` brings any of them back.
 */
export function acceptAlternative(paragraph: Paragraph, label: string, placement: Placement = 'scope'): Resolution {
  const found = findAlternative(paragraph, label);
  const item = found.itemIndex === undefined ? undefined : paragraph.items[found.itemIndex];
  const what = item === undefined ? `the text of paragraph ${paragraph.number ?? paragraph.address}` : `item ${item.label} of paragraph ${paragraph.number ?? paragraph.address}`;
  const edge = spanEdgeProblem(item === undefined ? paragraph.spans : item.spans, what, paragraph.address);
  if (edge) throw inputError(`cannot accept "${found.alternative.label}": ${edge}`);
  const next = structuredClone(paragraph);
  const owner = found.itemIndex === undefined ? next : next.items[found.itemIndex];
  if (!owner) throw new Error('item vanished');
  const where = found.itemIndex === undefined ? `paragraph ${paragraph.number ?? paragraph.address}` : `item ${next.items[found.itemIndex ?? 0]?.label} of paragraph ${paragraph.number ?? paragraph.address}`;
  const others = (found.itemIndex === undefined ? next.alternatives.length : (owner.alternatives?.length ?? 1)) - 1;
  const wholly = placement === 'replace' || (placement === 'scope' && found.alternative.scope === undefined);
  owner.text = place(owner.text, found.alternative, placement, where);
  if (found.itemIndex === undefined) next.alternatives = [];
  else delete (owner as { alternatives?: Alternative[] }).alternatives;
  const went = wholly ? `the former text and ${plural(others, 'other alternative')} went to history` : `${plural(others, 'other alternative')} went to history`;
  return { paragraph: next, summary: `${acceptedHow(found.alternative, placement)} ${where} (${went})` };
}

function place(text: string, alternative: Alternative, placement: Placement, where: string): string {
  try {
    return placeWording(text, alternative.text, alternative.scope, placement);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw inputError(`"${alternative.label}" of ${where} cannot be placed (${describeScope(alternative.scope)}): ${reason}; accept it with --replace or --append, or change its scope with "ndraft scope"`);
  }
}

function acceptedHow(alternative: Alternative, placement: Placement): string {
  const label = `"${alternative.label}"`;
  if (placement === 'replace' || (placement === 'scope' && alternative.scope === undefined)) return `accepted ${label} as the text of`;
  if (placement === 'append') return `accepted ${label}, added at the end of`;
  const scope = alternative.scope;
  if (scope !== undefined && 'insertAfterSentence' in scope) return `accepted ${label}, inserted after sentence ${scope.insertAfterSentence} of`;
  if (scope !== undefined && 'insertAt' in scope) return `accepted ${label}, inserted at the ${scope.insertAt} of`;
  return `accepted ${label}, in place of "${(scope as { replaces: string }).replaces}" in`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
