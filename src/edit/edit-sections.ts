import { inputError } from '../diagnostics/diagnostic.js';
import type { DraftMeta, Note, Section } from '../model/schemas.js';
import { findSectionSpot, sectionName, sectionSpelling, sectionSpots } from './find-section.js';

export interface SectionChange {
  meta: DraftMeta;
  summary: string;
}

export interface NewSection {
  number: string;
  title?: string;
  /** The section it follows, at the same level; without it (and without `within`), it goes last. */
  after?: string;
  /** The section it goes last in, as a subsection. */
  within?: string;
}

/** A copy of the outline with a new, empty section; its number must be new. */
export function addSection(meta: DraftMeta, request: NewSection): SectionChange {
  const number = request.number.trim();
  if (number === '') throw inputError('a section needs a number, e.g. 3c');
  if (request.after !== undefined && request.within !== undefined) throw inputError('give --after or --in, not both');
  const next = structuredClone(meta);
  const clash = sectionSpots(next.sections).find(({ section }) => section.number !== undefined && sectionSpelling(section.number) === sectionSpelling(number));
  if (clash) throw inputError(`${sectionName(clash.section)} exists already${clash.section.title ? ` ("${clash.section.title}")` : ''}; choose a new number`);
  const title = request.title?.trim();
  const section: Section = { number, ...(title ? { title } : {}), paragraphs: [] };
  let where = 'at the end of the outline';
  if (request.after !== undefined) {
    const spot = findSectionSpot(next.sections, request.after);
    spot.siblings.splice(spot.index + 1, 0, section);
    where = `after ${sectionName(spot.section)}`;
  } else if (request.within !== undefined) {
    const parent = findSectionSpot(next.sections, request.within).section;
    parent.subsections = [...(parent.subsections ?? []), section];
    where = `as the last subsection of ${sectionName(parent)}`;
  } else next.sections.push(section);
  return { meta: next, summary: `added ${sectionName(section)}${title ? ` "${title}"` : ''} ${where}` };
}

/** A copy of the outline with a section's title changed (an empty title removes it). */
export function renameSection(meta: DraftMeta, ref: string, title: string): SectionChange {
  const next = structuredClone(meta);
  const { section } = findSectionSpot(next.sections, ref);
  const old = section.title;
  const wanted = title.trim();
  if ((old ?? '') === wanted) throw inputError(`${sectionName(section)} is titled "${wanted}" already`);
  if (wanted === '') delete section.title;
  else section.title = wanted;
  return { meta: next, summary: `retitled ${sectionName(section)}: "${old ?? ''}" → "${wanted}"` };
}

/** A copy of the outline with a note on a section (a heading is not negotiated, but may be commented on). */
export function noteSection(meta: DraftMeta, ref: string, note: Note): SectionChange {
  const next = structuredClone(meta);
  const { section } = findSectionSpot(next.sections, ref);
  section.notes = [...(section.notes ?? []), note];
  return { meta: next, summary: `added ${note.kind === 'editorial' ? 'an editorial note' : 'a comment'} to ${sectionName(section)}` };
}
