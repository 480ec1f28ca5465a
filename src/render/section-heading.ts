import type { Section } from '../model/schemas.js';

/** The heading marker: as written when the draft kept it, else `1.` for sections and `3a)` for subsections. */
export function sectionMarker(section: Section, depth: number): string {
  if (section.label !== undefined) return section.label;
  if (section.number === undefined) return '';
  return depth === 0 ? `${section.number}.` : `${section.number})`;
}
