import { usageError } from '../../diagnostics/diagnostic.js';
import { ADDED_NOTE_KINDS, addNote, makeNote, type AddedNoteKind } from '../../edit/add-note.js';
import { changeParagraph, type ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

export interface NoteOptions extends ChangeOptions {
  item?: string;
  kind?: string;
}

/** `ndraft note 61 "Chair to consult" [--item f] [--kind comment|editorial]`: signed with the change's author and today's date. */
export async function noteCommand(ref: string, text: string, options: NoteOptions, io: Io): Promise<number> {
  const kind = noteKind(options.kind);
  return changeParagraph(io, options, {
    paragraph: ref,
    command: commandLine(['note', ref, text, options.item !== undefined && '--item', options.item, options.kind !== undefined && '--kind', options.kind]),
    // Notes are not negotiating text: an agreed paragraph takes one too.
    allowAgreed: true,
    change: async (p, _dir, author) => addNote(p, makeNote(text, kind, await author(), today()), options.item),
  });
}

export function noteKind(kind: string | undefined): AddedNoteKind {
  if (kind === undefined) return 'comment';
  const known = ADDED_NOTE_KINDS.find((k) => k === kind.trim().toLowerCase());
  if (known === undefined) throw usageError(`--kind must be one of ${ADDED_NOTE_KINDS.join(', ')} (got "${kind}")`);
  return known;
}

/** Today's date in UTC, as history times are. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
