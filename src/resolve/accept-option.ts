import { inputError } from '../diagnostics/diagnostic.js';
import { blockName, blockPlaces, findBlockOption } from '../model/option-blocks.js';
import { entryAddresses } from '../model/outline.js';
import { paragraphName } from '../model/paragraph-name.js';
import { isAgreed } from '../model/paragraph-slots.js';
import type { Draft, DraftMeta, Paragraph } from '../model/schemas.js';

/** A change to several paragraphs and the outline at once, made all or nothing. */
export interface DraftChange<Before extends Paragraph | null = Paragraph> {
  /** draft.yaml after the change; absent when the outline stays as it is. */
  meta?: DraftMeta;
  /** Each paragraph changed, before (null for one the change creates) and after. */
  paragraphs: { before: Before; after: Paragraph }[];
  /** One line saying what changed. */
  summary: string;
}

/**
 * Accepting an option of a block (the `index`-th of `blockPlaces`): the block records the choice,
 * and every paragraph of the other options is deleted, its text kept, so `undo` or `restore`
 * can bring it back. The chosen option's paragraphs stay as they are, open brackets and all.
 * Refused when the label is none of the block's, when the block is settled already, or when a
 * paragraph to be dropped is agreed.
 */
export function acceptOption(draft: Draft, index: number, label: string): DraftChange {
  const place = blockPlaces(draft.meta.sections)[index];
  if (!place) throw new Error(`no option block ${index} in the outline`);
  const { block } = place;
  const name = blockName(block);
  if (block.accepted !== undefined) throw inputError(`block ${name} is settled already: "${block.accepted}" was accepted (see "ndraft log", or "ndraft undo")`);
  const option = findBlockOption(block, label);

  const byAddress = new Map(draft.paragraphs.map((p) => [p.address, p]));
  const kept = entryAddresses(option.paragraphs).map((a) => byAddress.get(a)).filter((p): p is Paragraph => p !== undefined);
  if (kept.length > 0 && kept.every((p) => p.status === 'deleted') && (option.text ?? '').trim() === '') {
    throw inputError(`every paragraph of ${option.label} in block ${name} is deleted (${kept.map(paragraphName).join(', ')}); restore one first`);
  }
  const dropped = block.options
    .filter((o) => o !== option)
    .flatMap((o) => entryAddresses(o.paragraphs))
    .map((a) => byAddress.get(a))
    .filter((p): p is Paragraph => p !== undefined && p.status !== 'deleted');
  const agreed = dropped.filter((p) => isAgreed(p.status));
  if (agreed.length > 0) {
    throw inputError(
      `cannot drop the other options of block ${name}: paragraph${agreed.length === 1 ? '' : 's'} ${agreed.map(paragraphName).join(', ')} ${agreed.length === 1 ? 'is' : 'are'} agreed; reopen ${agreed.length === 1 ? 'it' : 'them'} first`,
    );
  }

  const meta = structuredClone(draft.meta);
  const target = blockPlaces(meta.sections)[index];
  if (target) target.block.accepted = option.label;
  const others = block.options.filter((o) => o !== option).map((o) => `"${o.label}"`);
  const dropSummary = dropped.length === 0 ? `no paragraph to delete` : `deleted ${dropped.length === 1 ? 'paragraph' : `${dropped.length} paragraphs`} ${dropped.map(paragraphName).join(', ')} (their text is kept)`;
  return {
    meta,
    paragraphs: dropped.map((before) => ({ before, after: { ...before, status: 'deleted' } })),
    summary: `accepted "${option.label}" of block ${name}, dropping ${others.join(', ')}: ${dropSummary}`,
  };
}
