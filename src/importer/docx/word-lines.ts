import type { WordFormatting } from '../../model/conventions-schema.js';
import type { Status } from '../../model/schemas.js';
import { statusMarker } from '../../render/status-marker.js';
import type { NoteReference, SourceLine } from '../source-lines.js';
import type { ClassifiedBlock } from './classify-word-blocks.js';
import type { WordRun } from './read-word-blocks.js';

/**
 * Which of the tracked changes a reading of the document takes: none (`reject`), all (`accept`),
 * or one author's (the others rejected), to see what that author proposes.
 */
export type ChangeView = { kind: 'reject' } | { kind: 'accept' } | { kind: 'author'; author: string };

/** A line for the text pipeline that is a Word heading, whatever its words look like. */
export interface WordSourceLine extends SourceLine {
  heading?: number;
}

export interface WordLines {
  lines: WordSourceLine[];
  references: NoteReference[];
}

/** How a whole paragraph was changed: every word of it inserted, or every word deleted. */
export function wholeChange(runs: readonly WordRun[]): WordRun['change'] | undefined {
  // Asked of every paragraph by several passes: worked out once per paragraph's runs.
  if (WHOLE.has(runs)) return WHOLE.get(runs);
  const whole = findWholeChange(runs);
  WHOLE.set(runs, whole);
  return whole;
}

const WHOLE = new WeakMap<readonly WordRun[], WordRun['change'] | undefined>();

function findWholeChange(runs: readonly WordRun[]): WordRun['change'] | undefined {
  if (!runs.some((r) => r.change !== undefined)) return undefined;
  const texts = runs.filter((r) => r.text.trim() !== '');
  const first = texts[0]?.change;
  if (!first) return undefined;
  const inserted = (r: WordRun) => r.change?.kind === 'ins' || r.change?.kind === 'moveTo';
  const deleted = (r: WordRun) => r.change?.kind === 'del' || r.change?.kind === 'moveFrom';
  if (texts.every(inserted)) return { ...first, kind: 'ins' };
  if (texts.every(deleted)) return { ...first, kind: 'del' };
  return undefined;
}

/**
 * The document as lines of text for `importText`, one Word paragraph a line with a blank line
 * between (as a typed draft separates its paragraphs), each line numbered by its paragraph's
 * index so that warnings and later passes can name it. Word's list numbers are written before the
 * words, as they are printed; formatting with meaning becomes notation (struck words: `[…]`).
 *
 * In `reject` and `author` readings a paragraph inserted whole is kept in brackets, as the new
 * paragraph its author proposes, and one deleted whole is kept as it was: both are the same in
 * every reading, so readings compare paragraph by paragraph. `accept` drops deleted paragraphs
 * and keeps inserted ones plainly; `reject` with `dropInserted` drops them.
 */
export function wordLines(blocks: readonly ClassifiedBlock[], view: ChangeView, formatting: WordFormatting, footnoteMarkers: ReadonlyMap<string, string>, dropInserted = false): WordLines {
  const lines: WordSourceLine[] = [];
  const references: NoteReference[] = [];
  let row: string | undefined;
  for (const c of blocks) {
    if (c.role.kind !== 'text') continue;
    const line = blockLine(c, view, formatting, footnoteMarkers, dropInserted);
    if (line === undefined) continue;
    // A table that is not a compilation is read row by row: the cells of a row on one line.
    const cell = c.block.cell;
    const rowKey = cell ? `${cell.table}:${cell.row}` : undefined;
    const last = lines[lines.length - 1];
    if (c.role.joinPrevious === true && last) {
      for (const r of line.references) references.push({ ...r, line: last.line, column: r.column + last.text.length + 1 });
      last.text += ` ${line.text.trimStart()}`;
      continue;
    }
    if (rowKey !== undefined && rowKey === row && last) {
      for (const r of line.references) references.push({ ...r, line: last.line, column: r.column + last.text.length + 3 });
      last.text += ` | ${line.text}`;
      continue;
    }
    row = rowKey;
    references.push(...line.references);
    if (lines.length > 0) lines.push({ text: '', line: c.block.index, column: 1 });
    lines.push({ text: line.text, line: c.block.index, column: 1, ...(c.heading !== undefined && cell === undefined ? { heading: c.heading } : {}) });
  }
  return { lines, references };
}

/** One Word paragraph's line in a reading: its list number, its words, its footnote references. */
function blockLine(c: ClassifiedBlock, view: ChangeView, formatting: WordFormatting, footnoteMarkers: ReadonlyMap<string, string>, dropInserted: boolean): { text: string; references: NoteReference[] } | undefined {
  const whole = wholeChange(c.block.runs);
  if (whole?.kind === 'del' && view.kind === 'accept') return undefined;
  if (whole?.kind === 'ins' && dropInserted) return undefined;
  const keep = whole !== undefined && view.kind !== 'accept' ? () => true : (run: WordRun) => included(run, view);
  const runs = c.block.runs.filter(keep);
  const references: NoteReference[] = [];
  if (c.role.kind === 'text' && c.role.line !== undefined) return { text: c.role.line, references: [] };
  let text = c.label !== undefined ? `${c.label} ` : '';
  for (const piece of withFormatting(runs, formatting)) {
    if (piece.footnote !== undefined) {
      const marker = footnoteMarkers.get(piece.footnote);
      if (marker !== undefined) references.push({ marker, line: c.block.index, column: text.length + 1 });
      continue;
    }
    text += piece.text;
  }
  text = text.trimEnd();
  if (text.trim() === '') return undefined;
  const status = highlightStatus(runs, formatting);
  if (status !== undefined && status !== 'open') text = `${text} ${statusMarker(status)}`;
  if (whole?.kind === 'ins' && view.kind !== 'accept') text = `[${text.trimStart()}]`;
  return { text, references };
}

function included(run: WordRun, view: ChangeView): boolean {
  const change = run.change;
  if (!change) return true;
  const taken = view.kind === 'accept' || (view.kind === 'author' && view.author === change.author);
  return change.kind === 'ins' || change.kind === 'moveTo' ? taken : !taken;
}

/** The runs' text with struck words, and bold or underlined ones where the conventions say so, in brackets. */
function withFormatting(runs: readonly WordRun[], formatting: WordFormatting): { text: string; footnote?: string }[] {
  const bracketed = (r: WordRun) =>
    (r.strike === true && formatting.strikethrough !== 'none') ||
    (r.bold === true && formatting.bold === 'proposed-insertion') ||
    (r.underline === true && formatting.underline === 'proposed-insertion');
  const out: { text: string; footnote?: string }[] = [];
  let open = false;
  for (const run of runs) {
    const inside: boolean = run.footnote === undefined && run.text.trim() !== '' ? bracketed(run) : open;
    if (inside !== open) {
      out.push({ text: inside ? '[' : ']' });
      open = inside;
    }
    out.push(run.footnote !== undefined ? { text: '', footnote: run.footnote } : { text: run.text });
  }
  if (open) out.push({ text: ']' });
  return out;
}

/** The status a conventions file gives the colour every word of the paragraph is highlighted in. */
function highlightStatus(runs: readonly WordRun[], formatting: WordFormatting): Status | undefined {
  const map = formatting.highlight;
  if (!map) return undefined;
  const words = runs.filter((r) => r.text.trim() !== '');
  const colour = words[0]?.highlight;
  if (colour === undefined || !words.every((r) => r.highlight === colour)) return undefined;
  return map[colour];
}
