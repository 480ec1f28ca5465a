import type { DraftMeta, Section } from '../model/schemas.js';
import { sectionAddresses } from '../model/outline.js';
import { sectionMarker } from '../render/section-heading.js';

export interface OutlinePlace {
  /** Position in reading order. */
  index: number;
  section: string;
  sectionNumber?: string;
  /** The numbers of the sections it is in, outermost first, for `--section`. */
  sectionNumbers: string[];
}

/** Places already worked out, by outline: a compare asks twice for each side's (prepare, then compare). */
const known = new WeakMap<DraftMeta, ReadonlyMap<string, OutlinePlace>>();

/** Each address's place in the outline: its position in reading order and its section. */
export function outlinePlaces(meta: DraftMeta): ReadonlyMap<string, OutlinePlace> {
  const cached = known.get(meta);
  if (cached) return cached;
  const places = new Map<string, OutlinePlace>();
  const walk = (sections: readonly Section[], depth: number, numbers: string[]) => {
    sections.forEach((section, at) => {
      // A section without a heading holds what stands before the first one (a preamble's clauses), or follows a heading-less break.
      const name = [sectionMarker(section, depth), section.title].filter((s) => s !== undefined && s !== '').join(' ') || (depth === 0 && at === 0 ? '(before any heading)' : '(untitled section)');
      const inside = section.number === undefined ? numbers : [...numbers, section.number];
      for (const address of sectionAddresses(section)) {
        places.set(address, { index: places.size, section: name, ...(section.number !== undefined ? { sectionNumber: section.number } : {}), sectionNumbers: inside });
      }
      walk(section.subsections ?? [], depth + 1, inside);
    });
  };
  walk(meta.sections, 0, []);
  known.set(meta, places);
  return places;
}
