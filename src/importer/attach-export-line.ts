import type { Draft, Section } from '../model/schemas.js';
import { sectionHeadingText } from '../render/document-parts.js';
import { addNote, addPositions, addScope, type PlaceTarget } from './docx/attach-word-extras.js';
import type { ExportLineRole } from './export-furniture.js';

/**
 * Puts a line of ndraft's own export back on the draft, as the Word and the PDF import read it:
 * positions and a scope on the alternative above (`above`, what the text above became), a note
 * on the section whose heading it follows when it is the text's own, else on the text above, or
 * on the draft. Returns a warning's code and message for a line with nothing to stand on.
 */
export function attachExportLine(draft: Draft, role: ExportLineRole, shown: string, above: PlaceTarget | undefined, underHeading: Section | undefined): { code: string; message: string } | undefined {
  if (role.kind === 'note') {
    if (role.own && underHeading) underHeading.notes = [...(underHeading.notes ?? []), role.note];
    else addNote(draft, role.own ? above : undefined, role.note);
  } else if (role.kind === 'scope') {
    if (!addScope(above, role.scope)) return { code: 'SCOPE_WITHOUT_ALTERNATIVE', message: `"${shown}" stands under no alternative; left out` };
  } else if (role.kind === 'positions') {
    if (!addPositions(above, role)) {
      addNote(draft, undefined, { text: shown, kind: 'editorial' });
      return { code: 'POSITIONS_WITHOUT_ALTERNATIVE', message: `the positions "${shown}" stand under no alternative; kept as a note of the draft` };
    }
  }
  return undefined;
}

/** The sections that print a heading, with it, in the order printed: those a note line under a heading belongs to. */
export function headedSections(sections: readonly Section[], depth = 0): { section: Section; heading: string }[] {
  return sections.flatMap((section) => {
    const heading = sectionHeadingText(section, depth);
    return [...(heading !== '' ? [{ section, heading }] : []), ...headedSections(section.subsections ?? [], depth + 1)];
  });
}
