import { paragraphName } from '../model/paragraph-name.js';
import type { DraftMeta, OutlineEntry, Paragraph, Section } from '../model/schemas.js';

/**
 * Two copies that each added a paragraph under the same printed number (both added `61bis`)
 * gave both the same address, and one file cannot hold two paragraphs. Both are kept: ours at
 * its address, theirs at the first free `<address>-2`, `-3`…, listed in the outline right after
 * ours, with a warning (the number is now printed twice, which commands then say).
 */
export function keepBoth(meta: DraftMeta, ours: Paragraph, theirs: Paragraph, taken: (address: string) => boolean): { paragraph: Paragraph; meta: DraftMeta; warning: string } {
  let n = 2;
  while (taken(`${ours.address}-${n}`)) n++;
  const address = `${ours.address}-${n}`;
  const paragraph: Paragraph = { ...theirs, address };
  const sections = structuredClone(meta.sections);
  if (!insertAfter(sections, ours.address, address)) sections.at(-1)?.paragraphs.push(address);
  return {
    paragraph,
    meta: { ...meta, sections },
    warning: `paragraph ${paragraphName(ours)}: both copies added it, differently: ours keeps address ${ours.address}, theirs is now ${address}, right after it (renumber one of them)`,
  };
}

/** Lists `address` right after `after` wherever the outline lists that (a section or an option); false where it lists it nowhere. */
export function insertAfter(sections: Section[], after: string, address: string): boolean {
  const inEntries = (entries: OutlineEntry[]): boolean => {
    const at = entries.indexOf(after);
    if (at >= 0) {
      entries.splice(at + 1, 0, address);
      return true;
    }
    return entries.some((entry) => typeof entry !== 'string' && entry.options.some((option) => inEntries(option.paragraphs)));
  };
  return sections.some((section) => inEntries(section.paragraphs) || insertAfter(section.subsections ?? [], after, address));
}
