import { inputError } from '../diagnostics/diagnostic.js';
import type { Section } from '../model/schemas.js';

/** A section where it stands: the list holding it (the outline's, or its parent's subsections) and its index there. */
export interface SectionSpot {
  section: Section;
  siblings: Section[];
  index: number;
}

/** Every section of the outline, subsections after their parent, in reading order. */
export function sectionSpots(sections: Section[]): SectionSpot[] {
  const spots: SectionSpot[] = [];
  sections.forEach((section, index) => {
    spots.push({ section, siblings: sections, index });
    if (section.subsections) spots.push(...sectionSpots(section.subsections));
  });
  return spots;
}

/** `3a`, `3a)`, `3A` and `III.` all name the section so numbered or labelled. */
export function sectionSpelling(name: string): string {
  return name.toLowerCase().replace(/\s+/gu, '').replace(/[.)]+$/u, '');
}

/** The section a user named by its number or label; an unknown or ambiguous name is an error listing the sections. */
export function findSectionSpot(sections: Section[], ref: string): SectionSpot {
  const spots = sectionSpots(sections);
  const wanted = sectionSpelling(ref);
  const named = spots.filter(({ section }) => [section.number, section.label].some((n) => n !== undefined && sectionSpelling(n) === wanted));
  if (named.length === 1) return named[0] as SectionSpot;
  const numbers = spots.map(({ section }) => section.number).filter((n): n is string => n !== undefined);
  if (named.length > 1) throw inputError(`${named.length} sections are numbered ${ref}; ndraft cannot tell which one you mean`);
  throw inputError(numbers.length === 0 ? `no section ${ref}: the draft's sections have no numbers` : `no section ${ref} in this draft; its sections are ${numbers.join(', ')}`);
}

export function findSection(sections: Section[], ref: string): Section {
  return findSectionSpot(sections, ref).section;
}

/** How messages name a section: `section 3b`, else its title, else its place. */
export function sectionName(section: Section): string {
  if (section.number !== undefined) return `section ${section.number}`;
  if (section.title !== undefined && section.title !== '') return `section "${section.title}"`;
  return 'the unnumbered section';
}
