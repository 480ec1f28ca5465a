import { headerOf, type ExportInput } from '../export/export-input.js';
import type { Paragraph, Section } from '../model/schemas.js';
import { collectSpans, hasSpanMarks, spanExtent } from '../model/spans.js';
import { headerFields } from './document-header.js';
import { BRACKET_STYLE, safeText, span, type Span } from './docx-runs.js';
import { sectionMarker } from './section-heading.js';

/**
 * The parts around the paragraphs that the page formats (DOCX, PDF) share, so that they cannot
 * disagree: the line of header fields under the title, the compilation's legend, the captions of
 * bracket spans, free text split into paragraphs, section headings and the running title.
 */

/** `A/CONF.999/L.1 · Revision: Rev.2 · Date: 30 November 2026`, or nothing without fields. */
export function fieldsLine(input: ExportInput): string | undefined {
  const fields = headerFields(headerOf(input), true);
  return fields.length === 0 ? undefined : fields.map((f) => (f.label === 'Symbol' ? f.value : `${f.label}: ${f.value}`)).join(' · ');
}

/** What highlighted words and brackets mean, under the title of a compilation. */
export function compilationLegend(): Span[] {
  return [
    span('Compilation text: highlighted words in ', { italics: true }),
    span('[brackets]', { italics: true, ...BRACKET_STYLE }),
    span(' are not agreed, ', { italics: true }),
    span('[a/b]', { italics: true, ...BRACKET_STYLE }),
    span(' is a choice between options, ', { italics: true }),
    span('[Alt …]', { italics: true, ...BRACKET_STYLE }),
    span(' paragraphs are competing wordings.', { italics: true }),
  ];
}

/** `Title of the draft (compilation text)`, at the top of every page. */
export function runningTitle(input: ExportInput): string {
  return `${safeText(input.draft.meta.title)} (${input.mode === 'compilation' ? 'compilation text' : 'clean text'})`;
}

/** A section's heading, `3. Finance`; empty when it has neither marker nor title. */
export function sectionHeadingText(section: Section, depth: number): string {
  return [sectionMarker(section, depth), section.title ?? ''].filter((s) => s.trim() !== '').join(' ');
}

/** Text kept as written (preamble, closing matter): one paragraph per blank-line-separated block. */
export function freeTextBlocks(text: string): string[] {
  return safeText(text)
    .split(/\n[ \t]*\n/)
    .filter((block) => block.trim() !== '');
}

/** A caption for each bracket span, under the paragraph where it opens. */
export function spanCaptions(input: ExportInput, byAddress: ReadonlyMap<string, Paragraph>): Map<string, string[]> {
  const marked = (address: string) => {
    const p = byAddress.get(address);
    return p !== undefined && hasSpanMarks(p);
  };
  const captions = new Map<string, string[]>();
  for (const span of collectSpans(input.draft.meta.sections, marked, (a) => byAddress.get(a)).spans) {
    const first = span.units[0]?.unit.paragraph;
    if (!first) continue;
    const caption = `Bracket over ${spanExtent(span, (p) => input.displayNumber(p) ?? p.address)}: the highlighted words from its [ to its ] are kept or dropped as one.`;
    captions.set(first.address, [...(captions.get(first.address) ?? []), caption]);
  }
  return captions;
}
