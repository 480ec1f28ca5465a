import { inputError } from '../diagnostics/diagnostic.js';
import { allAlternatives, findAlternative, findItem } from '../model/find-wording.js';
import { splitLabels } from '../model/match-label.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Alternative, AlternativeScope, Paragraph } from '../model/schemas.js';
import type { Resolution } from './accept-alternative.js';
import { describeScope } from '../model/describe-scope.js';
import { scopeProblem } from './place-alternative.js';

export interface ScopeRequest {
  /** The alternatives to scope, as typed (unquoted words are split where a label starts); none means all of them, of the paragraph or of `item`. */
  labels: readonly string[];
  /** Undefined: the whole text, which is what an alternative without a scope competes for. */
  scope: AlternativeScope | undefined;
  item?: string;
}

/**
 * Sets what the alternatives compete for: the whole text, an insertion at a point of it, or
 * words of it. The scope must fit the text it belongs to (the sentence exists, the words occur
 * once), or nothing changes.
 */
export function setScope(paragraph: Paragraph, request: ScopeRequest): Resolution {
  const next = structuredClone(paragraph);
  const itemIndex = request.item !== undefined ? findItem(paragraph, request.item).index : undefined;
  const name = paragraphName(paragraph);
  const owner = itemIndex === undefined ? next : next.items[itemIndex];
  if (!owner) throw new Error('item vanished');
  const where = itemIndex === undefined ? `paragraph ${name}` : `item ${next.items[itemIndex]?.label} of paragraph ${name}`;
  const list: Alternative[] = (itemIndex === undefined ? next.alternatives : owner.alternatives) ?? [];
  if (list.length === 0) throw inputError(`${where} has no alternatives to scope`);

  const chosen =
    request.labels.length === 0
      ? list
      : splitLabels(request.labels, allAlternatives(paragraph).map((f) => f.alternative.label)).map((label) => {
          const found = findAlternative(paragraph, label);
          if (found.itemIndex !== itemIndex) {
            const home = found.itemIndex === undefined ? 'the paragraph itself' : `item ${paragraph.items[found.itemIndex]?.label}`;
            throw inputError(`"${found.alternative.label}" belongs to ${home}, not to ${where}`);
          }
          return list[found.index] as Alternative;
        });
  const problem = scopeProblem(owner.text, request.scope);
  if (problem !== undefined) throw inputError(`cannot scope the alternatives of ${where} (${describeScope(request.scope)}): ${problem}`);
  for (const alternative of chosen) {
    if (request.scope === undefined) delete alternative.scope;
    else alternative.scope = { ...request.scope };
  }
  const labels = chosen.map((a) => `"${a.label}"`).join(', ');
  const one = chosen.length === 1;
  const scope = request.scope;
  const now =
    scope === undefined
      ? `now ${one ? 'replaces' : 'replace'} the whole text`
      : 'insertAfterSentence' in scope
        ? `${one ? 'is' : 'are'} now to be inserted after sentence ${scope.insertAfterSentence}`
        : 'insertAt' in scope
          ? `${one ? 'is' : 'are'} now to be inserted at the ${scope.insertAt}`
          : `now ${one ? 'replaces' : 'replace'} "${scope.replaces}"`;
  return { paragraph: next, summary: `${labels} of ${where} ${now}` };
}
