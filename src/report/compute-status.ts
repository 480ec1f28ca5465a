import type { Draft, DraftMeta, Section } from '../model/schemas.js';
import { openBlocks } from '../model/option-blocks.js';
import { sectionAddresses } from '../model/outline.js';
import { countParagraph, sumCounts, type Counts } from './counts.js';

export type { Counts };

export interface SectionStatus extends Counts {
  /** Option blocks still open (more than one live option) here, nested ones and those of subsections included. */
  optionBlocks: number;
  number?: string;
  /** The heading's marker as written, where it is not just the number: "Article 3", "Annex". */
  label?: string;
  title?: string;
  subsections: SectionStatus[];
}

export interface DraftStatus extends Counts {
  /** Option blocks still open in the whole draft. */
  optionBlocks: number;
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
  const isLive = (address: string) => perParagraph.get(address)?.paragraphs.deleted === 0;
  const sectionStatus = (section: Section): SectionStatus => {
    const subsections = (section.subsections ?? []).map(sectionStatus);
    const optionBlocks = openBlocks(section.paragraphs, isLive).length + subsections.reduce((n, s) => n + s.optionBlocks, 0);
    const own = sectionAddresses(section)
      .map((number) => perParagraph.get(number))
      .filter((c): c is Counts => c !== undefined);
    return {
      ...(section.number !== undefined ? { number: section.number } : {}),
      ...(section.label !== undefined ? { label: section.label } : {}),
      ...(section.title !== undefined ? { title: section.title } : {}),
      ...sumCounts([...own, ...subsections]),
      optionBlocks,
      subsections,
    };
  };
  const sections = meta.sections.map(sectionStatus);
  return { title: meta.title, ...sumCounts(perParagraph.values()), optionBlocks: sections.reduce((n, s) => n + s.optionBlocks, 0), sections };
}
