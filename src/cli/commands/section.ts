import { addSection, noteSection, renameSection } from '../../edit/edit-sections.js';
import { makeNote } from '../../edit/add-note.js';
import { changeDraft } from '../change-draft.js';
import type { ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';
import { noteKind, today } from './note.js';

export interface SectionAddOptions extends ChangeOptions {
  title?: string;
  after?: string;
  in?: string;
}

/** `ndraft section add 3c --title "Cybersecurity" [--after 3b | --in 3]`: a new, empty section; `add --section 3c` fills it. */
export async function sectionAddCommand(number: string, options: SectionAddOptions, io: Io): Promise<number> {
  return changeDraft(io, options, {
    command: commandLine(['section', 'add', number, options.title !== undefined && '--title', options.title, options.after !== undefined && '--after', options.after, options.in !== undefined && '--in', options.in]),
    change: (opened) => ({
      ...addSection(opened.meta, { number, ...(options.title !== undefined ? { title: options.title } : {}), ...(options.after !== undefined ? { after: options.after } : {}), ...(options.in !== undefined ? { within: options.in } : {}) }),
      paragraphs: [],
    }),
  });
}

/** `ndraft section rename 3b --title "…"`: the heading only; its paragraphs stay where they are. */
export async function sectionRenameCommand(ref: string, options: ChangeOptions & { title: string }, io: Io): Promise<number> {
  return changeDraft(io, options, {
    command: commandLine(['section', 'rename', ref, '--title', options.title]),
    change: (opened) => ({ ...renameSection(opened.meta, ref, options.title), paragraphs: [] }),
  });
}

/** `ndraft section note 3b "…" [--kind comment|editorial]`: a note on a heading, signed and dated as `note` signs one. */
export async function sectionNoteCommand(ref: string, text: string, options: ChangeOptions & { kind?: string }, io: Io): Promise<number> {
  const kind = noteKind(options.kind);
  return changeDraft(io, options, {
    command: commandLine(['section', 'note', ref, text, options.kind !== undefined && '--kind', options.kind]),
    change: async (opened, author) => ({ ...noteSection(opened.meta, ref, makeNote(text, kind, await author(), today())), paragraphs: [] }),
  });
}
