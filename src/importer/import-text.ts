import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Conventions } from '../model/conventions-schema.js';
import type { BlockOption, Draft, Note, OptionBlock, OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import { linePlaces, type LinePlace } from './line-places.js';
import { assignAddresses } from './assign-addresses.js';
import { buildOutline, type SourceLine } from './build-outline.js';
import { compileConventions } from './compile-conventions.js';
import { scopeAlternatives } from './scope-alternatives.js';
import { optionId } from './option-labels.js';
import type { KnownTexts } from '../notation/known-texts.js';
import { finishParagraph, prepareParagraph, warningName } from './finish-paragraph.js';
import { planSpans } from './plan-spans.js';
import { foldSingleParagraphOptions } from './fold-options.js';
import type { ExtractedNote, NoteReference } from './source-lines.js';
import type { TextUnit } from './text-unit.js';
import type { OutlineNode, ParagraphNode, SectionNode } from './outline-nodes.js';

export interface ImportOptions {
  /** Absolute path of the source, for messages. */
  file: string;
  title: string;
  source?: string;
  /** Notes on the whole draft found while cleaning the source (the page furniture removed). */
  notes?: Note[];
  /** The file's lines as they were before cleaning, to show the line a warning points at. */
  originalLines?: readonly string[];
  /** Footnotes moved out of the running text, and where their markers were: each becomes a note of the paragraph that cites it. */
  footnotes?: readonly ExtractedNote[];
  references?: readonly NoteReference[];
  /** A negotiation's own spellings of labels and markers, added to ndraft's; stored in the draft. */
  conventions?: Conventions;
  /** Also say where each source line ended up (`places`): for readers that attach more to the paragraphs. */
  places?: boolean;
}

export interface ImportResult {
  draft: Draft;
  warnings: Diagnostic[];
  /** How many status markers were read, `(Agreed)` and the like. */
  markers: number;
  /** With the `places` option: the paragraph, item or alternative each source line went into. */
  places?: Map<number, LinePlace>;
  /** What the notation of each text read holds (`KnownTexts`), for the check of the draft before it is written. */
  knownTexts: KnownTexts;
}

/**
 * Reads a plain-text draft into the model, in passes: lines → outline tree (`buildOutline`) →
 * single-paragraph options folded into alternatives → addresses → finished paragraphs. Pure:
 * the text in, the draft and the warnings out. What it does not recognise it keeps as text.
 */
export function importText(input: string | readonly SourceLine[], options: ImportOptions): ImportResult {
  const lines: readonly SourceLine[] = typeof input === 'string' ? input.split('\n').map((text, i) => ({ text, line: i + 1, column: 1 })) : input;
  const original = options.originalLines;
  const sourceLine = original ? { get: (line: number) => original[line - 1] } : new Map(lines.map((l) => [l.line, l.text]));
  const warnings: Diagnostic[] = [];
  const warn = (line: number, column: number, code: string, message: string) =>
    warnings.push({ code, severity: 'warning', message, file: options.file, line, column, sourceLine: sourceLine.get(line) ?? '' });

  const vocabulary = compileConventions(options.conventions);
  const outline = buildOutline(lines, warn, vocabulary);
  const paragraphs = foldSingleParagraphOptions(outline.sections, outline.paragraphs);
  const addresses = assignAddresses(paragraphs, outline.sections);
  let markers = 0;
  const statuses = new Map<ParagraphNode, Paragraph['status']>();
  for (const p of paragraphs) {
    const prepared = prepareParagraph(p, addresses.get(p) as string, warn, vocabulary.marker, vocabulary.leadingMarker);
    markers += prepared.markers;
    statuses.set(p, prepared.status);
  }
  // Brackets that open in one text and close in a later one, across paragraphs too: one pass.
  const spans = planSpans(outline.sections, (p) => statuses.get(p) ?? 'open', (p) => warningName(p, addresses.get(p) as string), warn);
  const knownTexts: KnownTexts = new Map();
  const built: Paragraph[] = paragraphs.map((p) => finishParagraph(p, addresses.get(p) as string, statuses.get(p) ?? 'open', warn, spans, knownTexts));
  paragraphs.forEach((p, i) => scopeAlternatives(built[i] as Paragraph, options.conventions?.alternativeScope, (message) => warn(p.line, 1, 'SCOPE_DOES_NOT_FIT', message)));

  const unplaced = attachFootnotes(paragraphs, built, options.footnotes ?? [], options.references ?? []);
  const notes: Note[] = [...outline.notes.map((n) => ({ text: n.text, kind: 'editorial' as const })), ...(options.notes ?? []), ...unplaced];
  const meta: Draft['meta'] = {
    title: options.title,
    ...(options.source ? { source: options.source } : {}),
    ...(outline.preamble.text !== '' ? { preamble: outline.preamble.text } : {}),
    sections: outline.sections.map((s) => toSection(s, addresses)),
    ...(outline.closing ? { closing: outline.closing } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(options.conventions ? { conventions: options.conventions } : {}),
  };
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { draft: { meta, paragraphs: built }, warnings, markers, knownTexts, ...(options.places ? { places: linePlaces(paragraphs) } : {}) };
}

function toSection(node: SectionNode, addresses: ReadonlyMap<ParagraphNode, string>): Section {
  const section: Section = { ...node.section, paragraphs: node.entries.map((e) => toEntry(e, addresses)) };
  if (node.subsections.length > 0) section.subsections = node.subsections.map((s) => toSection(s, addresses));
  return section;
}

function toEntry(node: OutlineNode, addresses: ReadonlyMap<ParagraphNode, string>): OutlineEntry {
  if (node.kind === 'paragraph') return addresses.get(node) as string;
  const block: OptionBlock = {
    block: node.anchor !== undefined ? `Paragraph ${node.anchor}` : `Options ${node.options.map((o) => optionId(o.label)).join('/')}`,
    ...(node.anchor !== undefined ? { number: node.anchor } : {}),
    options: node.options.map(
      (option): BlockOption => ({
        label: option.label,
        ...(option.title !== undefined ? { title: option.title } : {}),
        ...(option.placeholder !== undefined ? { text: option.placeholder.text } : {}),
        paragraphs: option.entries.map((e) => toEntry(e, addresses)),
      }),
    ),
  };
  return block;
}

/**
 * Puts each footnote on the paragraph whose text cites it (where its marker was taken out of the
 * running text); returns those cited nowhere, which stay notes of the draft.
 */
function attachFootnotes(nodes: readonly ParagraphNode[], built: Paragraph[], footnotes: readonly ExtractedNote[], references: readonly NoteReference[]): Note[] {
  const unplaced: Note[] = [];
  if (footnotes.length === 0) return unplaced;
  const byLine = new Map<number, number>();
  nodes.forEach((node, i) => {
    const units: TextUnit[] = [node.text, ...node.items.flatMap((item) => [item.unit, ...item.alternatives.map((a) => a.unit)]), ...node.alternatives.map((a) => a.unit)];
    for (const unit of units) for (const segment of unit.segments) if (!byLine.has(segment.line)) byLine.set(segment.line, i);
  });
  for (const footnote of footnotes) {
    const note: Note = { text: footnote.text, kind: 'footnote', marker: footnote.marker };
    const reference = references.find((r) => r.marker === footnote.marker && r.line <= footnote.line);
    const at = reference === undefined ? undefined : byLine.get(reference.line);
    const paragraph = at === undefined ? undefined : built[at];
    if (paragraph) paragraph.notes = [...(paragraph.notes ?? []), note];
    else unplaced.push(note);
  }
  return unplaced;
}
