import { exportInput, type ExportInput } from '../export/export-input.js';
import type { Alternative, Draft, Item, Paragraph, Section } from '../model/schemas.js';
import { sectionNumbers } from '../model/outline.js';
import { sectionMarker } from './section-heading.js';
import { withMarker } from './status-marker.js';
import { headAndText, oneLine } from './text-line.js';

/**
 * The draft in negotiation conventions, as a secretariat would circulate it: section headings,
 * numbered paragraphs, lettered items, `[...]` brackets, `[Alt 1 61. ...]` alternatives and
 * `(Agreed)` markers. `ndraft import` reads this format back.
 */
export function renderText(draft: Draft, input: ExportInput = exportInput(draft, 'compilation')): string {
  const clean = input.mode === 'clean';
  const byNumber = new Map(draft.paragraphs.map((p) => [p.number, p]));
  const blocks: string[] = [];
  if (draft.meta.preamble) blocks.push(draft.meta.preamble);
  const walk = (sections: readonly Section[], depth: number) => {
    for (const section of sections) {
      const heading = renderHeading(section, depth);
      if (heading) blocks.push(heading);
      for (const number of sectionNumbers(section)) {
        const paragraph = byNumber.get(number);
        if (paragraph) blocks.push(renderParagraph(clean ? { ...paragraph, status: 'open' } : paragraph, input.displayNumber(paragraph)));
      }
      walk(section.subsections ?? [], depth + 1);
    }
  };
  walk(draft.meta.sections, 0);
  if (input.note) blocks.push(input.note);
  if (draft.meta.closing) blocks.push(draft.meta.closing);
  return `${blocks.join('\n\n')}\n`;
}

function renderHeading(section: Section, depth: number): string {
  const marker = sectionMarker(section, depth);
  const title = oneLine(section.title ?? '');
  if (marker === '' && title === '') return '';
  if (depth === 0) return [marker, title].filter((s) => s !== '').join('\n');
  return [marker, title].filter((s) => s !== '').join(' ');
}

export function renderParagraph(paragraph: Paragraph, number = paragraph.number): string {
  const hasItems = paragraph.items.length > 0;
  const lines = headAndText(`${paragraph.bracketed ? '[' : ''}${number}.`, hasItems ? paragraph.text : withMarker(paragraph.text, paragraph.status));
  paragraph.items.forEach((item, index) => {
    const isLast = index === paragraph.items.length - 1;
    lines.push(...renderItem(item, isLast ? paragraph.status : undefined));
  });
  if (paragraph.bracketed) lines[lines.length - 1] += ']';
  for (const alternative of paragraph.alternatives) {
    lines.push(...headAndText(`[${alternative.label} ${number}.`, `${alternative.text}]`));
  }
  return lines.filter((line, i) => i === 0 || line !== '').join('\n');
}

/** An item line; the paragraph's own marker follows the last item, as in the source texts. */
function renderItem(item: Item, paragraphStatus: Paragraph['status'] | undefined): string[] {
  const status = paragraphStatus !== undefined && paragraphStatus !== 'open' ? paragraphStatus : item.status;
  const lines = [`${item.label} ${oneLine(withMarker(item.text, status))}`];
  for (const alternative of item.alternatives ?? []) lines.push(...renderItemAlternative(alternative));
  return lines;
}

function renderItemAlternative(alternative: Alternative): string[] {
  return headAndText(`[${alternative.label})`, `${alternative.text}]`);
}
