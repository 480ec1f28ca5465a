import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BlockOption, Draft, Note, OptionBlock, OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import { assignAddresses } from './assign-addresses.js';
import { buildOutline, type SourceLine } from './build-outline.js';
import { finishParagraph } from './finish-paragraph.js';
import { foldSingleParagraphOptions } from './fold-options.js';
import type { OutlineNode, ParagraphNode, SectionNode } from './outline-nodes.js';

export interface ImportOptions {
  /** Absolute path of the source, for messages. */
  file: string;
  title: string;
  source?: string;
  /** Notes found while cleaning the source (footnotes, removed page furniture), kept on the draft. */
  notes?: Note[];
}

export interface ImportResult {
  draft: Draft;
  warnings: Diagnostic[];
  /** How many status markers were read, `(Agreed)` and the like. */
  markers: number;
}

/**
 * Reads a plain-text draft into the model, in passes: lines → outline tree (`buildOutline`) →
 * single-paragraph options folded into alternatives → addresses → finished paragraphs. Pure:
 * the text in, the draft and the warnings out. What it does not recognise it keeps as text.
 */
export function importText(input: string | readonly SourceLine[], options: ImportOptions): ImportResult {
  const lines: readonly SourceLine[] = typeof input === 'string' ? input.split('\n').map((text, i) => ({ text, line: i + 1, column: 1 })) : input;
  const sourceLine = new Map(lines.map((l) => [l.line, l.text]));
  const warnings: Diagnostic[] = [];
  const warn = (line: number, column: number, code: string, message: string) =>
    warnings.push({ code, severity: 'warning', message, file: options.file, line, column, sourceLine: sourceLine.get(line) ?? '' });

  const outline = buildOutline(lines, options.file, warn);
  const paragraphs = foldSingleParagraphOptions(outline.sections, outline.paragraphs);
  const addresses = assignAddresses(paragraphs, outline.sections);
  let markers = 0;
  const built: Paragraph[] = paragraphs.map((p) => {
    const result = finishParagraph(p, addresses.get(p) as string, warn);
    markers += result.markers;
    return result.paragraph;
  });

  const notes: Note[] = [...outline.notes.map((n) => ({ text: n.text, kind: 'editorial' as const })), ...(options.notes ?? [])];
  const meta: Draft['meta'] = {
    title: options.title,
    ...(options.source ? { source: options.source } : {}),
    ...(outline.preamble.text !== '' ? { preamble: outline.preamble.text } : {}),
    sections: outline.sections.map((s) => toSection(s, addresses)),
    ...(outline.closing ? { closing: outline.closing } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { draft: { meta, paragraphs: built }, warnings, markers };
}

function toSection(node: SectionNode, addresses: ReadonlyMap<ParagraphNode, string>): Section {
  const section: Section = { ...node.section, paragraphs: node.entries.map((e) => toEntry(e, addresses)) };
  if (node.subsections.length > 0) section.subsections = node.subsections.map((s) => toSection(s, addresses));
  return section;
}

function toEntry(node: OutlineNode, addresses: ReadonlyMap<ParagraphNode, string>): OutlineEntry {
  if (node.kind === 'paragraph') return addresses.get(node) as string;
  const block: OptionBlock = {
    block: node.anchor !== undefined ? `Paragraph ${node.anchor}` : `Options ${node.options.map((o) => o.label.replace(/^option\s*/i, '')).join('/')}`,
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
