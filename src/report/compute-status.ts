import { countAlternatives, parseParagraph } from '../model/paragraph-slots.js';
import type { Draft, Paragraph, Section } from '../model/schemas.js';
import { sectionNumbers } from '../model/outline.js';

export interface Counts {
  paragraphs: { total: number; agreed: number; agreedAdRef: number; open: number; deleted: number };
  /** Items with a status of their own that is agreed or agreed ad ref, inside paragraphs still open. */
  itemsAgreed: number;
  /** Inline brackets still open, at every depth, in paragraphs that are not deleted. */
  brackets: number;
  /** Paragraphs that stand in brackets as a whole. */
  bracketedParagraphs: number;
  /** Alternatives still on the table, for paragraphs and items. */
  alternatives: number;
}

export interface SectionStatus extends Counts {
  number?: string;
  title?: string;
  subsections: SectionStatus[];
}

export interface DraftStatus extends Counts {
  title: string;
  sections: SectionStatus[];
}

/**
 * The coordination meeting's first question: how far along is the text, overall and section by
 * section. `knownBrackets` may give a paragraph's bracket count when it is already known (the
 * parse cache keeps it), sparing a parse of its notation.
 */
export function computeStatus(draft: Draft, knownBrackets?: (paragraph: Paragraph) => number | undefined): DraftStatus {
  const perParagraph = new Map(draft.paragraphs.map((p) => [p.number, countParagraph(p, knownBrackets?.(p))]));
  const sectionStatus = (section: Section): SectionStatus => {
    const subsections = (section.subsections ?? []).map(sectionStatus);
    const own = sectionNumbers(section)
      .map((number) => perParagraph.get(number))
      .filter((c): c is Counts => c !== undefined);
    return {
      ...(section.number !== undefined ? { number: section.number } : {}),
      ...(section.title !== undefined ? { title: section.title } : {}),
      ...sum([...own, ...subsections]),
      subsections,
    };
  };
  return { title: draft.meta.title, ...sum([...perParagraph.values()]), sections: draft.meta.sections.map(sectionStatus) };
}

export function countParagraph(paragraph: Paragraph, knownBrackets?: number): Counts {
  const live = paragraph.status !== 'deleted';
  return {
    paragraphs: {
      total: 1,
      agreed: paragraph.status === 'agreed' ? 1 : 0,
      agreedAdRef: paragraph.status === 'agreed-ad-ref' ? 1 : 0,
      open: paragraph.status === 'open' ? 1 : 0,
      deleted: paragraph.status === 'deleted' ? 1 : 0,
    },
    itemsAgreed: paragraph.status === 'open' ? paragraph.items.filter((i) => i.status === 'agreed' || i.status === 'agreed-ad-ref').length : 0,
    brackets: live ? (knownBrackets ?? parseParagraph(paragraph).brackets.length) : 0,
    bracketedParagraphs: live && paragraph.bracketed ? 1 : 0,
    alternatives: live ? countAlternatives(paragraph) : 0,
  };
}

function sum(all: readonly Counts[]): Counts {
  const total: Counts = {
    paragraphs: { total: 0, agreed: 0, agreedAdRef: 0, open: 0, deleted: 0 },
    itemsAgreed: 0,
    brackets: 0,
    bracketedParagraphs: 0,
    alternatives: 0,
  };
  for (const c of all) {
    total.paragraphs.total += c.paragraphs.total;
    total.paragraphs.agreed += c.paragraphs.agreed;
    total.paragraphs.agreedAdRef += c.paragraphs.agreedAdRef;
    total.paragraphs.open += c.paragraphs.open;
    total.paragraphs.deleted += c.paragraphs.deleted;
    total.itemsAgreed += c.itemsAgreed;
    total.brackets += c.brackets;
    total.bracketedParagraphs += c.bracketedParagraphs;
    total.alternatives += c.alternatives;
  }
  return total;
}
