import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The model the cleaning passes share: the text of a document as lines that remember where they
 * came from, so that every later warning can point at the original file. The passes
 * (split → furniture → footnotes → hyphenation → layout spaces, or the Markdown ones) each take
 * lines and return lines plus what they removed; none of them prints or throws.
 */

/** One line of running text. `line`/`column` (1-based) are where `text[0]` stood in the original file. */
export interface SourceLine {
  text: string;
  line: number;
  column: number;
  /** Set by the Word reader on a paragraph in a heading style (its level): read as a heading whatever its words. */
  heading?: number;
}

/** Page furniture taken out of the running text: kept so the summary and the draft can list it. */
export interface RemovedFurniture {
  line: number;
  text: string;
  kind: 'page-header' | 'page-footer' | 'page-number' | 'form-feed' | 'redaction';
}

/** A footnote moved out of the running text. */
export interface ExtractedNote {
  marker: string;
  text: string;
  line: number;
  kind: 'footnote';
}

/** Where a footnote reference was removed from the running text. */
export interface NoteReference {
  marker: string;
  line: number;
  column: number;
}

export interface PreparedSource {
  lines: SourceLine[];
  furniture: RemovedFurniture[];
  notes: ExtractedNote[];
  references: NoteReference[];
  warnings: Diagnostic[];
  format: 'text' | 'markdown';
}

/** The text of a line without `count` characters at its start, its column moved on to match. */
export function dropStart(line: SourceLine, count: number): SourceLine {
  return { text: line.text.slice(count), line: line.line, column: line.column + count };
}
