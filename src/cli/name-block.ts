import { namedBlock, type NamedBlock } from '../model/find-block.js';
import { allAlternatives } from '../model/find-wording.js';
import { matchLabel, splitLabels } from '../model/match-label.js';
import type { Paragraph } from '../model/schemas.js';
import type { OpenedDraft } from './open-draft.js';

/**
 * The block a user named (its printed number, or a paragraph inside it), and the paragraph when
 * the name is one's; undefined when the name is no block's. A name that is neither a block's nor
 * a paragraph's is the paragraph lookup's error, which names the nearest paragraphs.
 */
export function nameBlock(opened: OpenedDraft, ref: string): { named?: NamedBlock; paragraph?: Paragraph } {
  let paragraph: Paragraph | undefined;
  let failure: unknown;
  try {
    paragraph = opened.paragraph(ref);
  } catch (error) {
    failure = error;
  }
  const named = namedBlock(opened.meta.sections, ref, paragraph);
  if (!named && !paragraph) throw failure;
  return { ...(named ? { named } : {}), ...(paragraph ? { paragraph } : {}) };
}

/** What the words after `accept <ref>` or `diff <ref>` name: labels of the paragraph's own wordings, or options of `block`. */
export interface NamedLabels {
  /** The words split into labels (`Alt 1 Alt 3` → `Alt 1`, `Alt 3`). */
  labels: string[];
  block?: NamedBlock;
}

/**
 * Whether `accept <ref> <label>` (and `diff`) mean an option of a block rather than a wording of
 * a paragraph: a paragraph's own wordings win when they answer to every label (`accept 5 "Option 2"`
 * for a paragraph with alternatives labelled Option 1..4), then the options of a block around
 * it, innermost first (or of the block the number names); labels found in neither go to the
 * paragraph when it has alternatives (its error lists them), else to the block.
 */
export function meansBlock(opened: OpenedDraft, ref: string, typed: readonly string[]): NamedLabels {
  const { named, paragraph } = nameBlock(opened, ref);
  const own = paragraph === undefined ? [] : ['text', ...allAlternatives(paragraph).map((f) => f.alternative.label)];
  const ownLabels = splitLabels(typed, own);
  if (!named) return { labels: ownLabels };
  const answers = (labels: readonly string[], candidates: readonly string[]) =>
    labels.every((l) => matchLabel(candidates.map((c) => ({ label: c, value: c })), l).length > 0);
  if (paragraph !== undefined && answers(ownLabels, own)) return { labels: ownLabels };
  const places = named.holding.length > 0 ? named.holding.map((h) => h.place) : [named.place];
  for (const place of places) {
    const options = place.block.options.map((o) => o.label);
    const labels = splitLabels(typed, options);
    if (answers(labels, options)) return { labels, block: { ...named, place } };
  }
  if (paragraph !== undefined && own.length > 1) return { labels: ownLabels };
  return { labels: splitLabels(typed, named.place.block.options.map((o) => o.label)), block: named };
}
