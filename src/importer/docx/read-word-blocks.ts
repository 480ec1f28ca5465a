import { child, isOn, valueOf, type XmlElement } from './parse-xml-part.js';

/** Who changed a run or a paragraph with track changes on, and how. */
export interface WordChange {
  kind: 'ins' | 'del' | 'moveFrom' | 'moveTo';
  author: string;
  date?: string;
}

/** A stretch of a Word paragraph with one formatting and one revision state. */
export interface WordRun {
  text: string;
  change?: WordChange;
  strike?: boolean;
  bold?: boolean;
  underline?: boolean;
  italic?: boolean;
  /** Word's highlight colour name (`yellow`, `green`) or a shading fill as hex. */
  highlight?: string;
  color?: string;
  /** A footnote reference stands here: the footnote's id in footnotes.xml. */
  footnote?: string;
}

/** One Word paragraph, with everything about it the draft may need. */
export interface WordBlock {
  /** 1-based position among the document's paragraphs: how warnings name it ("paragraph 12"). */
  index: number;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  centered?: boolean;
  /** Neither aligned nor indented: how ndraft's export writes an option's words, unlike its paragraphs. */
  plain?: boolean;
  runs: WordRun[];
  /** The paragraph mark itself was inserted or deleted: a whole paragraph came or went. */
  mark?: WordChange;
  /** Comments anchored in the paragraph, by id. */
  comments: string[];
  /** Formatting changed with track changes on (`w:rPrChange`, `w:pPrChange`), by author. */
  formatChanges: string[];
  /** Set for a paragraph inside a table: which table, row and cell (all 1-based). */
  cell?: { table: number; row: number; column: number };
}

/**
 * The paragraphs of word/document.xml in reading order: body paragraphs, then each table's
 * cells row by row, content controls and custom XML unwrapped. Runs keep their text (`w:t`, and
 * `w:delText` for deleted words), tabs and breaks, their formatting and their tracked change.
 */
export function readWordBlocks(root: XmlElement): WordBlock[] {
  const reader = wordBlockReader();
  for (const node of child(child(root, 'w:document'), 'w:body')?.children ?? []) if (typeof node !== 'string') reader.take(node);
  return reader.blocks;
}

/**
 * The same, fed one child of `w:body` at a time as the XML reader completes it (`Release`), so
 * that a long document's tree is never held whole: `blocks` grows with each.
 */
export function wordBlockReader(): { blocks: WordBlock[]; take(node: XmlElement): void; restart(): void } {
  const blocks: WordBlock[] = [];
  let tables = 0;
  const read = (node: XmlElement, cell?: WordBlock['cell']): void => {
    if (node.name === 'w:p') blocks.push(readParagraph(node, blocks.length + 1, cell));
    else if (node.name === 'w:tbl') {
      const table = ++tables;
      let row = 0;
      for (const tr of node.children) {
        if (typeof tr === 'string' || tr.name !== 'w:tr') continue;
        row++;
        let column = 0;
        for (const tc of tr.children) if (typeof tc !== 'string' && tc.name === 'w:tc') walk(tc, { table, row, column: ++column });
      }
    } else if (CONTAINERS.has(node.name)) walk(node, cell);
  };
  const walk = (container: XmlElement, cell?: WordBlock['cell']): void => {
    for (const node of container.children) if (typeof node !== 'string') read(node, cell);
  };
  return {
    blocks,
    take: (node) => read(node),
    restart: () => {
      blocks.length = 0;
      tables = 0;
    },
  };
}

/** Elements that only wrap content: walked through. */
const CONTAINERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:hyperlink', 'w:fldSimple', 'w:bdo', 'w:dir', 'w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);

