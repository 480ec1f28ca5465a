import { headerOf, type ExportInput } from '../export/export-input.js';
import type { OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import { compilationLegend, fieldsLine, freeTextBlocks, runningTitle, sectionHeadingText, spanCaptions } from './document-parts.js';
import { numberedWordParagraphs } from './docx-numbered-lines.js';
import { paragraphLines, type Layout, type Line } from './docx-paragraph-lines.js';
import { RevisionMarks, trackedRuns } from './docx-revisions.js';
import { isMostlyRightToLeft, pieceSpans, safeText, span, toRuns, type RevisionKind, type RevisionMark, type RunStyle } from './docx-runs.js';
import { BodyXml, docxPackage } from './docx-package.js';
import { paragraphXml, type ParagraphProps } from './word-xml.js';
import { changesNote, trackedLines } from './tracked-lines.js';
import type { TrackedChanges, TrackedParagraph } from '../compare/tracked-changes.js';
import { paragraphLineBlocks } from './paragraph-lines.js';
import { noteLine } from './note-text.js';
import { optionHeading } from '../model/outline.js';

export interface DocxOptions {
  /** What `--changes-since` gives: the paragraphs changed since a revision, each change with its author (`trackedChanges`). */
  changes?: TrackedChanges;
}

/**
 * The draft as a Word document: a title, sections as Heading 1 / Heading 2, numbered paragraphs
 * with their printed numbers in bold and a hanging indent, lettered items indented under them.
 * In compilation mode brackets are highlighted, whole-paragraph brackets, `(Agreed)` markers and
 * `[Alt 1 61. …]` alternatives (with who proposed and opposed them, in italics) are shown; in clean
 * mode the consolidated text is written plainly.
 *
 * With `changes`, every paragraph that changed is written as Word revisions that a delegate can
 * accept or reject one by one, each by the author who made it: deleted words as `w:del`, inserted
 * words as `w:ins`, items and alternatives (and whole paragraphs) that came or went as inserted
 * or deleted paragraphs. A paragraph removed from the outline stands, deleted, where it stood.
 *
 * The symbol, revision and date stand under the title and the symbol at the top of every page.
 * With `input.lineNumbers` each line of negotiated text is its own numbered line
 * (`docx-numbered-lines.ts`); that does not go with tracked changes.
 */
export async function renderDocx(input: ExportInput, options: DocxOptions = {}): Promise<Uint8Array> {
  const compilation = input.mode === 'compilation';
  const changes = options.changes;
  const byAddress = new Map(input.draft.paragraphs.map((p) => [p.address, p]));
  const context: Context = {
    input,
    compilation,
    byAddress,
    spanCaptions: compilation ? spanCaptions(input, byAddress) : new Map(),
    ...(changes ? { changes: { tracked: changes, marks: new RevisionMarks() } } : {}),
  };
  const title = safeText(input.draft.meta.title);
  const symbol = headerOf(input).symbol;
  const running = runningTitle(input);
  const header =
    (symbol !== undefined ? paragraphXml({ alignment: 'right' }, toRuns([span(symbol, { bold: true })])) : '') +
    paragraphXml({ alignment: 'right' }, toRuns([span(running, { italics: true, color: '666666' })]));
  return docxPackage({
    body: body(context),
    header,
    title,
    description: compilation ? 'Compilation text' : 'Clean text',
    sideMargin: input.lineNumbers ? 1134 : 1417,
    // At 11 pt, 80 characters of Times New Roman fit the line a numbered line has (`docx-numbered-lines.ts`).
    textSize: input.lineNumbers ? 22 : 24,
    // A document sent with tracked changes opens with tracking on, so a delegation's own edits show too.
    trackRevisions: changes !== undefined,
  });
}

interface Context {
  input: ExportInput;
  compilation: boolean;
  byAddress: Map<string, Paragraph>;
  /** The captions of the bracket spans that open in a paragraph, by its address: `Bracket over paragraphs 3–4`. */
  spanCaptions: Map<string, string[]>;
  changes?: { tracked: TrackedChanges; marks: RevisionMarks };
}

const INDENT = 567; // 1 cm in twips

function body(context: Context): BodyXml {
  const { meta } = context.input.draft;
  const blocks = new BodyXml();
  blocks.push(paragraphXml({ style: 'Title' }, toRuns([span(meta.title)])));
  const fields = fieldsLine(context.input);
  if (fields !== undefined) blocks.push(paragraphXml({ alignment: 'center' }, toRuns([span(fields, { bold: true })])));
  if (context.compilation) {
    if (meta.source) blocks.push(paragraphXml({ alignment: 'center' }, toRuns([span(`Source: ${meta.source}`, { italics: true })])));
    blocks.push(
      paragraphXml(
        { spacing: { after: 360 }, alignment: 'center' },
        toRuns(compilationLegend()),
      ),
    );
  }
  if (context.changes) {
    const note = `${changesNote(context.changes.tracked.since)} are tracked: each names who made it and when; accept or reject them in Word's Review tab.`;
    blocks.push(paragraphXml({ spacing: { after: 360 }, alignment: 'center' }, toRuns([span(note, { italics: true })])));
  }
  if (meta.preamble) blocks.push(...freeText(meta.preamble));
  blocks.push(...removedAfter('', context));
  sections(meta.sections, 0, context, blocks);
  if (context.input.note !== undefined && context.input.note.trim() !== '') blocks.push(...freeText(context.input.note, { italics: true }));
  if (meta.closing) blocks.push(...freeText(meta.closing));
  if (context.compilation) for (const note of meta.notes ?? []) blocks.push(...freeText(noteLine(note), { italics: true }));
  return blocks;
}

/** Text kept as written (preamble, closing matter): a paragraph per blank-line-separated block. */
function freeText(text: string, style: RunStyle = {}): string[] {
  return freeTextBlocks(text).map((block) => paragraphXml(direction(block), toRuns([{ text: block, style }])));
}

function sections(list: readonly Section[], depth: number, context: Context, blocks: BodyXml): void {
  for (const section of list) {
    const heading = sectionHeadingText(section, depth);
    if (heading !== '') {
      const style = depth === 0 ? 'Heading1' : depth === 1 ? 'Heading2' : 'Heading3';
      blocks.push(paragraphXml({ style, ...direction(heading) }, toRuns([span(heading)])));
    }
    // A section's notes under its heading, as a paragraph's stand under it (import reads them back).
    if (context.compilation) for (const note of section.notes ?? []) blocks.push(...freeText(noteLine(note), { italics: true, color: '555555' }));
    for (const entry of section.paragraphs) blocks.push(...outlineEntry(entry, context));
    sections(section.subsections ?? [], depth + 1, context, blocks);
  }
}

function outlineEntry(entry: OutlineEntry, context: Context): string[] {
  if (typeof entry === 'string') {
    const p = context.byAddress.get(entry);
    return p === undefined ? [] : [...paragraphBlocks(p, context), ...removedAfter(entry, context)];
  }
  // Competing sets of paragraphs: each set under a bold line naming the block and the option.
  return entry.options.flatMap((option) => {
    const paragraphs = option.paragraphs.flatMap((inner) => outlineEntry(inner, context));
    const words = option.text !== undefined && option.text !== '' ? [paragraphXml({}, toRuns([span(option.text)]))] : [];
    // The compilation shows an option that holds nothing yet (`Option 1 {Placeholder}`): it is one of the choices.
    if (paragraphs.length === 0 && words.length === 0 && !context.compilation) return [];
    const heading = optionHeading(entry, option);
    const label = paragraphXml({ keepNext: true, spacing: { before: 240 } }, toRuns([span(heading, { bold: true, ...(context.compilation ? { highlight: true } : {}) })]));
    return [label, ...words, ...paragraphs];
  });
}

/** The Word paragraphs of a negotiated paragraph: plain, or as tracked changes against its baseline. */
function paragraphBlocks(p: Paragraph, context: Context): string[] {
  const current = paragraphLines(p, context.input, context.spanCaptions.get(p.address));
  const changes = context.changes;
  if (context.input.lineNumbers) {
    const blocks = new Map(paragraphLineBlocks(p, context.input).map((b) => [b.key, b]));
    return current.flatMap((line) => {
      const block = blocks.get(line.label === 'paragraph' ? 'text' : line.label);
      if (block === undefined) return [wordParagraph(line, plainRuns(line))];
      return numberedWordParagraphs(line, block, direction(line.pieces.map((piece) => piece.text).join('')).bidirectional === true);
    });
  }
  const tracked = changes?.tracked.changed.get(p.address);
  if (changes === undefined || tracked === undefined) return current.map((line) => wordParagraph(line, plainRuns(line)));
  return trackedBlocks(tracked, context, context.spanCaptions.get(p.address));
}

/** The paragraphs removed since the revision that stood after `address` ("" at the start), as deleted paragraphs. */
function removedAfter(address: string, context: Context): string[] {
  const changes = context.changes;
  if (changes === undefined) return [];
  return (changes.tracked.removed.get(address) ?? []).flatMap((tracked) => trackedBlocks(tracked, context));
}

/** A changed paragraph as Word revisions; a line that came or went has its paragraph mark tracked too. */
function trackedBlocks(tracked: TrackedParagraph, context: Context, captions?: readonly string[]): string[] {
  const { marks, tracked: all } = context.changes as NonNullable<Context['changes']>;
  return trackedLines(tracked, context.input, all.unattributed, captions, all.memo).map(({ line, pieces, came, went }) => {
    const children = pieces.map((piece) => trackedRuns(piece, marks)).join('');
    const mark = came ?? went;
    return wordParagraph(line, children, mark === undefined ? undefined : { kind: came ? 'inserted' : 'deleted', mark: marks.mark(mark) });
  });
}

function plainRuns(line: Line): string {
  return line.pieces.map((piece) => toRuns(pieceSpans(piece))).join('');
}

const LAYOUTS: Record<Layout, ParagraphProps> = {
  paragraph: { alignment: 'both', indent: { left: INDENT, hanging: INDENT } },
  item: { alignment: 'both', indent: { left: 2 * INDENT, hanging: INDENT } },
  alternative: { alignment: 'both', indent: { left: INDENT } },
  'item-alternative': { alignment: 'both', indent: { left: 2 * INDENT } },
  aside: { indent: { left: INDENT } },
  'item-aside': { indent: { left: 2 * INDENT } },
};

/** A Word paragraph for a line; a paragraph that came or went has its paragraph mark tracked too. */
function wordParagraph(line: Line, runs: string, paragraphMark?: { kind: RevisionKind; mark: RevisionMark }): string {
  const text = line.pieces.map((piece) => piece.text).join('');
  return paragraphXml(
    {
      ...LAYOUTS[line.layout],
      ...direction(text),
      ...(line.keepNext ? { keepNext: true } : {}),
      ...(paragraphMark ? { mark: paragraphMark } : {}),
    },
    runs,
  );
}

/** Right-to-left paragraphs for text mostly in Arabic, Hebrew and other right-to-left scripts. */
function direction(text: string): { bidirectional?: boolean } {
  return isMostlyRightToLeft(text) ? { bidirectional: true } : {};
}
