import { exportInput, headerOf, type ExportInput } from '../export/export-input.js';
import { headerLines } from './document-header.js';
import type { Alternative, Draft, Item, Note, OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import { attributionCoversText, attributionLabel, attributionPrefix } from '../model/attribution.js';
import { noteLine } from './note-text.js';
import { sectionMarker } from './section-heading.js';
import { withMarker } from './status-marker.js';
import { headAndText, oneLine, textLine } from './text-line.js';

/**
 * The draft in negotiation conventions, as a secretariat would circulate it: section headings,
 * numbered paragraphs, lettered items, `[...]` brackets, `[Alt 1 61. ...]` alternatives and
 * `(Agreed)` markers. `ndraft import` reads this format back.
 *
 * A symbol, revision and date open the text as labelled lines (`Symbol: A/CONF.999/L.1`); import
 * reads them back as the preamble, never as structure.
 */
export function renderText(draft: Draft, input: ExportInput = exportInput(draft, 'compilation')): string {
  const clean = input.mode === 'clean';
  const byAddress = new Map(draft.paragraphs.map((p) => [p.address, p]));
  const entry = (e: OutlineEntry) => {
    if (typeof e === 'string') {
      const paragraph = byAddress.get(e);
      if (!paragraph) return;
      blocks.push(renderParagraph(clean ? { ...paragraph, status: 'open' } : paragraph, input.displayNumber(paragraph)));
      if (!clean) blocks.push(...notesBlock(paragraph.notes));
      return;
    }
    e.options.forEach((option, i) => {
      const number = i === 0 && e.number !== undefined ? `${e.number}. ` : '';
      const title = option.title !== undefined && option.title !== '' ? ` {${option.title}}` : '';
      const words = option.text !== undefined && option.text !== '' ? ` ${option.text}` : '';
      const line = `${number}${option.label}:${title}${words}`;
      // An option that is one unnumbered paragraph is printed on its line, as `Option (a): …`:
      // import reads that as an option holding that paragraph alone.
      const only = option.paragraphs.length === 1 && typeof option.paragraphs[0] === 'string' ? byAddress.get(option.paragraphs[0]) : undefined;
      if (only && words === '' && only.number === undefined && only.items.length === 0 && only.alternatives.length === 0 && !only.bracketed && only.status === 'open') {
        blocks.push(`${line} ${only.text}`);
        if (!clean) blocks.push(...notesBlock(only.notes));
        return;
      }
      blocks.push(line);
      option.paragraphs.forEach(entry);
    });
    // The choice made, as an editorial note (import keeps a braced line as a note, never as text).
    if (!clean && e.accepted !== undefined) blocks.push(`{${e.accepted} accepted}`);
  };
  const blocks: string[] = [];
  const header = headerLines(headerOf(input)).map(oneLine);
  if (header.length > 0) blocks.push(header.join('\n'));
  if (draft.meta.preamble) blocks.push(draft.meta.preamble);
  const walk = (sections: readonly Section[], depth: number) => {
    for (const section of sections) {
      const heading = renderHeading(section, depth);
      if (heading) blocks.push(heading);
      if (!clean) blocks.push(...notesBlock(section.notes));
      section.paragraphs.forEach(entry);
      walk(section.subsections ?? [], depth + 1);
    }
  };
  walk(draft.meta.sections, 0);
  if (input.note) blocks.push(input.note);
  if (draft.meta.closing) blocks.push(draft.meta.closing);
  if (!clean) blocks.push(...notesBlock(draft.meta.notes));
  return `${blocks.join('\n\n')}\n`;
}

function renderHeading(section: Section, depth: number): string {
  const marker = sectionMarker(section, depth);
  const title = oneLine(section.title ?? '');
  if (marker === '' && title === '') return '';
  // `Article 3 (Mitigation)`: on one line, the title in parentheses (braces if it has some), as import reads it.
  if (/^\[?article\s/i.test(marker)) return title === '' ? marker : `${marker} ${/[()]/.test(title) ? `{${title}}` : `(${title})`}`;
  if (depth === 0) return [marker, title].filter((s) => s !== '').join('\n');
  return [marker, title].filter((s) => s !== '').join(' ');
}

export function renderParagraph(paragraph: Paragraph, number = paragraph.number): string {
  if (number !== undefined && isOptionsParagraph(paragraph)) {
    // `5. Option 1: …` / `Option 2: …`, as the source printed them; import reads them back alike.
    return paragraph.alternatives.map((a, i) => `${i === 0 ? `${printedNumber(number)} ` : ''}${optionLine(a)}`).join('\n');
  }
  const open = paragraph.bracketed ? '[' : '';
  const hasItems = paragraph.items.length > 0;
  const body = oneLine(hasItems ? paragraph.text : withMarker(paragraph.text, paragraph.status));
  // An unnumbered paragraph (a preamble's) starts with its words, as in the source.
  const attribution = number === undefined || !attributionCoversText(body) ? undefined : attributionPrefix(body);
  const lines: string[] =
    number === undefined
      ? [`${open}${open === '' ? textLine(body) : body}`]
      : attribution !== undefined
        ? // `[NZ/CA propose: 1. Each Party …`: the number after the proposers, where the source had it.
          [`${open}${attribution}${printedNumber(number)} ${body.slice(attribution.length)}`]
        : headAndText(`${open}${printedNumber(number)}`, body);
  paragraph.items.forEach((item, index) => {
    const isLast = index === paragraph.items.length - 1;
    lines.push(...renderItem(item, isLast ? paragraph.status : undefined));
  });
  if (paragraph.bracketed) lines[lines.length - 1] += ']';
  for (const alternative of paragraph.alternatives) {
    const proposal = attributionPrefix(alternative.text);
    if (number !== undefined && proposal !== undefined && attributionLabel(proposal) === alternative.label) {
      // Another delegation's proposal for the same paragraph, printed as the source had it.
      lines.push(`${proposal}${printedNumber(number)} ${oneLine(alternative.text.slice(proposal.length))}`);
      continue;
    }
    lines.push(...headAndText(`[${alternative.label}${number === undefined ? '' : ` ${printedNumber(number)}`}`, `${alternative.text}]`));
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
  if (isOptionLabel(alternative.label)) return [optionLine(alternative)];
  return headAndText(`[${alternative.label})`, `${alternative.text}]`);
}

/** A paragraph whose wordings are all options and which has no text of its own yet. */
function isOptionsParagraph(paragraph: Paragraph): boolean {
  return paragraph.text === '' && paragraph.items.length === 0 && !paragraph.bracketed && paragraph.status === 'open' && paragraph.alternatives.length > 0 && paragraph.alternatives.every((a) => isOptionLabel(a.label));
}

function isOptionLabel(label: string): boolean {
  return /^option\s+\(?[0-9A-Za-z]{1,4}\)?$/i.test(label);
}

function optionLine(alternative: Alternative): string {
  return `${alternative.label}: ${oneLine(alternative.text)}`;
}

/**
 * Notes in braces, one a line, as drafts print editorial remarks: `{Footnote 3: …}`. Import reads
 * a braced line back as a note, never as negotiating text. An editorial note that is already
 * braced (`{Long-term goal}`) is printed as it was written.
 */
function notesBlock(notes: readonly Note[] | undefined): string[] {
  if (notes === undefined || notes.length === 0) return [];
  return [notes.map((note) => (note.kind === 'editorial' ? (/^\{[^{}]*\}$/.test(note.text) ? note.text : `{${note.text}}`) : `{${noteLine(note).replace(/[{}]/g, '')}}`)).join('\n')];
}

/** `61.`, but `3.1` as decimal sub-paragraphs are printed, with no period of their own. */
function printedNumber(number: string): string {
  return /^\d+\.\d+$/.test(number) ? number : `${number}.`;
}
