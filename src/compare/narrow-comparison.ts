import { outlineAddresses } from '../model/outline.js';
import type { Section } from '../model/schemas.js';
import { summarize } from './compare-drafts.js';
import type { ChangeKind, DraftComparison, ParagraphComparison } from './types.js';

/** `--only` kinds: a change kind, or "changed": the wording changed (text, items, alternatives, brackets). */
export type OnlyKind = ChangeKind | 'changed';

export interface CompareNarrowing {
  /** Paragraphs with these addresses, on either side (`--section`, `--paragraph`). */
  addresses?: ReadonlySet<string>;
  only?: OnlyKind;
}

const WORDING_KINDS: readonly ChangeKind[] = ['reworded', 'brackets', 'alternatives'];

/** The comparison narrowed to some paragraphs, with the summary of those alone. */
export function narrowComparison(comparison: DraftComparison, narrowing: CompareNarrowing): DraftComparison {
  const { addresses, only } = narrowing;
  const keep = (p: ParagraphComparison): boolean => {
    if (addresses && !(p.before && addresses.has(p.before.address)) && !(p.after && addresses.has(p.after.address))) return false;
    if (only === 'changed') return p.kinds.some((kind) => WORDING_KINDS.includes(kind)) || (p.diffs.length > 0 && p.before !== undefined && p.after !== undefined);
    if (only !== undefined) return p.kinds.includes(only);
    return true;
  };
  const paragraphs = comparison.paragraphs.filter(keep);
  return { ...comparison, paragraphs, summary: summarize(paragraphs) };
}

/** The addresses of section `number` (its subsections included), or undefined when the outline has no such section. */
export function sectionAddressSet(sections: readonly Section[], number: string): Set<string> | undefined {
  for (const section of sections) {
    if (section.number === number) return new Set(outlineAddresses([section]));
    const inner = sectionAddressSet(section.subsections ?? [], number);
    if (inner) return inner;
  }
  return undefined;
}
