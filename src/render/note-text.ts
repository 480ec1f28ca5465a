import type { Note } from '../model/schemas.js';

/** What a note is, as printed before its text: "Footnote 3", "Comment (EU, 2026-11-30)", "Note". */
export function noteLabel(note: Note): string {
  const kind =
    note.kind === 'footnote'
      ? `Footnote${note.marker !== undefined ? ` ${note.marker}` : ''}`
      : note.kind === 'editorial'
        ? 'Editorial note'
        : note.kind === 'furniture'
          ? 'Removed on import'
          : note.kind === 'comment'
            ? 'Comment'
            : 'Note';
  const by = [note.author, note.date].filter((s) => s !== undefined).join(', ');
  return by === '' ? kind : `${kind} (${by})`;
}

/** A note on one line of plain text: its label, then its text. */
export function noteLine(note: Note): string {
  return `${noteLabel(note)}: ${note.text}`;
}
