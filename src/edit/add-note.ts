import { inputError } from '../diagnostics/diagnostic.js';
import { findItem } from '../model/find-wording.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Note, Paragraph } from '../model/schemas.js';
import type { Resolution } from '../resolve/accept-alternative.js';

/** The kinds of note a person adds; footnotes and page furniture come from import. */
export const ADDED_NOTE_KINDS = ['comment', 'editorial'] as const;
export type AddedNoteKind = (typeof ADDED_NOTE_KINDS)[number];

/** A note as a person writes it: its text and kind, who wrote it and when (an ISO date). */
export function makeNote(text: string, kind: AddedNoteKind, author: string, date: string): Note {
  const trimmed = text.trim();
  if (trimmed === '') throw inputError('the note is empty; give its text');
  return { text: trimmed, kind, author, date };
}

/** Adds a note to a paragraph, or to one of its items. Notes are never negotiating text, so an agreed paragraph takes one too. */
export function addNote(paragraph: Paragraph, note: Note, itemLabel?: string): Resolution {
  const next = structuredClone(paragraph);
  const kind = note.kind === 'editorial' ? 'an editorial note' : 'a comment';
  if (itemLabel !== undefined) {
    const { item, index } = findItem(paragraph, itemLabel);
    const target = next.items[index] as NonNullable<(typeof next.items)[number]>;
    target.notes = [...(target.notes ?? []), note];
    return { paragraph: next, summary: `added ${kind} to item ${item.label} of paragraph ${paragraphName(paragraph)}` };
  }
  next.notes = [...(next.notes ?? []), note];
  return { paragraph: next, summary: `added ${kind} to paragraph ${paragraphName(paragraph)}` };
}
