import type { ExportInput } from '../export/export-input.js';
import { describeScope } from '../model/describe-scope.js';
import { stancePhrases } from '../model/stances.js';
import type { Alternative, Note, Paragraph, Status } from '../model/schemas.js';
import { BRACKET_STYLE, literal, words, type Piece, type RunStyle } from './docx-runs.js';
import { noteLine } from './note-text.js';
import { alternativeHead } from './paragraph-lines.js';
import { statusMarker } from './status-marker.js';

/** A negotiated paragraph as the Word export lays it out: one Word paragraph per line of this model. */

const MARKER_STYLE: RunStyle = { bold: true };

/** How a line of a paragraph is laid out. */
export type Layout = 'paragraph' | 'item' | 'alternative' | 'item-alternative' | 'aside' | 'item-aside';

/** One Word paragraph of a negotiated paragraph, keyed so that its baseline can be found. */
export interface Line {
  label: string;
  layout: Layout;
  pieces: Piece[];
  /** Kept on the page of the line after it: a chapeau with its first item, an alternative with its positions. */
  keepNext?: boolean;
  /** How many pieces at the start stand in the margin (a number, an item label, their tab): not counted with line numbers. */
  margin?: number;
}

/**
 * The lines of a paragraph as shown: the numbered line (the chapeau when there are items), its
 * items, and in compilation mode the alternatives, positions and notes. The same pieces always
 * stand in the same places, so a line and its baseline compare piece by piece. `itemKeys` name
 * the item lines (`item ${label}` by default).
 */
export function paragraphLines(p: Paragraph, input: ExportInput, spanCaptions: readonly string[] = [], itemKeys?: readonly string[]): Line[] {
  const c = input.mode === 'compilation';
  const number = input.displayNumber(p);
  const hasItems = p.items.length > 0;
  const close = c && p.bracketed ? ']' : '';
  const markerAfter = (text: string, status: Status | undefined) => {
    const marker = c ? statusMarker(status) : '';
    return marker === '' ? '' : text.trim() === '' ? marker : ` ${marker}`;
  };
  const lines: Line[] = [
    {
      label: 'paragraph',
      layout: 'paragraph',
      margin: 3,
      pieces: [
        literal(c && p.bracketed ? '[' : '', BRACKET_STYLE),
        literal(number === undefined ? '' : `${number}.`, { bold: true }),
        literal(number === undefined ? '' : '\t'),
        words(p.text, c, {}, p.spans),
        literal(hasItems ? '' : markerAfter(p.text, p.status), MARKER_STYLE),
        literal(hasItems ? '' : close, BRACKET_STYLE),
      ],
    },
  ];
  if (c) {
    spanCaptions.forEach((caption, i) => lines.push({ label: `paragraph span ${i + 1}`, layout: 'aside', pieces: [words(caption, false, { italics: true })] }));
    lines.push(...notesLines('paragraph', p.notes, 'aside'));
  }
  p.items.forEach((item, i) => {
    const isLast = i === p.items.length - 1;
    const status = isLast && p.status !== 'open' ? p.status : item.status;
    // Tracked changes name items by their pairing across versions: bullets all share a label.
    const key = itemKeys?.[i] ?? `item ${item.label}`;
    lines.push({ label: key, layout: 'item', margin: 2, pieces: [literal(item.label), literal('\t'), words(item.text, c, {}, item.spans), literal(markerAfter(item.text, status), MARKER_STYLE), literal(isLast ? close : '', BRACKET_STYLE)] });
    if (!c) return;
    for (const alternative of item.alternatives ?? []) lines.push(...alternativeLines(`${key} ${alternative.label}`, `[${alternative.label})`, alternative, 'item-alternative'));
    lines.push(...notesLines(key, item.notes, 'item-aside'));
  });
  if (c) for (const alternative of p.alternatives) lines.push(...alternativeLines(`alternative ${alternative.label}`, alternativeHead(alternative.label, number), alternative, 'alternative'));
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next && (next.label.startsWith(`${line.label} `) || (line.layout === 'paragraph' && next.layout === 'item'))) line.keepNext = true;
  });
  return lines;
}

function alternativeLines(key: string, label: string, alternative: Alternative, layout: 'alternative' | 'item-alternative'): Line[] {
  const lines: Line[] = [{ label: key, layout, pieces: [literal(label, BRACKET_STYLE), literal(' '), words(alternative.text, true), literal(']', BRACKET_STYLE)] }];
  if (alternative.scope !== undefined) lines.push({ label: `${key} scope`, layout, pieces: [words(`(${describeScope(alternative.scope)})`, false, { italics: true })] });
  const positions = stancePhrases(alternative);
  if (positions.length > 0) lines.push({ label: `${key} positions`, layout, pieces: [words(`(${positions.join('; ')})`, false, { italics: true })] });
  lines.push(...notesLines(key, alternative.notes, layout === 'alternative' ? 'aside' : 'item-aside'));
  return lines;
}

function notesLines(key: string, notes: readonly Note[] | undefined, layout: Layout): Line[] {
  return (notes ?? []).map((note, i) => ({ label: `${key} note ${i + 1}`, layout, pieces: [words(noteLine(note), false, { italics: true, color: '555555' })] }));
}

