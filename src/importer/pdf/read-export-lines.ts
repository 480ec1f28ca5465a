import { exportAsideRole, exportOptionLine, isExportLegend, optionHeadingLine, readOptionHeading, type ExportLineRole, type OptionLinesState } from '../export-furniture.js';
import type { SourceLine } from '../source-lines.js';

/** A line of ndraft's own export read from the PDF: skipped as furniture, or put back on the draft. */
export interface PdfExportLine {
  /** The line's number among the lines read from the PDF (`PreparedPdf.extracted`). */
  line: number;
  text: string;
  role: ExportLineRole;
}

export interface PdfExportLines {
  /** The lines for the text pipeline: without the export's lines, option headings as the text export writes them. */
  lines: SourceLine[];
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
 * wording counts. In any other PDF every line is the document's own and is left as it is.
 */
export function readExportLines(lines: readonly SourceLine[], madeByNdraft: boolean): PdfExportLines {
  if (!madeByNdraft) return { lines: [...lines], exportLines: [] };
  const out: SourceLine[] = [];
  const exportLines: PdfExportLine[] = [];
  let title: string | undefined;
  let head = true;
  let optionBlock: string | undefined;
  const optionLines: OptionLinesState = { opened: new Set() };
  const texts = lines.filter((l) => l.text.trim() !== '');
  let at = 0;
  for (const line of lines) {
    const text = line.text.trim();
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
    const role = exportAsideRole(text, true);
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
    out.push(line);
  }
  return { lines: out, ...(title !== undefined ? { title } : {}), exportLines };
}
