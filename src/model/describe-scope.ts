import type { AlternativeScope } from './schemas.js';

/** What an alternative competes for, in the words `show`, `accept` and the exports use: "to insert after sentence 1". */
export function describeScope(scope: AlternativeScope | undefined): string {
  if (scope === undefined) return 'replaces the whole text';
  if ('insertAfterSentence' in scope) return `to insert after sentence ${scope.insertAfterSentence}`;
  if ('insertAt' in scope) return `to insert at the ${scope.insertAt}`;
  return `replaces "${scope.replaces}"`;
}
