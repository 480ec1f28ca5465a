import { inputError } from '../diagnostics/diagnostic.js';
import { blockPlaces, blocksHolding, findOption, type BlockPlace } from './option-blocks.js';
import type { BlockOption, Paragraph, Section } from './schemas.js';

/** A block as a user named it, and, when named through a paragraph, that paragraph and its option. */
export interface NamedBlock {
  place: BlockPlace;
  /** The blocks holding the named paragraph, innermost first (empty when named by the block's number). */
  holding: { place: BlockPlace; option: BlockOption }[];
  paragraph?: Paragraph;
}

const spelling = (n: string) => n.toLowerCase().replace(/\s+/gu, '').replace(/\.$/u, '');

/**
 * The blocks printed with this number (`3` for `3. Option 1: …`). Several in one draft (restarted
 * numbering) is an error asking for the address of a paragraph inside the one meant.
 */
export function blockNumbered(sections: readonly Section[], ref: string): BlockPlace | undefined {
  const numbered = blockPlaces(sections).filter((p) => p.block.number !== undefined && spelling(p.block.number) === spelling(ref));
  if (numbered.length <= 1) return numbered[0];
  throw inputError(`${numbered.length} option blocks are numbered ${ref}; name one by the address of a paragraph inside it`);
}

/**
 * The block a user named: by its printed number, else by a paragraph inside it (`paragraph`,
 * found by the caller), whose innermost block is meant; `label`, when given, picks the nearest
 * block around the paragraph that has an option so labelled (`Option 1` of the outer block
 * while the paragraph sits in its `Option (a)`). Undefined when the name is neither.
 */
export function namedBlock(sections: readonly Section[], ref: string, paragraph: Paragraph | undefined, label?: string): NamedBlock | undefined {
  const numbered = paragraph?.address === ref ? undefined : blockNumbered(sections, ref);
  if (numbered) return { place: numbered, holding: [] };
  if (!paragraph) return undefined;
  const holding = blocksHolding(sections, paragraph.address);
  const innermost = holding[0];
  if (!innermost) return undefined;
  const labelled = label === undefined ? undefined : holding.find((h) => findOption(h.place.block, label) !== undefined);
  return { place: (labelled ?? innermost).place, holding, paragraph };
}
