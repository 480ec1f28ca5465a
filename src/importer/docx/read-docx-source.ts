import { NdraftError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Conventions } from '../../model/conventions-schema.js';
import { importText, type ImportResult } from '../import-text.js';
import { checkImportResult } from '../input-limits.js';
import type { ExtractedNote } from '../source-lines.js';
import { attachWordLines } from './attach-word-lines.js';
import { placeTarget } from './attach-word-extras.js';
import { classifyWordBlocks } from './classify-word-blocks.js';
import { addTableProposals, readCompilationTables } from './compilation-table.js';
import { child, parseXmlPart, textOf, type XmlElement } from './parse-xml-part.js';
import { readDocxPackage, readDocxPart } from './read-docx-package.js';
import { wordBlockReader, type WordBlock } from './read-word-blocks.js';
import { readWordComments, readWordFootnotes } from './read-word-notes.js';
import { countTrackedChanges, type TrackedChanges } from './count-tracked-changes.js';
import { addTrackedAlternatives, markWholeChanges } from './tracked-alternatives.js';
import { wholeChange, wordLines, type ChangeView } from './word-lines.js';
import { WordNumbering } from './word-numbering.js';
import { readWordStyles } from './word-styles.js';

export type TrackedChangesMode = 'alternatives' | 'accept' | 'reject';

export interface DocxReadOptions {
  /** Absolute path of the .docx, for warnings. */
  file: string;
  /** The file as the user named it, for errors (default: `file`). */
  name?: string;
  /** The title; by default the document's Title paragraph, else `fallbackTitle`. */
  title?: string;
  fallbackTitle: string;
  source?: string;
  conventions?: Conventions;
  trackedChanges?: TrackedChangesMode;
  /** The delegation a Word user name stands for (a draft's delegations file); the name itself by default. */
  delegationOf?: (user: string) => string;
}

/** What came from where, for the import summary. */
export interface DocxSummary {
  numbered: number;
  headings: number;
  tracked: TrackedChanges;
  trackedMode: TrackedChangesMode;
  /** Alternatives made from tracked changes, by delegation. */
  alternatives: Map<string, number>;
  comments: number;
  footnotes: number;
  compilationTables: number;
  tableProposals: number;
  /** ndraft's own export furniture recognised and skipped (the legend, positions, note lines). */
  exportFurniture: number;
  madeByNdraft: boolean;
  /** Who saved the document last (`cp:lastModifiedBy`), when Word says (ndraft's export says "Un-named"). */
  lastModifiedBy?: string;
}

export interface DocxSource extends ImportResult {
  summary: DocxSummary;
  allWarnings: Diagnostic[];
}

/**
 * A .docx to a draft. The package is unpacked within the limits (`readDocxPackage`), its XML
 * parts parsed without a DTD (`parseXmlPart`), the paragraphs given Word's list numbers and
 * headings (`classifyWordBlocks`), then written as lines for the text pipeline (`wordLines`),
 * which reads them as it reads a typed draft (`importText`). What text cannot carry is attached
 * afterwards to the paragraph, item or alternative each Word paragraph became: tracked changes
 * (each author's as alternatives, by reading the document once more with only that author's
 * changes), comments, ndraft's own positions and note lines. Pure.
 */
