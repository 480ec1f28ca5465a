import { sameLabelKey } from './match-label.js';
import type { BlockOption, OptionBlock, OutlineEntry, Section } from './schemas.js';

/** The addresses a list of outline entries holds, option blocks (nested ones too) included, in reading order. */
export function entryAddresses(entries: readonly OutlineEntry[]): string[] {
  const addresses: string[] = [];
  const walk = (list: readonly OutlineEntry[]) => {
    for (const entry of list) {
      if (typeof entry === 'string') addresses.push(entry);
      else for (const option of entry.options) walk(option.paragraphs);
    }
  };
  walk(entries);
  return addresses;
}

/** The paragraph addresses a section lists itself (option blocks included), not those of its subsections, in reading order. */
export function sectionAddresses(section: Section): string[] {
  return entryAddresses(section.paragraphs);
}

/** Every paragraph address of the outline, subsections included, in reading order. */
export function outlineAddresses(sections: readonly Section[]): string[] {
  const addresses: string[] = [];
  for (const section of sections) {
    addresses.push(...sectionAddresses(section));
    addresses.push(...outlineAddresses(section.subsections ?? []));
  }
  return addresses;
}

/** Every option block of the outline, nested ones after their parent, in reading order. */
export function outlineBlocks(sections: readonly Section[]): OptionBlock[] {
  const blocks: OptionBlock[] = [];
  const walk = (list: readonly OutlineEntry[]) => {
    for (const entry of list) {
      if (typeof entry === 'string') continue;
      blocks.push(entry);
      for (const option of entry.options) walk(option.paragraphs);
    }
  };
  const sectionsWalk = (list: readonly Section[]) => {
    for (const section of list) {
      walk(section.paragraphs);
      sectionsWalk(section.subsections ?? []);
    }
  };
  sectionsWalk(sections);
  return blocks;
}

/** How an option is introduced in every export: "Paragraph 3: Option 1 {Long-term goal}", and "(accepted)" once it is. */
export function optionHeading(block: OptionBlock, option: BlockOption): string {
  const title = option.title !== undefined && option.title !== '' ? ` {${option.title}}` : '';
  return `${block.block}: ${option.label}${title}${isAcceptedOption(block, option) ? ' (accepted)' : ''}`;
}

/** The option the block's `accepted` names (spelt as it was accepted, so compared as labels are). */
export function isAcceptedOption(block: OptionBlock, option: BlockOption): boolean {
  return block.accepted !== undefined && sameLabelKey(block.accepted, option.label);
}
