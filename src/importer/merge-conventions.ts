import type { Conventions } from '../model/conventions-schema.js';

/**
 * The conventions a draft was imported with, and a `--conventions` file's added to them: every
 * list is the union (a word is never taken away, so the later text is read at least as the
 * earlier one was); the file's `alternativeScope` wins, and its `wordFormatting` entries over the
 * stored ones. Undefined when neither has any.
 */
export function mergeConventions(stored: Conventions | undefined, added: Conventions | undefined): Conventions | undefined {
  if (stored === undefined || added === undefined) return stored ?? added;
  const merged: Conventions = { ...stored };
  for (const key of Object.keys(added) as (keyof Conventions)[]) {
    if (key === 'alternativeScope') merged.alternativeScope = added.alternativeScope;
    else if (key === 'wordFormatting') merged.wordFormatting = mergeWordFormatting(stored.wordFormatting, added.wordFormatting);
    else merged[key] = [...new Set([...(stored[key] ?? []), ...(added[key] ?? [])])];
  }
  return merged;
}

function mergeWordFormatting(stored: Conventions['wordFormatting'], added: Conventions['wordFormatting']): Conventions['wordFormatting'] {
  if (stored === undefined || added === undefined) return added ?? stored;
  const highlight = stored.highlight || added.highlight ? { ...stored.highlight, ...added.highlight } : undefined;
  return { ...stored, ...added, ...(highlight ? { highlight } : {}) };
}
