import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Draft, Section } from '../../model/schemas.js';
import { sectionMarker } from '../../render/section-heading.js';
import type { LinePlace } from '../line-places.js';
import { addNote, addPositions, addScope, placeTarget } from './attach-word-extras.js';
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
  const headed = context.madeByNdraft ? headedSections(draft.meta.sections) : [];
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
    if (role.kind === 'note') {
      if (role.own && underHeading) underHeading.notes = [...(underHeading.notes ?? []), role.note];
      else addNote(draft, role.own ? at(lastText) : undefined, role.note);
    } else if (role.kind === 'scope') {
      if (!addScope(at(lastText), role.scope)) warn(c, 'SCOPE_WITHOUT_ALTERNATIVE', `"${c.shown}" stands under no alternative; left out`);
    } else if (role.kind === 'positions') {
      if (!addPositions(at(lastText), role)) {
        warn(c, 'POSITIONS_WITHOUT_ALTERNATIVE', `the positions "${c.shown}" stand under no alternative; kept as a note of the draft`);
        addNote(draft, undefined, { text: c.shown, kind: 'editorial' });
      }
    }
  }
  return { comments, exportFurniture, warnings };
}

function headedSections(sections: readonly Section[], depth = 0): Section[] {
  return sections.flatMap((s) => [...(sectionMarker(s, depth) !== '' || (s.title ?? '').trim() !== '' ? [s] : []), ...headedSections(s.subsections ?? [], depth + 1)]);
}
