import { countAlternatives, parseParagraph } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { spansOpenedIn } from '../model/spans.js';

/** What `status` counts, for one paragraph or summed over a section or the draft. */
export interface Counts {
  paragraphs: { total: number; agreed: number; agreedAdRef: number; open: number; deleted: number };
  /** Items with a status of their own that is agreed or agreed ad ref, inside paragraphs still open. */
  itemsAgreed: number;
  /**
   * Inline brackets still open, at every depth, in paragraphs that are not deleted; a bracket span
   * (one bracket over several texts) counts once, in the paragraph where it opens.
   */
  brackets: number;
  /** Paragraphs that stand in brackets as a whole. */
  bracketedParagraphs: number;
  /** Alternatives still on the table, for paragraphs and items. */
  alternatives: number;
}

/** One paragraph's counts; `brackets` (its inline brackets), when already known, spares parsing its notation again. */
export function countParagraph(paragraph: Paragraph, brackets?: number): Counts {
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
    brackets: live ? (brackets ?? parseParagraph(paragraph).brackets.length) + spansOpenedIn(paragraph) : 0,
    bracketedParagraphs: live && paragraph.bracketed ? 1 : 0,
    alternatives: live ? countAlternatives(paragraph) : 0,
  };
}

export function sumCounts(all: Iterable<Counts>): Counts {
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
