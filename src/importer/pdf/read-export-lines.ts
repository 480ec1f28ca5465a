import { exportAsideRole, exportOptionLine, isExportLegend, optionHeadingLine, readOptionHeading, type ExportLineRole, type OptionLinesState } from '../export-furniture.js';
import type { WordSourceLine } from '../docx/word-lines.js';
import type { SourceLine } from '../source-lines.js';
import { classifyLine } from '../classify-line.js';

/** A line of ndraft's own export read from the PDF: skipped as furniture, or put back on the draft. */
export interface PdfExportLine {
  /** The line's number among the lines read from the PDF (`PreparedPdf.extracted`). */
  line: number;
  text: string;
  role: ExportLineRole;
}

export interface PdfExportLines {
  /** The lines for the text pipeline: without the export's lines, option headings as the text export writes them. */
  lines: WordSourceLine[];
  /** The title printed at the top, when the PDF is ndraft's. */
  title?: string;
  /** Every line of ndraft's export recognised, in reading order (the title and header fields included). */
  exportLines: PdfExportLine[];
}

/** `A/CONF.999/L.1 · Revision: Rev.2 · Date: 30 November 2026` or `Exported: 30 November 2026` (document-parts.ts fieldsLine). */
const FIELDS = /^(?:[^·]+ · )?(?:Revision: [^·]+ · )?(?:Date|Exported): \d{1,2} [A-Z][a-z]+ \d{4}$/;
const SOURCE = /^Source: \S.*$/;

/**
 * Recognises, in a PDF ndraft wrote (its Producer says so), the lines its export prints around
 * the paragraphs, with the Word import's recognisers (export-furniture.ts): the title and the
 * header fields at the top, the legend, the captions of bracket spans, the scope, positions and
 * note lines, and the option headings, rewritten as the text export writes them. A PDF cannot
 * say what is in italics or bold here (pdf.js gives fonts no names), so only the export's exact
 * wording counts; its bookmarks name the section headings. In any other PDF every line is the
 * document's own and is left as it is.
 */
export function readExportLines(lines: readonly SourceLine[], madeByNdraft: boolean, layout: { outline?: readonly { title: string; depth: number }[]; lefts?: readonly number[]; tabbed?: readonly boolean[]; extracted?: readonly string[] } = {}): PdfExportLines {
  if (!madeByNdraft) return { lines: [...lines], exportLines: [] };
  const outline = layout.outline ?? [];
  let bookmark = 0;
  // A note of a paragraph or alternative is set in from the margin, under its text; the draft's own notes, at the end, are not.
  const left = (line: number) => layout.lefts?.[line - 1] ?? 0;
  const margin = Math.min(...lines.filter((l) => l.text.trim() !== '').map((l) => left(l.line)));
  // Whether a line printed on the page between this prepared line and the next is exactly `title`.
  const lineAlone = (first: number, title: string) => {
    const after = lines.find((l) => l.line > first && l.text.trim() !== '')?.line ?? Number.POSITIVE_INFINITY;
    return (layout.extracted ?? []).some((t, i) => i + 1 > first && i + 1 < after && t.trim() === title);
  };
  const out: WordSourceLine[] = [];
  const exportLines: PdfExportLine[] = [];
  let title: string | undefined;
  let head = true;
  let optionBlock: string | undefined;
  const optionLines: OptionLinesState = { opened: new Set() };
  const texts = lines.filter((l) => l.text.trim() !== '');
  let at = 0;
  let joined = 0;
  for (const line of lines) {
    let text = line.text.trim();
    if (joined > 0 && text !== '') {
      joined--;
      at++;
      continue;
    }
    if (text === '') {
      out.push(line);
      continue;
    }
    const next = texts[++at]?.text.trim() ?? '';
    const skip = (what: string) => exportLines.push({ line: line.line, text, role: { kind: 'furniture', what } });
    if (title === undefined) {
      // The first line of ndraft's PDF is the draft's title, in large bold type, centred.
      title = text;
      skip('title');
      continue;
    }
    if (head && (FIELDS.test(text) || SOURCE.test(text))) {
      skip('header fields');
      continue;
    }
    head = false;
    if (isExportLegend(text)) {
      skip('legend');
      continue;
    }
    // A caption wrapped where a line starts like an item (`(g)`) was broken there: joined again if it then reads as one.
    let role = exportAsideRole(text, left(line.line) > margin + 1);
    for (let more = 1, longer = text; role === undefined && more <= 2 && /^Bracket over /.test(text); more++) {
      longer = `${longer} ${texts[at - 1 + more]?.text.trim() ?? ''}`;
      role = exportAsideRole(longer, false);
      if (role) [text, joined] = [longer, more];
    }
    // A note wrapped where a line starts like an item (`(g) and (h).`): no label stands apart there, so it is the note's.
    const after = texts[at];
    if (role?.kind === 'note' && after !== undefined && classifyLine(after.text).kind === 'item' && layout.tabbed?.[after.line - 1] === false) {
      text = `${text} ${after.text.trim()}`;
      role = exportAsideRole(text, left(line.line) > margin + 1) ?? role;
      joined = 1;
    }
    if (role) {
      exportLines.push({ line: line.line, text, role });
      continue;
    }
    const spelt = exportOptionLine(text, next, optionLines);
    if (spelt && 'skip' in spelt) {
      skip('options paragraph number');
      continue;
    }
    if (spelt) {
      out.push({ ...line, text: spelt.line });
      continue;
    }
    const option = readOptionHeading(text);
    if (option && /^Option \S+$/.test(option.label)) {
      out.push({ ...line, text: optionHeadingLine(option, optionBlock) });
      optionBlock = option.block;
      continue;
    }
    // ndraft's PDF bookmarks every section heading, in order: a heading, whatever its words look
    // like (as a Word heading style). One at the top of a page can run on from the text above it.
    const found = findBookmark(outline, bookmark, text, (title) => lineAlone(line.line, title));
    if (found === undefined) {
      out.push(line);
      continue;
    }
    const heading = outline[found] as { title: string; depth: number };
    bookmark = found + 1;
    if (text !== heading.title) out.push({ ...line, text: text.slice(0, -heading.title.length).trimEnd() }, { text: '', line: line.line, column: 1 });
    out.push({ ...line, text: heading.title, heading: heading.depth + 1 });
  }
  return { lines: out, ...(title !== undefined ? { title } : {}), exportLines };
}

/**
 * The next few bookmarks that name this line; or the next one, when the line ends with its title
 * and the title was a line of its own on the page (`ownLine`): a heading run on from the text above.
 */
function findBookmark(outline: readonly { title: string }[], from: number, text: string, ownLine: (title: string) => boolean): number | undefined {
  for (let i = from; i < Math.min(outline.length, from + 3); i++) {
    const title = (outline[i] as { title: string }).title;
    if (title !== '' && (text === title || (i === from && text.endsWith(` ${title}`) && ownLine(title)))) return i;
  }
  return undefined;
}
