import type { Draft, DraftMeta, Section } from '../model/schemas.js';
import { sectionAddresses } from '../model/outline.js';
import { countParagraph, sumCounts, type Counts } from './counts.js';

export type { Counts };

export interface SectionStatus extends Counts {
  number?: string;
  title?: string;
  subsections: SectionStatus[];
}

export interface DraftStatus extends Counts {
  title: string;
  sections: SectionStatus[];
}

/** The coordination meeting's first question: how far along is the text, overall and section by section. */
export function computeStatus(draft: Draft): DraftStatus {
  return statusFromCounts(draft.meta, new Map(draft.paragraphs.map((p) => [p.address, countParagraph(p)])));
}

/**
 * The same from each paragraph's counts, by address (the parse cache keeps them, so `status`
 * needs neither the paragraphs' text nor a parse of their notation).
 */
export function statusFromCounts(meta: DraftMeta, perParagraph: ReadonlyMap<string, Counts>): DraftStatus {
  const sectionStatus = (section: Section): SectionStatus => {
    const subsections = (section.subsections ?? []).map(sectionStatus);
    const own = sectionAddresses(section)
      .map((number) => perParagraph.get(number))
      .filter((c): c is Counts => c !== undefined);
    return {
      ...(section.number !== undefined ? { number: section.number } : {}),
      ...(section.title !== undefined ? { title: section.title } : {}),
      ...sumCounts([...own, ...subsections]),
      subsections,
    };
  };
  return { title: meta.title, ...sumCounts(perParagraph.values()), sections: meta.sections.map(sectionStatus) };
}