export function readParagraph(p: XmlElement, index: number, cell: WordBlock['cell']): WordBlock {
  const pPr = child(p, 'w:pPr');
  const numPr = child(pPr, 'w:numPr');
  const markProps = child(pPr, 'w:rPr');
  const block: WordBlock = { index, runs: [], comments: [], formatChanges: [] };
  const style = valueOf(pPr, 'w:pStyle');
  if (style !== undefined) block.styleId = style;
  const numId = valueOf(numPr, 'w:numId');
  if (numId !== undefined) block.numId = numId;
  const ilvl = valueOf(numPr, 'w:ilvl');
  if (ilvl !== undefined) block.ilvl = Number(ilvl);
  const outline = valueOf(pPr, 'w:outlineLvl');
  if (outline !== undefined) block.outlineLevel = Number(outline);
  if (valueOf(pPr, 'w:jc') === 'center') block.centered = true;
  if (child(pPr, 'w:jc') === undefined && child(pPr, 'w:ind') === undefined) block.plain = true;
  const mark = changeOf(child(markProps, 'w:ins'), 'ins') ?? changeOf(child(markProps, 'w:del'), 'del');
  if (mark) block.mark = mark;
  const pChange = child(pPr, 'w:pPrChange');
  if (pChange) block.formatChanges.push(pChange.attrs['w:author'] ?? 'unknown');
  if (cell) block.cell = cell;
  readContent(p, block, undefined);
  return block;
}

function readContent(container: XmlElement, block: WordBlock, change: WordChange | undefined): void {
  for (const node of container.children) {
    if (typeof node === 'string') continue;
    switch (node.name) {
      case 'w:r':
        readRun(node, block, change);
        break;
      case 'w:ins':
      case 'w:del':
      case 'w:moveFrom':
      case 'w:moveTo':
        readContent(node, block, changeOf(node, node.name.slice(2) as WordChange['kind']) ?? change);
        break;
      case 'w:commentRangeStart':
        addComment(block, node.attrs['w:id']);
        break;
      default:
        if (CONTAINERS.has(node.name)) readContent(node, block, change);
    }
  }
}

function readRun(r: XmlElement, block: WordBlock, change: WordChange | undefined): void {
  const rPr = child(r, 'w:rPr');
  const format: Omit<WordRun, 'text'> = {};
  if (change) format.change = change;
  if (isOn(rPr, 'w:strike') || isOn(rPr, 'w:dstrike')) format.strike = true;
  if (isOn(rPr, 'w:b')) format.bold = true;
  if (isOn(rPr, 'w:u')) format.underline = true;
  if (isOn(rPr, 'w:i')) format.italic = true;
  const highlight = valueOf(rPr, 'w:highlight');
  if (highlight !== undefined && highlight !== 'none') format.highlight = highlight;
  const color = valueOf(rPr, 'w:color');
  if (color !== undefined && color !== 'auto') format.color = color;
  const rChange = child(rPr, 'w:rPrChange');
  if (rChange) block.formatChanges.push(rChange.attrs['w:author'] ?? 'unknown');
  let text = '';
  const flush = () => {
    if (text !== '') block.runs.push({ text, ...format });
    text = '';
  };
  for (const node of r.children) {
    if (typeof node === 'string') continue;
    switch (node.name) {
      case 'w:t':
      case 'w:delText':
        text += node.children.join('');
        break;
      case 'w:tab':
      case 'w:ptab':
        text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        text += ' ';
        break;
      case 'w:noBreakHyphen':
        text += '\u2011';
        break;
      case 'w:footnoteReference': {
        flush();
        const id = node.attrs['w:id'];
        if (id !== undefined) block.runs.push({ text: '', ...format, footnote: id });
        break;
      }
      case 'w:commentReference':
        addComment(block, node.attrs['w:id']);
        break;
    }
  }
  flush();
}

function addComment(block: WordBlock, id: string | undefined): void {
  if (id !== undefined && !block.comments.includes(id)) block.comments.push(id);
}

function changeOf(element: XmlElement | undefined, kind: WordChange['kind']): WordChange | undefined {
  if (!element) return undefined;
  const date = element.attrs['w:date'];
  return { kind, author: element.attrs['w:author'] ?? 'unknown', ...(date !== undefined ? { date } : {}) };
}
