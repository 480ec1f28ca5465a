import type { NoteReference, SourceLine } from '../source-lines.js';

/**
 * The lines of each paragraph (runs of lines between blank ones) joined into one line, as a typed
 * draft has them. The PDF's layout has already said where paragraphs end; joined, a heading that
 * wrapped onto two lines still reads as a heading, and an unnumbered paragraph as one. A joined
 * line keeps the number of its first line; the footnote references on later lines move with
 * their text, so each still finds its paragraph.
 */
export function joinParagraphLines(input: readonly SourceLine[], references: readonly NoteReference[]): { lines: SourceLine[]; references: NoteReference[] } {
  const lines: SourceLine[] = [];
  const moved = new Map<number, { line: number; shift: number }>();
  let open: SourceLine | undefined;
  for (const line of input) {
    if (line.text.trim() === '') {
      open = undefined;
      lines.push(line);
      continue;
    }
    if (open === undefined) {
      open = { ...line };
      lines.push(open);
      continue;
    }
    const gap = open.text === '' || open.text.endsWith(' ') ? '' : ' ';
    moved.set(line.line, { line: open.line, shift: open.text.length + gap.length - (line.column - 1) });
    open.text += gap + line.text;
  }
  return {
    lines,
    references: references.map((r) => {
      const to = moved.get(r.line);
      return to ? { ...r, line: to.line, column: r.column + to.shift } : r;
    }),
  };
}
