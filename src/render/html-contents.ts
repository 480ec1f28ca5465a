import { countAlternatives, parseParagraph } from '../model/paragraph-slots.js';
import type { Paragraph, Status } from '../model/schemas.js';
import { headerFields, type DocumentHeader } from './document-header.js';
import { escapeHtml } from './html-escape.js';

/** The HTML export's furniture around the text: the document's fields, the counts, the contents. */

export const STATUS_WORDS: Record<Status, string> = { open: 'Open', 'agreed-ad-ref': 'Agreed ad ref', agreed: 'Agreed', deleted: 'Deleted' };
const STATUS_ORDER: readonly Status[] = ['open', 'agreed-ad-ref', 'agreed', 'deleted'];

export interface TocSection {
  id: string;
  /** Markup, escaped already. */
  heading: string;
  paragraphs: Paragraph[];
  subsections: TocSection[];
}

/** The symbol, revision and date (or the day of export), as a document prints them at its top right. */
export function documentFieldsHtml(header: DocumentHeader): string {
  const fields = headerFields(header, true);
  if (fields.length === 0) return '';
  const items = fields.map((f) => `<div class="field-${f.label.toLowerCase()}"><dt>${f.label}</dt><dd><bdi>${escapeHtml(f.value)}</bdi></dd></div>`);
  return `<dl class="doc-fields">${items.join('')}</dl>`;
}

/** How many paragraphs stand how, with the brackets and alternatives left (`brackets`: a paragraph's, when its parse is at hand). */
export function summaryHtml(paragraphs: readonly Paragraph[], spans = 0, brackets: (p: Paragraph) => number = (p) => parseParagraph(p).brackets.length): string {
  // One pass: a 5,000-paragraph draft is summed in a process that has not warmed up.
  const byStatus = new Map<Status, number>();
  // A bracket span counts once, however many texts it covers.
  let bracketCount = spans;
  let alternatives = 0;
  for (const p of paragraphs) {
    byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
    bracketCount += brackets(p);
    alternatives += countAlternatives(p);
  }
  const counts = STATUS_ORDER.map((status) => ({ status, n: byStatus.get(status) ?? 0 })).filter((c) => c.n > 0);
  const chips = counts.map((c) => `<span class="badge st-${c.status}">${c.n} ${STATUS_WORDS[c.status].toLowerCase()}</span>`).join(' ');
  return `<p class="summary">${plural(paragraphs.length, 'paragraph')}: ${chips} <span class="counts">${plural(bracketCount, 'bracket')} · ${plural(alternatives, 'alternative')}</span></p>`;
}

/** The contents: every section, and under it a chip linking to each of its paragraphs. */
export function tocHtml(sections: readonly TocSection[], chip: (p: Paragraph) => string): string {
  const list = (entries: readonly TocSection[]): string =>
    entries.length === 0
      ? ''
      : `<ol>${entries
          .map((s) => {
            const chips = s.paragraphs.map(chip);
            const paragraphs = chips.length > 0 ? `<span class="chips">${chips.join(' ')}</span>` : '';
            return `<li><a class="toc-section" href="#${s.id}" dir="auto">${s.heading}</a>${paragraphs}${list(s.subsections)}</li>`;
          })
          .join('')}</ol>`;
  return `<nav class="toc" aria-label="Contents"><h2 class="toc-title">Contents</h2>${list(sections)}</nav>`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
