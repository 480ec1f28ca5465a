import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findNoteReferences, removeReferenceSpans } from './find-note-references.js';
import type { ExtractedNote, NoteReference, RemovedFurniture, SourceLine } from './source-lines.js';

export interface WithoutFootnotes {
  lines: SourceLine[];
  notes: ExtractedNote[];
  references: NoteReference[];
  warnings: Diagnostic[];
}

/**
 * Moves footnotes out of the running text. Two shapes are read:
 * - after a rule line (`___`, `-----`): the notes that follow it (`1 `, `[1]`, `*`), when at
 *   least one numbered note is referenced above the rule;
 * - at the bottom of a page that ends in a page break, as pdftotext -layout leaves them: a block
 *   of `NN   text` lines (or `NN` alone with its text indented below), numbered consecutively,
 *   the last lines of the page, at least one of whose numbers is referenced in the page's text.
 * Pages are told by the form feeds and page numbers that `removePageFurniture` listed; without
 * them the whole text is one page. References to the notes found are then cut out of that page's
 * text (see `findNoteReferences`); digits with no footnote behind them are left as written.
 */
export function extractFootnotes(input: readonly SourceLine[], furniture: readonly RemovedFurniture[] = []): WithoutFootnotes {
  const pages = splitByPage(input, furniture);
  const lines: SourceLine[] = [];
  const notes: ExtractedNote[] = [];
  const references: NoteReference[] = [];
  const warnings: Diagnostic[] = [];
  pages.forEach((page, k) => {
    const endsInBreak = k < pages.length - 1;
    const found = notesAfterRule(page) ?? (endsInBreak ? notesAtFoot(page) : undefined);
    if (!found) {
      lines.push(...page);
      return;
    }
    const body = page.slice(0, found.start);
    const spans = findNoteReferences(body, found.notes.filter((n) => /^\d+$/.test(n.marker)).map((n) => n.marker));
    const cut = removeReferenceSpans(body, spans);
    lines.push(...cut.lines, ...page.slice(found.end));
    notes.push(...found.notes);
    references.push(...cut.references);
    for (const note of found.notes) {
      if (/^\d+$/.test(note.marker) && !spans.some((s) => s.marker === note.marker)) {
        warnings.push({ code: 'FOOTNOTE_UNREFERENCED', severity: 'warning', message: `footnote ${note.marker} was moved to the notes, but no reference to it was found in the text of its page`, line: note.line });
      }
    }
  });
  return { lines, notes, references, warnings };
}

function splitByPage(lines: readonly SourceLine[], furniture: readonly RemovedFurniture[]): SourceLine[][] {
  const breaks = [...new Set(furniture.filter((f) => f.kind === 'form-feed' || f.kind === 'page-number').map((f) => f.line))].sort((a, b) => a - b);
  const pages: SourceLine[][] = [[]];
  let next = 0;
  for (const line of lines) {
    while (next < breaks.length && (breaks[next] as number) <= line.line) {
      pages.push([]);
      next++;
    }
    (pages[pages.length - 1] as SourceLine[]).push(line);
  }
  // Page breaks after the last line still end that page.
  if (next < breaks.length) pages.push([]);
  return pages;
}

interface FoundNotes {
  start: number;
  end: number;
  notes: ExtractedNote[];
}

const RULE = /^\s*(?:_{3,}|-{5,}|\u2014{3,}|\u2500{3,})\s*$/;
/** `1 text`, `1) text`, `[1] text`, `* text`; never `1. text`, which is a paragraph. */
const RULE_NOTE = /^\s*(?:\[(\d{1,3})\]|(\d{1,3})\)?|([*\u2020\u2021]+))\s+(\S.*)$/;

/**
 * Notes after a rule run while lines are notes or their continuations; a blank line followed by
 * something that is not a note ends them, and what follows stays text. Numbered notes count only
 * when at least one of them is referenced above the rule.
 */
function notesAfterRule(page: readonly SourceLine[]): FoundNotes | undefined {
  const rule = page.findIndex((l) => RULE.test(l.text));
  if (rule < 0) return undefined;
  const notes: ExtractedNote[] = [];
  let end = rule + 1;
  for (let i = rule + 1; i < page.length; i++) {
    const line = page[i] as SourceLine;
    const m = RULE_NOTE.exec(line.text);
    if (m) notes.push({ marker: m[1] ?? m[2] ?? m[3] ?? '', text: (m[4] as string).trim(), line: line.line, kind: 'footnote' });
    else if (line.text.trim() === '') continue;
    else if (notes.length > 0 && page[i - 1]?.text.trim() !== '') appendTo(notes[notes.length - 1] as ExtractedNote, line.text);
    else break;
    end = i + 1;
  }
  if (notes.length === 0) return undefined;
  const numbered = notes.filter((n) => /^\d+$/.test(n.marker)).map((n) => n.marker);
  if (numbered.length === notes.length && findNoteReferences(page.slice(0, rule), numbered).length === 0) return undefined;
  return { start: rule + 1, end, notes };
}

/** `12   Negotiators' Note: …`, or `12` alone with the note indented on the lines below. */
const FOOT_MARKER = /^ {0,2}(\d{1,3})(?:\s{2,}(\S.*))?$/;

function notesAtFoot(page: readonly SourceLine[]): FoundNotes | undefined {
  let end = page.length;
  while (end > 0 && (page[end - 1] as SourceLine).text.trim() === '') end--;
  let runStart = end;
  while (runStart > 0 && (page[runStart - 1] as SourceLine).text.trim() !== '') runStart--;
  for (let start = Math.max(runStart, end - 60); start < end; start++) {
    const notes = parseFootBlock(page.slice(start, end));
    if (notes && findNoteReferences(page.slice(0, start), notes.map((n) => n.marker)).length > 0) return { start, end, notes };
  }
  return undefined;
}

function parseFootBlock(block: readonly SourceLine[]): ExtractedNote[] | undefined {
  const notes: ExtractedNote[] = [];
  for (const line of block) {
    const m = FOOT_MARKER.exec(line.text);
    const last = notes[notes.length - 1];
    if (m && (last === undefined || Number(m[1]) === Number(last.marker) + 1)) {
      notes.push({ marker: m[1] as string, text: (m[2] ?? '').trim(), line: line.line, kind: 'footnote' });
    } else if (last !== undefined && /^\s{2,}\S/.test(line.text)) {
      appendTo(last, line.text);
    } else return undefined;
  }
  return notes.every((n) => n.text !== '') ? notes : undefined;
}

/** A note's lines are joined with a space, or with nothing after a word broken at a hyphen (`non-` `derogation`). */
function appendTo(note: ExtractedNote, text: string): void {
  const more = text.trim();
  note.text = note.text === '' ? more : /\p{L}-$/u.test(note.text) && /^\p{Ll}/u.test(more) ? note.text + more : `${note.text} ${more}`;
}
