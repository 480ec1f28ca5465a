import { describeScope } from '../model/describe-scope.js';
import type { Alternative, Paragraph } from '../model/schemas.js';
import { scopeProblem } from '../resolve/place-alternative.js';
import type { ParagraphProblem } from './check-paragraph.js';

/**
 * An alternative's scope that no longer fits its text (the text was edited by hand and lost
 * the sentence to insert after, or the words to replace): a warning, since the draft is still
 * whole, but `accept` will need --replace or --append, or a new `ndraft scope`.
 */
export function scopeProblems(paragraph: Paragraph): ParagraphProblem[] {
  const out: ParagraphProblem[] = [];
  const check = (text: string, alternatives: readonly Alternative[] | undefined, where: (string | number)[], owner: string) => {
    (alternatives ?? []).forEach((alt, index) => {
      if (alt.scope === undefined) return;
      const problem = scopeProblem(text, alt.scope);
      if (problem === undefined) return;
      out.push({
        code: 'SCOPE_DOES_NOT_FIT',
        severity: 'warning',
        message: `"${alt.label}" of ${owner} does not fit its text (${describeScope(alt.scope)}): ${problem}; change its scope with "ndraft scope"`,
        path: [...where, index, 'scope'],
      });
    });
  };
  const name = `paragraph ${paragraph.number ?? paragraph.address}`;
  check(paragraph.text, paragraph.alternatives, ['alternatives'], name);
  paragraph.items.forEach((item, i) => check(item.text, item.alternatives, ['items', i, 'alternatives'], `item ${item.label} of ${name}`));
  return out;
}
