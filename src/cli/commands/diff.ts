import { usageError } from '../../diagnostics/diagnostic.js';
import { compareOptions } from '../../diff/compare-options.js';
import { compareWordings } from '../../diff/compare-wordings.js';
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
 * word by word; without labels, how alike each alternative is to the first.
 */
export async function diffCommand(number: string, a: string | undefined, b: string | undefined, options: DiffOptions, io: Io): Promise<number> {
  const format = chooseFormat(options.format, io);
  if ((a === undefined) !== (b === undefined)) {
    throw usageError(`name two wordings to compare, e.g. ndraft diff ${number} "Alt 1" text, or none to compare every alternative with the first`);
  }
  const opened = await openDraft(options.draft, io.cwd);
  const labels = a !== undefined && b !== undefined ? ([a, b] as const) : undefined;
  // Two options of a block (`diff 3 "Option 1" "Option 2"`), unless the paragraph named has wordings so labelled.
  const block = labels !== undefined && options.item === undefined ? meansBlock(opened, number, labels) : undefined;
  const comparisons = block
    ? [compareOptions(block.place.block, labels as readonly [string, string], new Map(opened.draft.paragraphs.map((p) => [p.address, p])), options.whitespace === true)]
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

/** Colour for a terminal (unless NO_COLOR), git-style markers for a pipe or a file. */
function chooseFormat(format: string | undefined, io: Io): DiffFormat {
  if (format === undefined) return colorsFor(io).level > 0 ? 'color' : 'plain';
  const known = DIFF_FORMATS.find((f) => f === format);
  if (known === undefined) throw usageError(`--format must be one of ${DIFF_FORMATS.join(', ')} (got "${format}")`);
  return known;
}
