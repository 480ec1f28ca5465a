import { findBlockOption } from '../model/option-blocks.js';
import { entryAddresses } from '../model/outline.js';
import type { BlockOption, OptionBlock, Paragraph } from '../model/schemas.js';
import type { WordingComparison } from './compare-wordings.js';
import { diffWordings, similarity, wordCounts } from './wording-diff.js';

/**
 * Two options of a block, word by word: each option's text is its own words ("No text") and its
 * paragraphs' texts (chapeau, items and alternatives, numbers left out, since they restart in every option),
 * joined in reading order, one paragraph a line.
 */
export function compareOptions(block: OptionBlock, labels: readonly [string, string], paragraphs: ReadonlyMap<string, Paragraph>, whitespace = false): WordingComparison {
  const [a, b] = labels.map((label) => {
    const option = findBlockOption(block, label);
    return { label: option.label, text: optionText(option, paragraphs) };
  }) as [{ label: string; text: string }, { label: string; text: string }];
  const changes = diffWordings(a.text, b.text, { whitespace });
  const counts = wordCounts(changes);
  return { paragraph: block.number ?? block.block, block: block.block, a, b, changes, similarity: similarity(changes), wordsDiffer: counts.deleted + counts.inserted };
}

export function optionText(option: BlockOption, paragraphs: ReadonlyMap<string, Paragraph>): string {
  const lines: string[] = [];
  if (option.text !== undefined && option.text.trim() !== '') lines.push(option.text);
  for (const address of entryAddresses(option.paragraphs)) {
    const p = paragraphs.get(address);
    if (!p) continue;
    if (p.text.trim() !== '') lines.push(p.text);
    for (const item of p.items) lines.push(`${item.label} ${item.text}`);
    for (const alternative of p.alternatives) lines.push(`${alternative.label}: ${alternative.text}`);
  }
  return lines.join('\n');
}
