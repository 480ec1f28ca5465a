import { addSection, renameSection } from '../../edit/edit-sections.js';
import { changeDraft } from '../change-draft.js';
import type { ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';

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
