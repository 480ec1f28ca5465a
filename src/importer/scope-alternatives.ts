import { describeScope } from '../model/describe-scope.js';
import type { AlternativeScope, Paragraph } from '../model/schemas.js';
import { scopeProblem } from '../resolve/place-alternative.js';

/**
 * The conventions' `alternativeScope` given to the alternatives of every paragraph that has a
 * text of its own (an alternative with nothing beside it can only replace). Where the scope does
 * not fit a paragraph's text, its alternatives keep replacing the whole text, with a warning.
 */
export function scopeAlternatives(paragraph: Paragraph, scope: AlternativeScope | undefined, warn: (message: string) => void): void {
  if (scope === undefined || paragraph.alternatives.length === 0 || paragraph.text.trim() === '') return;
  const problem = scopeProblem(paragraph.text, scope);
  if (problem !== undefined) {
    warn(`the alternatives of paragraph ${paragraph.number ?? paragraph.address} cannot be read ${describeScope(scope)} as the conventions say: ${problem}; they replace the whole text`);
    return;
  }
  for (const alternative of paragraph.alternatives) alternative.scope = { ...scope };
}
