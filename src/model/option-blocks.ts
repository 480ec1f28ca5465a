import { findLabelled, matchLabel, sameLabelKey } from './match-label.js';
import { entryAddresses } from './outline.js';
import type { BlockOption, OptionBlock, OutlineEntry, Section } from './schemas.js';

/** An option block where it stands: its position among the outline's blocks and the blocks around it. */
export interface BlockPlace {
  block: OptionBlock;
  /** Its position in `outlineBlocks` order (reading order, a nested block after its parent): the same in a copy of the outline. */
  index: number;
  /** The blocks it stands in, outermost first, each with the option holding it. */
  within: { block: OptionBlock; option: BlockOption }[];
}

/** Every option block of the outline with its place, in the order of `outlineBlocks`. */
export function blockPlaces(sections: readonly Section[]): BlockPlace[] {
  const places: BlockPlace[] = [];
  const walk = (list: readonly OutlineEntry[], within: BlockPlace['within']) => {
    for (const entry of list) {
      if (typeof entry === 'string') continue;
      places.push({ block: entry, index: places.length, within });
      for (const option of entry.options) walk(option.paragraphs, [...within, { block: entry, option }]);
    }
  };
  const walkSections = (list: readonly Section[]) => {
    for (const section of list) {
      walk(section.paragraphs, []);
      walkSections(section.subsections ?? []);
    }
  };
  walkSections(sections);
  return places;
}

/** The blocks holding a paragraph, innermost first, each with the option it is in. */
export function blocksHolding(sections: readonly Section[], address: string): { place: BlockPlace; option: BlockOption }[] {
  const found: { place: BlockPlace; option: BlockOption }[] = [];
  for (const place of blockPlaces(sections)) {
    const option = place.block.options.find((o) => entryAddresses(o.paragraphs).includes(address));
    if (option) found.push({ place, option });
  }
  // Places come outer before inner, so the innermost holding block is the last found.
  return found.reverse();
}

/** The option of a block a label names (`Option 2`, `option2`, `2`; see `match-label.ts`); undefined when it names none or several. */
export function findOption(block: OptionBlock, label: string): BlockOption | undefined {
  const found = matchLabel(optionLabels(block), label);
  return found.length === 1 ? found[0]?.value : undefined;
}

/** The option of a block a label names; an error lists the options, or those it could mean. */
export function findBlockOption(block: OptionBlock, label: string): BlockOption {
  return findLabelled(optionLabels(block), label, { owner: `block ${blockName(block)}`, thing: 'option', things: 'options' });
}

function optionLabels(block: OptionBlock): { label: string; value: BlockOption }[] {
  return block.options.map((option) => ({ label: option.label, value: option }));
}

/**
 * The options of a block that still hold something: once one is accepted, that one alone; else
 * those with a paragraph still live (`isLive`), or words of their own ("No text").
 */
export function liveOptions(block: OptionBlock, isLive: (address: string) => boolean): BlockOption[] {
  if (block.accepted !== undefined) return block.options.filter((o) => sameLabelKey(o.label, block.accepted as string));
  return block.options.filter((option) => (option.text ?? '').trim() !== '' || entryAddresses(option.paragraphs).some(isLive));
}

/** How messages name a block: `"Paragraph 3" (3)`, or its name alone when it has no number. */
export function blockName(block: OptionBlock): string {
  return block.number !== undefined && !block.block.includes(block.number) ? `"${block.block}" (${block.number})` : `"${block.block}"`;
}

/**
 * The open option blocks among a list of outline entries, nested ones included, but only those
 * in options still live: a block inside an option that was dropped is settled with it.
 */
export function openBlocks(entries: readonly OutlineEntry[], isLive: (address: string) => boolean): OptionBlock[] {
  const open: OptionBlock[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') continue;
    const live = liveOptions(entry, isLive);
    if (live.length > 1) open.push(entry);
    for (const option of live) open.push(...openBlocks(option.paragraphs, isLive));
  }
  return open;
}
