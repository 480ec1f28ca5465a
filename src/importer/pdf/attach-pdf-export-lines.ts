import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Section } from '../../model/schemas.js';
import { attachExportLine, headedSections } from '../attach-export-line.js';
import { placeTarget } from '../docx/attach-word-extras.js';
import type { ImportResult } from '../import-text.js';
import type { PdfExportLines } from './read-export-lines.js';

/**
 * Puts the positions, scopes and note lines of ndraft's PDF back on the draft the text pipeline
 * made, as the Word import does (`attachExportLine`): each on what the line of text above it
 * became. A note line under a section's heading is the section's, one set in under a paragraph or
 * alternative is that text's (`own`), and one at the margin elsewhere (at the end) is the draft's.
 * Returns a warning, on the line, for each with nothing to stand on.
 */
export function attachPdfExportLines(result: ImportResult, own: PdfExportLines): Diagnostic[] {
  const asides = own.exportLines.filter((l) => l.role.kind !== 'furniture');
  if (asides.length === 0) return [];
  const { draft } = result;
  const places = result.places ?? new Map();
  const headed = headedSections(draft.meta.sections);
  let headings = 0;
  const texts = own.lines.filter((l) => l.text.trim() !== '');
  const warnings: Diagnostic[] = [];
  let next = 0;
  let lastText: number | undefined;
  let underHeading: Section | undefined;
  for (const aside of asides) {
    // The lines of text above this one, in reading order.
    while (next < texts.length && (texts[next]?.line as number) < aside.line) {
      const line = texts[next++] as (typeof texts)[number];
      const heading = headed[headings];
      underHeading = undefined;
      if (heading !== undefined && line.text.trim() === heading.heading) {
        underHeading = heading.section;
        headings++;
        lastText = undefined;
      } else lastText = places.has(line.line) ? line.line : undefined;
    }
    const role = aside.role.kind === 'note' ? { ...aside.role, own: aside.role.own || underHeading !== undefined } : aside.role;
    const problem = attachExportLine(draft, role, aside.text, lastText === undefined ? undefined : placeTarget(draft, places.get(lastText)), underHeading);
    if (problem) warnings.push({ code: problem.code, severity: 'warning', message: problem.message, line: aside.line, sourceLine: aside.text });
  }
  return warnings;
}