export function readDocxSource(bytes: Uint8Array, options: DocxReadOptions): DocxSource {
  const name = options.file;
  const shownName = options.name ?? name;
  const parts = readDocxPackage(bytes, shownName);
  const parse = (part: string): XmlElement | undefined => {
    const data = parts.get(part);
    return data === undefined ? undefined : parseXmlPart(data, shownName, part);
  };
  // The body's paragraphs are read as the XML reader completes each: the document's tree is never held whole.
  const reader = wordBlockReader();
  parseXmlPart(parts.get('word/document.xml') as Uint8Array, shownName, 'word/document.xml', undefined, { parent: 'w:body', take: reader.take, restart: reader.restart });
  const blocks = reader.blocks;
  const numbering = new WordNumbering(parse('word/numbering.xml'));
  const styles = readWordStyles(parse('word/styles.xml'));
  const comments = readWordComments(parse('word/comments.xml'));
  const footnotes = readWordFootnotes(parse('word/footnotes.xml'));
  const core = parse('docProps/core.xml');
  const creator = textOf(child(child(core, 'cp:coreProperties'), 'dc:creator') ?? '').trim();
  const madeByNdraft = creator === 'ndraft';
  const lastModifiedBy = textOf(child(child(core, 'cp:coreProperties'), 'cp:lastModifiedBy') ?? '').trim();

  const mode = options.trackedChanges ?? 'alternatives';
  const tables = readCompilationTables(blocks);
  const dropped = (block: WordBlock) => {
    const whole = wholeChange(block.runs)?.kind;
    return (mode === 'accept' && whole === 'del') || (mode === 'reject' && whole === 'ins');
  };
  const classified = classifyWordBlocks(blocks, styles, numbering, { madeByNdraft, tableRows: tables.blocks, dropped });
  const formatting = options.conventions?.wordFormatting ?? {};
  const delegationOf = options.delegationOf ?? ((user: string) => user);

  // Footnotes are numbered as Word prints them: in the order the text cites them.
  const markers = new Map<string, string>();
  const notes: ExtractedNote[] = [];
  for (const c of classified) {
    if (c.role.kind !== 'text') continue;
    for (const run of c.block.runs) {
      if (run.footnote === undefined || markers.has(run.footnote)) continue;
      const marker = String(markers.size + 1);
      markers.set(run.footnote, marker);
      notes.push({ marker, text: footnotes.get(run.footnote)?.text ?? '', line: c.block.index, kind: 'footnote' });
    }
  }

  const title = options.title ?? (classified.find((c) => c.role.kind === 'title' && c.shown !== '')?.shown || options.fallbackTitle);
  const read = (view: ChangeView, places = false) => {
    const { lines, references } = wordLines(classified, view, formatting, markers, mode === 'reject');
    return inWordPlaces(name, shownName, () => importText(lines, {
      file: name,
      title,
      ...(options.source !== undefined ? { source: options.source } : {}),
      footnotes: notes,
      references,
      ...(options.conventions ? { conventions: options.conventions } : {}),
      places,
    }));
  };
  const result = read(mode === 'accept' ? { kind: 'accept' } : { kind: 'reject' }, true);
  checkImportResult(result, name);

  const tracked = countTrackedChanges(classified);
  const alternatives = new Map<string, number>();
  const draft = result.draft;
  const at = (index: number) => placeTarget(draft, result.places?.get(index));
  if (mode === 'alternatives') {
    for (const [author, counts] of tracked.authors) {
      if (counts.insertions + counts.deletions + counts.moves === 0) continue;
      const proposal = read({ kind: 'author', author });
      const delegation = delegationOf(author);
      const added = addTrackedAlternatives(draft, proposal.draft, delegation);
      if (added > 0) alternatives.set(delegation, (alternatives.get(delegation) ?? 0) + added);
    }
    markWholeChanges(draft, classified, at, delegationOf);
  }

  const warnings: Diagnostic[] = [...result.warnings, ...tables.warnings.map((w) => ({ ...w, file: name }))];
  const attached = attachWordLines(draft, classified, { comments, places: result.places ?? new Map(), madeByNdraft, delegationOf, file: name });
  warnings.push(...attached.warnings);
  const tableProposals = addTableProposals(draft, tables.rows, delegationOf, (w) => warnings.push({ ...w, file: name }));

  const summary: DocxSummary = {
    numbered: numbering.numbered,
    headings: classified.filter((c) => c.heading !== undefined && c.role.kind === 'text' && c.shown !== '').length,
    tracked,
    trackedMode: mode,
    alternatives,
    comments: attached.comments,
    footnotes: notes.length,
    compilationTables: tables.compilationTables,
    tableProposals,
    exportFurniture: attached.exportFurniture,
    madeByNdraft,
    ...(lastModifiedBy !== '' && lastModifiedBy !== 'Un-named' ? { lastModifiedBy } : {}),
  };
  if (numbering.unknownFormats.size > 0) {
    warnings.push({ code: 'NUMBER_FORMAT', severity: 'warning', message: `word/numbering.xml uses number formats ndraft does not write (${[...numbering.unknownFormats].join(', ')}): those numbers are read as decimal`, file: name });
  }
  return { ...result, summary, allWarnings: warnings.map((w) => inWordTerms(w)) };
}

/** Runs a pass of the text pipeline, its errors' "file:line:column" said as Word paragraphs. */
/**
 * Whether ndraft wrote the document (its export names ndraft as the creator, and Word keeps that
 * when a delegation saves its copy): `import … --into` then reads it as a delegation's copy of
 * the draft; any other Word document is a text of its own (the chair's next revision).
 */
export function docxWrittenByNdraft(bytes: Uint8Array, name: string): boolean {
  // Only its properties are unpacked: the copy's reader unpacks the package, within the limits, once.
  const core = readDocxPart(bytes, 'docProps/core.xml');
  const properties = core === undefined ? undefined : parseXmlPart(core, name, 'docProps/core.xml');
  return textOf(child(child(properties, 'cp:coreProperties'), 'dc:creator') ?? '').trim() === 'ndraft';
}

function inWordPlaces<T>(file: string, shown: string, pass: () => T): T {
  try {
    return pass();
  } catch (error) {
    if (!(error instanceof NdraftError)) throw error;
    const at = `${file}:`;
    const message = error.message
      .split(at)
      .join('\u0000')
      .replace(/\u0000(\d+):\d+: /g, (_, line: string) => `${shown}: paragraph ${line} (word/document.xml): `)
      .replace(/\u0000/g, at)
      .replace(/\bat line (\d+)/g, 'at paragraph $1');
    throw new NdraftError(error.kind, message, error.diagnostics.map(inWordTerms));
  }
}

/** A warning of the text pipeline, whose "line" is a Word paragraph, said in Word's terms. */
function inWordTerms(w: Diagnostic): Diagnostic {
  if (w.line === undefined) return w;
  const { line, column: _column, sourceLine: _source, ...rest } = w;
  return { ...rest, message: `paragraph ${line} (word/document.xml): ${w.message}` };
}
