import type { Conventions } from '../model/conventions-schema.js';

/**
 * The conventions a draft was imported with, and a `--conventions` file's added to them: every
 * list is the union (a word is never taken away, so the later text is read at least as the
 * earlier one was); the file's `alternativeScope` wins. Undefined when neither has any.
 */
export function mergeConventions(stored: Conventions | undefined, added: Conventions | undefined): Conventions | undefined {
  if (stored === undefined || added === undefined) return stored ?? added;
  const merged: Conventions = { ...stored };
  for (const key of Object.keys(added) as (keyof Conventions)[]) {
    if (key === 'alternativeScope') merged.alternativeScope = added.alternativeScope;
    else merged[key] = [...new Set([...(stored[key] ?? []), ...(added[key] ?? [])])];
  }
  return merged;
}
