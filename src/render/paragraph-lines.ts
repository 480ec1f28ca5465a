import type { ExportInput } from '../export/export-input.js';
import type { Paragraph, Status } from '../model/schemas.js';
import { lineBreaks, type LineBreak } from './break-lines.js';
import { statusMarker } from './status-marker.js';

/**
 * The negotiated text of a paragraph as every format with line numbers shows it, block by block:
 * the paragraph's text (the chapeau when it has items), each item, and in the compilation each
 * alternative (`[Alt 1 61. …]`) and item alternative (`[Alt 71g1) …]`), each with its status
 * marker (`(Agreed)`) and the closing bracket of a bracketed paragraph where the text export
 * writes them. Numbers and item labels stand in the margin and are not counted; positions and
 * notes are not numbered.
 *
 * Lines are numbered per paragraph, from 1, through its blocks in reading order: "paragraph 61,
 * line 3" stays true when another paragraph changes, and reads as negotiators cite.
 */
export interface LineBlock {
  /** `text`, `item a)`, `item f) Alt 71g1`, `alternative Alt 2`: the place, as `show` names it. */
  key: string;
  text: string;
  /** The number of the block's first line. */
  first: number;
  breaks: LineBreak[];
}

export function paragraphLineBlocks(p: Paragraph, input: ExportInput): LineBlock[] {
  const compilation = input.mode === 'compilation';
  const number = input.displayNumber(p);
  const close = compilation && p.bracketed ? ']' : '';
  const marker = (text: string, status: Status | undefined): string => {
    const words = compilation ? statusMarker(status) : '';
    return words === '' ? '' : text.trim() === '' ? words : ` ${words}`;
  };
  const texts: { key: string; text: string }[] = [];
  const hasItems = p.items.length > 0;
  if (p.text !== '' || !hasItems) texts.push({ key: 'text', text: hasItems ? p.text : `${p.text}${marker(p.text, p.status)}${close}` });
  p.items.forEach((item, i) => {
    const isLast = i === p.items.length - 1;
    const status = isLast && p.status !== 'open' ? p.status : item.status;
    texts.push({ key: `item ${item.label}`, text: `${item.text}${marker(item.text, status)}${isLast ? close : ''}` });
    if (compilation) for (const alt of item.alternatives ?? []) texts.push({ key: `item ${item.label} ${alt.label}`, text: `[${alt.label}) ${alt.text}]` });
  });
  if (compilation) for (const alt of p.alternatives) texts.push({ key: `alternative ${alt.label}`, text: `${alternativeHead(alt.label, number)} ${alt.text}]` });
  let next = 1;
  return texts.map(({ key, text }) => {
    const shown = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    const block = { key, text: shown, first: next, breaks: lineBreaks(shown) };
    next += block.breaks.length + 1;
    return block;
  });
}

/** `[Alt 2 61.`: how an alternative to a paragraph opens; without a number for an unnumbered paragraph. */
export function alternativeHead(label: string, number: string | undefined): string {
  return number === undefined ? `[${label}` : `[${label} ${number}.`;
}
