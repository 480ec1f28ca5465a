import { exportInput, type ExportInput } from '../export/export-input.js';
import type { Alternative, Draft, Item, OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import { sectionMarker } from './section-heading.js';
import { withMarker } from './status-marker.js';

/**
 * The draft in negotiation conventions, as a secretariat would circulate it: section headings,
 * numbered paragraphs, lettered items, `[...]` brackets, `[Alt 1 61. ...]` alternatives and
 * `(Agreed)` markers. `ndraft import` reads this format back.
 */
export function renderText(draft: Draft, input: ExportInput = exportInput(draft, 'compilation')): string {
  const clean = input.mode === 'clean';
  const byAddress = new Map(draft.paragraphs.map((p) => [p.address, p]));
  const entry = (e: OutlineEntry) => {
    if (typeof e === 'string') {
      const paragraph = byAddress.get(e);
      if (paragraph) blocks.push(renderParagraph(clean ? { ...paragraph, status: 'open' } : paragraph, input.displayNumber(paragraph)));
      return;
    }
    e.options.forEach((option, i) => {
      const number = i === 0 && e.number !== undefined ? `${e.number}. ` : '';
      const title = option.title !== undefined && option.title !== '' ? ` {${option.title}}` : '';
      const words = option.text !== undefined && option.text !== '' ? ` ${option.text}` : '';
      blocks.push(`${number}${option.label}:${title}${words}`);
      option.paragraphs.forEach(entry);
    });
  };
  const blocks: string[] = [];
  if (draft.meta.preamble) blocks.push(draft.meta.preamble);
  const walk = (sections: readonly Section[], depth: number) => {
    for (const section of sections) {
      const heading = renderHeading(section, depth);
      if (heading) blocks.push(heading);
      section.paragraphs.forEach(entry);
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
  const title = section.title ?? '';
  if (marker === '' && title === '') return '';
  if (depth === 0) return [marker, title].filter((s) => s !== '').join('\n');
  return [marker, title].filter((s) => s !== '').join(' ');
}

export function renderParagraph(paragraph: Paragraph, number = paragraph.number): string {
  const open = paragraph.bracketed ? '[' : '';
  const hasItems = paragraph.items.length > 0;
  const body = hasItems ? paragraph.text : withMarker(paragraph.text, paragraph.status);
  // An unnumbered paragraph (a preamble's) starts with its words, as in the source.
  const lines: string[] = number === undefined ? [`${open}${body}`] : [`${open}${number}.`, body];
  paragraph.items.forEach((item, index) => {
    const isLast = index === paragraph.items.length - 1;
    lines.push(...renderItem(item, isLast ? paragraph.status : undefined));
  });
  if (paragraph.bracketed) lines[lines.length - 1] += ']';
  for (const alternative of paragraph.alternatives) {
    lines.push(`[${alternative.label}${number === undefined ? '' : ` ${number}.`}`, `${alternative.text}]`);
  }
  return lines.filter((line, i) => i === 0 || line !== '').join('\n');
}

/** An item line; the paragraph's own marker follows the last item, as in the source texts. */
function renderItem(item: Item, paragraphStatus: Paragraph['status'] | undefined): string[] {
  const status = paragraphStatus !== undefined && paragraphStatus !== 'open' ? paragraphStatus : item.status;
  const lines = [`${item.label} ${withMarker(item.text, status)}`];
  for (const alternative of item.alternatives ?? []) lines.push(...renderItemAlternative(alternative));
  return lines;
}

function renderItemAlternative(alternative: Alternative): string[] {
  return [`[${alternative.label})`, `${alternative.text}]`];
}
