import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph as WordParagraph,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { headerOf, type ExportInput } from '../export/export-input.js';
import type { OutlineEntry, Paragraph, Section } from '../model/schemas.js';
import { headerFields } from './document-header.js';
import { numberedWordParagraphs } from './docx-numbered-lines.js';
import { paragraphLines, type Layout, type Line } from './docx-paragraph-lines.js';
import { collectSpans, hasSpanMarks, spanExtent } from '../model/spans.js';
import { RevisionMarks, trackedRuns } from './docx-revisions.js';
import { BRACKET_STYLE, isMostlyRightToLeft, pieceSpans, safeText, span, toRuns, type RevisionKind, type RevisionMark, type RunStyle } from './docx-runs.js';
import { changesNote, trackedLines } from './tracked-lines.js';
import type { TrackedChanges, TrackedParagraph } from '../compare/tracked-changes.js';
import { paragraphLineBlocks } from './paragraph-lines.js';
import { sectionMarker } from './section-heading.js';
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
  const running = `${title} (${compilation ? 'compilation text' : 'clean text'})`;
  const margin = input.lineNumbers ? 1134 : 1417;
  const document = new Document({
    title,
    creator: 'ndraft',
    description: compilation ? 'Compilation text' : 'Clean text',
    styles: input.lineNumbers ? LINE_NUMBERED_STYLES : STYLES,
    // A document sent with tracked changes opens with tracking on, so a delegation's own edits show too.
    ...(changes ? { features: { trackRevisions: true } } : {}),
    sections: [
      {
        properties: { page: { margin: { top: 1417, bottom: 1417, left: margin, right: margin } } },
        headers: {
          default: new Header({
            children: [
              ...(symbol !== undefined ? [new WordParagraph({ alignment: AlignmentType.RIGHT, children: toRuns([span(symbol, { bold: true })]) })] : []),
              new WordParagraph({ alignment: AlignmentType.RIGHT, children: toRuns([span(running, { italics: true, color: '666666' })]) }),
            ],
          }),
        },
        footers: { default: new Footer({ children: [new WordParagraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
        children: body(context),
      },
    ],
  });
  return Packer.toBuffer(document);
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

const STYLES = {
  default: {
    document: { run: { font: 'Times New Roman', size: 24 }, paragraph: { spacing: { after: 120 } } },
    title: { run: { font: 'Times New Roman', size: 32, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
    heading1: { run: { font: 'Times New Roman', size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
    heading2: { run: { font: 'Times New Roman', size: 24, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    heading3: { run: { font: 'Times New Roman', size: 24, italics: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
  },
};

/** At 11 pt, 80 characters of Times New Roman fit the line a numbered line has (`docx-numbered-lines.ts`). */
const LINE_NUMBERED_STYLES = { default: { ...STYLES.default, document: { ...STYLES.default.document, run: { font: 'Times New Roman', size: 22 } } } };

function body(context: Context): WordParagraph[] {
  const { meta } = context.input.draft;
  const blocks: WordParagraph[] = [new WordParagraph({ heading: HeadingLevel.TITLE, children: toRuns([span(meta.title)]) })];
  const fields = headerFields(headerOf(context.input), true);
  if (fields.length > 0) {
    blocks.push(new WordParagraph({ alignment: AlignmentType.CENTER, children: toRuns([span(fields.map((f) => (f.label === 'Symbol' ? f.value : `${f.label}: ${f.value}`)).join(' · '), { bold: true })]) }));
  }
  if (context.compilation) {
    if (meta.source) blocks.push(new WordParagraph({ alignment: AlignmentType.CENTER, children: toRuns([span(`Source: ${meta.source}`, { italics: true })]) }));
    blocks.push(
      new WordParagraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 360 },
        children: toRuns([
          span('Compilation text: highlighted words in ', { italics: true }),
          span('[brackets]', { italics: true, ...BRACKET_STYLE }),
          span(' are not agreed, ', { italics: true }),
          span('[a/b]', { italics: true, ...BRACKET_STYLE }),
          span(' is a choice between options, ', { italics: true }),
          span('[Alt …]', { italics: true, ...BRACKET_STYLE }),
          span(' paragraphs are competing wordings.', { italics: true }),
        ]),
      }),
    );
  }
  if (context.changes) {
    const note = `${changesNote(context.changes.tracked.since)} are tracked: each names who made it and when; accept or reject them in Word's Review tab.`;
    blocks.push(new WordParagraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: toRuns([span(note, { italics: true })]) }));
  }
  if (meta.preamble) blocks.push(...freeText(meta.preamble));
  blocks.push(...removedAfter('', context));
  sections(meta.sections, 0, context, blocks);
  if (context.input.note !== undefined && context.input.note.trim() !== '') blocks.push(...freeText(context.input.note, { italics: true }));
  if (meta.closing) blocks.push(...freeText(meta.closing));
  if (context.compilation) for (const note of meta.notes ?? []) blocks.push(...freeText(noteLine(note), { italics: true }));
  return blocks;
}

/** A caption for each bracket span, under the paragraph where it opens. */
function spanCaptions(input: ExportInput, byAddress: ReadonlyMap<string, Paragraph>): Map<string, string[]> {
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

/** Text kept as written (preamble, closing matter): a paragraph per blank-line-separated block. */
function freeText(text: string, style: RunStyle = {}): WordParagraph[] {
  return safeText(text)
    .split(/\n[ \t]*\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => new WordParagraph({ ...direction(block), children: toRuns([{ text: block, style }]) }));
}

function sections(list: readonly Section[], depth: number, context: Context, blocks: WordParagraph[]): void {
  for (const section of list) {
    const heading = [sectionMarker(section, depth), section.title ?? ''].filter((s) => s.trim() !== '').join(' ');
    if (heading !== '') {
      const level = depth === 0 ? HeadingLevel.HEADING_1 : depth === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      blocks.push(new WordParagraph({ heading: level, ...direction(heading), children: toRuns([span(heading)]) }));
    }
    // A section's notes under its heading, as a paragraph's stand under it (import reads them back).
    if (context.compilation) for (const note of section.notes ?? []) blocks.push(...freeText(noteLine(note), { italics: true, color: '555555' }));
    for (const entry of section.paragraphs) blocks.push(...outlineEntry(entry, context));
    sections(section.subsections ?? [], depth + 1, context, blocks);
  }
}

function outlineEntry(entry: OutlineEntry, context: Context): WordParagraph[] {
  if (typeof entry === 'string') {
    const p = context.byAddress.get(entry);
    return p === undefined ? [] : [...paragraphBlocks(p, context), ...removedAfter(entry, context)];
  }
  // Competing sets of paragraphs: each set under a bold line naming the block and the option.
  return entry.options.flatMap((option) => {
    const paragraphs = option.paragraphs.flatMap((inner) => outlineEntry(inner, context));
    const words = option.text !== undefined && option.text !== '' ? [new WordParagraph({ children: toRuns([span(option.text)]) })] : [];
    // The compilation shows an option that holds nothing yet (`Option 1 {Placeholder}`): it is one of the choices.
    if (paragraphs.length === 0 && words.length === 0 && !context.compilation) return [];
    const heading = optionHeading(entry, option);
    const label = new WordParagraph({ keepNext: true, spacing: { before: 240 }, children: toRuns([span(heading, { bold: true, ...(context.compilation ? { highlight: true } : {}) })]) });
    return [label, ...words, ...paragraphs];
  });
}

/** The Word paragraphs of a negotiated paragraph: plain, or as tracked changes against its baseline. */
function paragraphBlocks(p: Paragraph, context: Context): WordParagraph[] {
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
function removedAfter(address: string, context: Context): WordParagraph[] {
  const changes = context.changes;
  if (changes === undefined) return [];
  return (changes.tracked.removed.get(address) ?? []).flatMap((tracked) => trackedBlocks(tracked, context));
}

/** A changed paragraph as Word revisions; a line that came or went has its paragraph mark tracked too. */
function trackedBlocks(tracked: TrackedParagraph, context: Context, captions?: readonly string[]): WordParagraph[] {
  const { marks, tracked: all } = context.changes as NonNullable<Context['changes']>;
  return trackedLines(tracked, context.input, all.unattributed, captions).map(({ line, pieces, came, went }) => {
    const children = pieces.flatMap((piece) => trackedRuns(piece, marks));
    const mark = came ?? went;
    return wordParagraph(line, children, mark === undefined ? undefined : { kind: came ? 'inserted' : 'deleted', mark: marks.mark(mark) });
  });
}

function plainRuns(line: Line): ParagraphChild[] {
  return line.pieces.flatMap((piece) => toRuns(pieceSpans(piece)));
}

const LAYOUTS: Record<Layout, IParagraphOptions> = {
  paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: INDENT, hanging: INDENT } },
  item: { alignment: AlignmentType.JUSTIFIED, indent: { left: 2 * INDENT, hanging: INDENT } },
  alternative: { alignment: AlignmentType.JUSTIFIED, indent: { left: INDENT } },
  'item-alternative': { alignment: AlignmentType.JUSTIFIED, indent: { left: 2 * INDENT } },
  aside: { indent: { left: INDENT } },
  'item-aside': { indent: { left: 2 * INDENT } },
};

/** A Word paragraph for a line; a paragraph that came or went has its paragraph mark tracked too. */
function wordParagraph(line: Line, children: ParagraphChild[], paragraphMark?: { kind: RevisionKind; mark: RevisionMark }): WordParagraph {
  const text = line.pieces.map((piece) => piece.text).join('');
  return new WordParagraph({
    ...LAYOUTS[line.layout],
    ...direction(text),
    ...(line.keepNext ? { keepNext: true } : {}),
    ...(paragraphMark ? { run: paragraphMark.kind === 'inserted' ? { insertion: paragraphMark.mark } : { deletion: paragraphMark.mark } } : {}),
    children,
  });
}

/** Right-to-left paragraphs for text mostly in Arabic, Hebrew and other right-to-left scripts. */
function direction(text: string): { bidirectional?: boolean } {
  return isMostlyRightToLeft(text) ? { bidirectional: true } : {};
}
