import { ListLabels } from './markdown-list-labels.js';
import type { ExtractedNote, NoteReference, SourceLine } from './source-lines.js';

export interface NormalizedMarkdown {
  lines: SourceLine[];
  notes: ExtractedNote[];
  references: NoteReference[];
}

/**
 * Markdown to the plain conventions the importer reads:
 * - `## Article 2 *(title)*` → `Article 2 (title)`: heading marks and emphasis go, words stay;
 * - `**Option 1:**`, `**Option 2**:` → `Option 1:`, `Option 2:`;
 * - backslash escapes are undone: `\[` and `\]` ARE negotiation brackets, `\(a\)` is `(a)`;
 * - `[^3]` references are cut out and listed, `[^3]: text` definitions become notes;
 * - list items get the legal labels rebuilt from their depth (see `ListLabels`), at column 1.
 * Links, tables, block quotes and HTML are left as written.
 */
export function normalizeMarkdown(input: readonly SourceLine[]): NormalizedMarkdown {
  const lines: SourceLine[] = [];
  const notes: ExtractedNote[] = [];
  const references: NoteReference[] = [];
  const labels = new ListLabels();
  let note: ExtractedNote | undefined;
  // A list item's text may go on, unindented, on the lines right after it (a "lazy" continuation,
  // as wrapped text pasted from a PDF does): those lines do not end the list.
  let inItem = false;
  for (const line of input) {
    const definition = /^ {0,3}\[\^([^\]\s]+)\]:\s*(.*)$/.exec(line.text);
    if (definition) {
      note = { marker: definition[1] as string, text: unescape(definition[2] as string).trim(), line: line.line, kind: 'footnote' };
      notes.push(note);
      continue;
    }
    if (note && /^ {2,}\S/.test(line.text)) {
      note.text = `${note.text} ${unescape(line.text).trim()}`.trim();
      continue;
    }
    if (line.text.trim() !== '') note = undefined;

    const text = cutReferences(line, references);
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text);
    const item = /^( *)(\d{1,9}[.)]|[-*+])( +)(.*)$/.exec(text);
    if (heading) {
      labels.reset();
      inItem = false;
      lines.push({ text: inline(heading[1] as string), line: line.line, column: line.column + text.indexOf(heading[1] as string) });
    } else if (item) {
      const indent = (item[1] as string).length;
      const label = labels.label(indent, item[2] as string);
      lines.push({ text: `${label} ${inline(item[4] as string)}`, line: line.line, column: line.column + indent });
      inItem = true;
    } else {
      if (text.trim() === '') inItem = false;
      else if (/^\S/.test(text) && !inItem) labels.reset();
      const lead = /^\s*/.exec(text)?.[0].length ?? 0;
      lines.push({ text: inline(text.slice(lead)), line: line.line, column: line.column + lead });
    }
  }
  return { lines, notes, references };
}

/** `[^3]` references are removed; the positions recorded are those of the original line. */
function cutReferences(line: SourceLine, references: NoteReference[]): string {
  return line.text.replace(/(?<!\\)\[\^([^\]\s]+)\]/g, (_all, marker: string, at: number) => {
    references.push({ marker, line: line.line, column: line.column + at });
    return '';
  });
}

/** Emphasis and code marks go; escaped characters are kept aside first so `\*` is never emphasis. */
function inline(text: string): string {
  const kept: string[] = [];
  const hidden = text.replace(/\\([!-/:-@[-`{-~])/g, (_all, ch: string) => `\u0000${kept.push(ch) - 1}\u0000`);
  const plain = hidden
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/(?<![\p{L}\p{N}_])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(?: {2,}|\\)$/, '');
  return plain.replace(/\u0000(\d+)\u0000/g, (_all, k: string) => kept[Number(k)] as string);
}

function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
