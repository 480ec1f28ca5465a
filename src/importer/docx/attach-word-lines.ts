import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Draft, Section } from '../../model/schemas.js';
import type { LinePlace } from '../line-places.js';
import { attachExportLine, headedSections } from '../attach-export-line.js';
import { addNote, placeTarget } from './attach-word-extras.js';
import type { ClassifiedBlock } from './classify-word-blocks.js';
import type { WordNote } from './read-word-notes.js';

export interface AttachContext {
  comments: ReadonlyMap<string, WordNote>;
  places: ReadonlyMap<number, LinePlace>;
  madeByNdraft: boolean;
  delegationOf: (user: string) => string;
  file: string;
}

/**
 * Puts on the draft what Word paragraphs say about the text above them or about themselves:
 * comments on the paragraph, item or alternative they are anchored in; and in ndraft's own
 * export, positions and scopes on the alternative above, note lines on the paragraph, item or
 * alternative above (or on the section whose heading they follow, or on the draft). Returns how
 * many comments and export lines it read, and a warning for each line with nothing to stand on.
 */
export function attachWordLines(draft: Draft, classified: readonly ClassifiedBlock[], context: AttachContext): { comments: number; exportFurniture: number; warnings: Diagnostic[] } {
  const at = (index: number | undefined) => (index === undefined ? undefined : placeTarget(draft, context.places.get(index)));
  const warnings: Diagnostic[] = [];
  const warn = (c: ClassifiedBlock, code: string, message: string) => warnings.push({ code, severity: 'warning', message: `paragraph ${c.block.index} (word/document.xml): ${message}`, file: context.file });
  let comments = 0;
  let exportFurniture = 0;
  let lastText: number | undefined;
  // ndraft prints a section's notes under its heading: the sections that have a heading, in the order printed.
  const headed = context.madeByNdraft ? headedSections(draft.meta.sections).map((h) => h.section) : [];
  let headings = 0;
  let underHeading: Section | undefined;
  for (const c of classified) {
    const role = c.role;
    if (role.kind === 'text' && c.shown !== '') {
      underHeading = c.heading !== undefined && c.block.cell === undefined ? headed[headings++] : undefined;
      if (context.places.has(c.block.index)) lastText = c.block.index;
      for (const id of c.block.comments) {
        const comment = context.comments.get(id);
        if (!comment) continue;
        comments++;
        addNote(draft, at(c.block.index), { text: comment.text, kind: 'comment', ...(comment.author !== undefined ? { author: context.delegationOf(comment.author) } : {}), ...(comment.date !== undefined ? { date: comment.date } : {}) });
      }
      continue;
    }
    if (role.kind === 'text' || role.kind === 'title' || role.kind === 'table') continue;
    exportFurniture++;
    const problem = attachExportLine(draft, role, c.shown, at(lastText), underHeading);
    if (problem) warn(c, problem.code, problem.message);
  }
  return { comments, exportFurniture, warnings };
}
