import { usageError } from '../../diagnostics/diagnostic.js';
import { compareOptions } from '../../diff/compare-options.js';
import { compareWordings } from '../../diff/compare-wordings.js';
import { scopeLabels, wordingScope } from '../../diff/pick-wordings.js';
import { splitLabels } from '../../model/match-label.js';
import type { Paragraph } from '../../model/schemas.js';
import { DIFF_FORMATS, renderSimilarities, renderWordDiff, type DiffFormat } from '../../render/render-word-diff.js';
import { chalkForFormat } from '../chalk-for-format.js';
import { colorsFor, type Io } from '../io.js';
import { meansBlock } from '../name-block.js';
import { openDraft } from '../open-draft.js';

export interface DiffOptions {
  draft?: string;
  format?: string;
  item?: string;
  whitespace?: boolean;
}

/**
 * `ndraft diff <number> [<a> <b>]`: two wordings of a paragraph (or of one item with `--item`)
 * word by word; without labels, how alike each alternative is to the first. The labels may come
 * unquoted (`diff 61 Alt 1 Alt 3`): the words are split where a new label starts.
 */
export async function diffCommand(number: string, words: readonly string[], options: DiffOptions, io: Io): Promise<number> {
  const format = chooseFormat(options.format, io);
  const opened = await openDraft(options.draft, io.cwd);
  // Two options of a block (`diff 3 "Option 1" "Option 2"`), unless the paragraph named has wordings so labelled.
  const named = words.length === 0 ? { labels: [] } : options.item === undefined ? meansBlock(opened, number, words) : { labels: itemLabels(opened.paragraph(number), options.item, words) };
  if (named.labels.length !== 0 && named.labels.length !== 2) {
    const read = named.labels.map((l) => `"${l}"`).join(', ');
    throw usageError(`name two wordings to compare, e.g. ndraft diff ${number} "Alt 1" text, or none to compare every alternative with the first (read ${read})`);
  }
  const labels = named.labels.length === 2 ? (named.labels as unknown as readonly [string, string]) : undefined;
  const comparisons = named.block && labels
    ? [compareOptions(named.block.place.block, labels, new Map(opened.draft.paragraphs.map((p) => [p.address, p])), options.whitespace === true)]
    : compareWordings(opened.paragraph(number), { item: options.item, labels, whitespace: options.whitespace === true });
  const c = chalkForFormat(format, io);
  const [single] = comparisons;
  // Without labels: each alternative's changes against the first, then a similarity line for each.
  const output =
    labels !== undefined && single !== undefined
      ? renderWordDiff(single, format, c)
      : format === 'json'
        ? renderSimilarities(comparisons, format, c)
        : [...comparisons.map((cmp) => renderWordDiff(cmp, format, c)), renderSimilarities(comparisons, format, c)].join('\n\n');
  io.write(`${output}\n`);
  return 0;
}

/** The words after `diff 71 --item f` split into the labels of the item's wordings. */
function itemLabels(paragraph: Paragraph, item: string, words: readonly string[]): string[] {
  return splitLabels(words, scopeLabels(wordingScope(paragraph, item)).map((c) => c.label));
}

/** Colour for a terminal (unless NO_COLOR), git-style markers for a pipe or a file. */
function chooseFormat(format: string | undefined, io: Io): DiffFormat {
  if (format === undefined) return colorsFor(io).level > 0 ? 'color' : 'plain';
  const known = DIFF_FORMATS.find((f) => f === format);
  if (known === undefined) throw usageError(`--format must be one of ${DIFF_FORMATS.join(', ')} (got "${format}")`);
  return known;
}
