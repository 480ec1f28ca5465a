import { BreakWalker } from './break-lines.js';
import type { Line } from './docx-paragraph-lines.js';
import { pieceSpans, toRuns, type Span } from './docx-runs.js';
import type { LineBlock } from './paragraph-lines.js';
import { paragraphXml } from './word-xml.js';

/**
 * A numbered line of the Word export as one Word paragraph per line: the line's number, then
 * (on its first line) the paragraph number or item label, then its words, each column at a tab
 * stop. Word's own line numbering counts the lines Word lays out, which depend on the fonts; these
 * are the lines every format breaks alike (`paragraph-lines.ts`), so "line 3" is the same line in
 * the HTML, the PDF and here. Lines are set flush left at 11 pt on a 2 cm margin so that 80
 * characters fit and Word never wraps a line again.
 */
export function numberedWordParagraphs(line: Line, block: LineBlock, rightToLeft: boolean): string[] {
  const columns = COLUMNS[line.layout];
  const margin = line.pieces.slice(0, line.margin ?? 0).filter((piece) => piece.text !== '\t');
  const spans = line.pieces.slice(line.margin ?? 0).flatMap((piece) => pieceSpans(piece));
  const lines = splitSpans(spans, block);
  const tabStops = STOPS_FOR[columns] as readonly number[];
  return lines.map((words, i) => {
    const isFirst = i === 0;
    const isLast = i === lines.length - 1;
    const runs =
      numberRun(block.first + i) +
      tabs(columns - 1) +
      (isFirst ? toRuns(margin.flatMap((piece) => pieceSpans(piece))) : '') +
      tabs(1) +
      toRuns(words);
    return paragraphXml(
      {
        // A paragraph's first two lines stay together, and the last one with the next line when asked.
        ...((isFirst && !isLast) || (isLast && line.keepNext) ? { keepNext: true } : {}),
        tabStops,
        ...(rightToLeft ? { bidirectional: true } : {}),
        spacing: { after: isLast ? 120 : 0 },
        alignment: 'left',
      },
      runs,
    );
  });
}

/** Line numbers in 8 pt grey, as Word's own line numbering prints them. */
const NUMBER_STYLE = { size: 16, color: '666666' };

const STEP = 567; // 1 cm in twips
const STOPS = [STEP, 2 * STEP, 3 * STEP];
/** The tab stops of each column count, one array each (`paragraphXml` writes an array's stops once). */
const STOPS_FOR = [0, 1, 2, 3].map((n) => STOPS.slice(0, n));

/** How many tab stops lead to a layout's text: the line number's column, the label's, the text's. */
export const COLUMNS: Record<Line['layout'], number> = { paragraph: 2, item: 3, alternative: 2, 'item-alternative': 3, aside: 2, 'item-aside': 3 };

/** The runs of `n` tabs, and of each line number, made once: every one of a draft's ~40,000 lines has them. */
const TAB_RUNS = new Map<number, string>();
const NUMBER_RUNS = new Map<number, string>();

function tabs(n: number): string {
  if (n <= 0) return '';
  let xml = TAB_RUNS.get(n);
  if (xml === undefined) TAB_RUNS.set(n, (xml = toRuns([{ text: '\t'.repeat(n), style: {} }])));
  return xml;
}

function numberRun(n: number): string {
  let xml = NUMBER_RUNS.get(n);
  if (xml === undefined) NUMBER_RUNS.set(n, (xml = toRuns([{ text: String(n), style: NUMBER_STYLE }])));
  return xml;
}

/** The spans of each line: cut where the block breaks, the characters a break takes left out (the PDF's numbered lines too). */
export function splitSpans(spans: readonly Span[], block: LineBlock): Span[][] {
  const lines: Span[][] = [[]];
  const walker = new BreakWalker(block.breaks);
  for (const span of spans) {
    const text = span.text;
    // Cut in slices between the breaks, not character by character.
    let piece = '';
    let from = 0;
    const flush = () => {
      if (piece !== '') (lines[lines.length - 1] as Span[]).push({ text: piece, style: span.style });
      piece = '';
    };
    for (let i = 0; i < text.length; ) {
      const plain = Math.min(walker.plain(), text.length - i);
      if (plain > 0) {
        walker.pass(plain);
        i += plain;
        continue;
      }
      const { newLine, shown } = walker.next();
      if (newLine) {
        piece += text.slice(from, i);
        from = i;
        flush();
        lines.push([]);
      }
      if (!shown) {
        piece += text.slice(from, i);
        from = i + 1;
      }
      i++;
    }
    piece += text.slice(from);
    flush();
  }
  for (let n = walker.rest(); n > 0; n--) lines.push([]);
  return lines;
}
