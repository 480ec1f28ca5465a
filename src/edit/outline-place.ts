import { inputError } from '../diagnostics/diagnostic.js';
import type { DraftMeta, OptionBlock, OutlineEntry, Section } from '../model/schemas.js';
import { findSection, sectionName } from './find-section.js';

/** Where a paragraph goes: after or before another one, or first or last in a section. */
export type OutlinePlace = { after: string } | { before: string } | { section: string; first?: boolean };

/** The list of outline entries an address stands in, with its section and the option block around it, if any. */
export interface AddressSpot {
  list: OutlineEntry[];
  index: number;
  section: Section;
  /** The innermost option block holding the list; undefined for a section's own list. */
  block?: OptionBlock;
}

/** Where `address` stands in the outline (nested sections and option blocks searched too). */
export function locateAddress(sections: readonly Section[], address: string): AddressSpot | undefined {
  const inList = (list: OutlineEntry[], section: Section, block: OptionBlock | undefined): AddressSpot | undefined => {
    for (const [index, entry] of list.entries()) {
      if (entry === address) return { list, index, section, ...(block ? { block } : {}) };
      if (typeof entry === 'string') continue;
      for (const option of entry.options) {
        const found = inList(option.paragraphs, section, entry);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const section of sections) {
    const found = inList(section.paragraphs, section, undefined) ?? locateAddress(section.subsections ?? [], address);
    if (found) return found;
  }
  return undefined;
}

/**
 * A copy of the outline with `address` put at `place`. Next to a paragraph inside an option of a
 * block, it joins that option; `--section` puts it in the section's own list, never in a block.
 */
export function insertAddress(meta: DraftMeta, address: string, place: OutlinePlace): DraftMeta {
  const next = structuredClone(meta);
  const spot = targetSpot(next.sections, place);
  spot.list.splice(spot.index, 0, address);
  return next;
}

/** A copy of the outline without `address`. */
export function removeAddress(meta: DraftMeta, address: string): DraftMeta {
  const next = structuredClone(meta);
  const spot = locateAddress(next.sections, address);
  if (!spot) throw inputError(`paragraph ${address} is not in the outline`);
  spot.list.splice(spot.index, 1);
  return next;
}

/**
 * A copy of the outline with `address` moved to `place`. Moving into, out of or between option
 * blocks is refused: which option a paragraph stands in is a choice still to be negotiated, and
 * a block that loses its last paragraph would have nothing left to choose.
 */
export function moveAddress(meta: DraftMeta, address: string, place: OutlinePlace): DraftMeta {
  const anchor = 'after' in place ? place.after : 'before' in place ? place.before : undefined;
  if (anchor === address) throw inputError(`paragraph ${address} cannot be moved next to itself`);
  const from = locateAddress(meta.sections, address);
  if (!from) throw inputError(`paragraph ${address} is not in the outline`);
  const to = targetSpot(meta.sections, place);
  if ((from.block !== undefined || to.block !== undefined) && from.list !== to.list) {
    const block = from.block ?? to.block;
    throw inputError(
      `paragraph ${address} would move ${from.block ? 'out of' : 'into'} option block "${block?.block}"; ndraft moves paragraphs within an option or between sections only (edit draft.yaml for this one)`,
    );
  }
  const next = removeAddress(meta, address);
  const spot = targetSpot(next.sections, place);
  spot.list.splice(spot.index, 0, address);
  return next;
}

/** The list and index a new entry goes to for `place`. */
function targetSpot(sections: Section[], place: OutlinePlace): AddressSpot {
  if ('section' in place) {
    const section = findSection(sections, place.section);
    return { list: section.paragraphs, index: place.first === true ? 0 : section.paragraphs.length, section };
  }
  const anchor = 'after' in place ? place.after : place.before;
  const spot = locateAddress(sections, anchor);
  if (!spot) throw inputError(`paragraph ${anchor} is not in the outline`);
  return { ...spot, index: spot.index + ('after' in place ? 1 : 0) };
}

/** How messages say where a paragraph now stands: `after 61 in section 3b`, `first in section 4`. */
export function describeSpot(sections: readonly Section[], address: string): string {
  const spot = locateAddress(sections, address);
  if (!spot) return 'nowhere in the outline';
  const previous = spot.list[spot.index - 1];
  const where = `in ${sectionName(spot.section)}${spot.block ? ` (option block "${spot.block.block}")` : ''}`;
  if (previous === undefined) return `first ${where}`;
  return typeof previous === 'string' ? `after ${previous} ${where}` : `after option block "${previous.block}" ${where}`;
}
