import { namedBlock, type NamedBlock } from '../model/find-block.js';
import { allAlternatives, sameLabel } from '../model/find-wording.js';
import { findOption } from '../model/option-blocks.js';
import type { Paragraph } from '../model/schemas.js';
import type { OpenedDraft } from './open-draft.js';

/**
 * The block a user named (its printed number, or a paragraph inside it), and the paragraph when
 * the name is one's; undefined when the name is no block's. A name that is neither a block's nor
 * a paragraph's is the paragraph lookup's error, which names the nearest paragraphs.
 */
export function nameBlock(opened: OpenedDraft, ref: string, label?: string): { named?: NamedBlock; paragraph?: Paragraph } {
  let paragraph: Paragraph | undefined;
  let failure: unknown;
  try {
    paragraph = opened.paragraph(ref);
  } catch (error) {
    failure = error;
  }
  const named = namedBlock(opened.meta.sections, ref, paragraph, label);
  if (!named && !paragraph) throw failure;
  return { ...(named ? { named } : {}), ...(paragraph ? { paragraph } : {}) };
}

/**
 * Whether `accept <ref> <label>` (and `diff`) mean an option of a block rather than a wording of
 * a paragraph: a paragraph's own alternatives win when one carries the label (`accept 5 "Option 2"`
 * for a paragraph with alternatives labelled Option 1..4), then a block's options; a label found
 * in neither goes to the paragraph when it has alternatives (its error lists them), else to the block.
 */
export function meansBlock(opened: OpenedDraft, ref: string, labels: readonly string[]): NamedBlock | undefined {
  const { named, paragraph } = nameBlock(opened, ref, labels[0]);
  if (!named) return undefined;
  const own = paragraph === undefined ? [] : [{ alternative: { label: 'text' } }, ...allAlternatives(paragraph)];
  if (paragraph !== undefined && labels.every((l) => own.some((f) => sameLabel(f.alternative.label, l)))) return undefined;
  if (labels.every((l) => findOption(named.place.block, l) !== undefined)) return named;
  return paragraph !== undefined && own.length > 1 ? undefined : named;
}
