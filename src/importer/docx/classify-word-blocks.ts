import { exportAsideRole, exportOptionLine, isExportLegend, optionHeadingLine, readOptionHeading, type ExportLineRole, type ExportOptionHeading, type OptionLinesState } from '../export-furniture.js';
import type { WordBlock } from './read-word-blocks.js';
import type { WordNumbering } from './word-numbering.js';
import type { WordStyles } from './word-styles.js';

/** What a Word paragraph is to the draft, decided once for every reading of the tracked changes. */
export type BlockRole =
  /**
   * Words of the draft. `line` replaces the block's words where ndraft's export wrote a
   * structure differently from its text export (an option heading); `joinPrevious` puts the words
   * on the line before (the words of an option that follow its heading).
   */
  | { kind: 'text'; line?: string; joinPrevious?: boolean }
  | { kind: 'title' }
  /** A line of ndraft's own export: furniture skipped, or positions, a scope, a note read back. */
  | ExportLineRole
  /** A row of a compilation table, read by `compilationTable`. */
  | { kind: 'table' };

export interface ClassifiedBlock {
  block: WordBlock;
  role: BlockRole;
  /** The list number Word prints before it (`12.`, `(b)`, `•`). */
  label?: string;
  /** Its heading level, from its style or outline level. */
  heading?: number;
  /** The words of the block as Word shows them with every change (for classifying only). */
  shown: string;
}

/**
 * Gives every Word paragraph its printed list number, in document order (paragraphs inserted or
 * deleted with tracked changes count, as Word shows them with markup, unless the reading drops them), its heading level and its role. The furniture of
 * ndraft's own DOCX export is recognised only in a document ndraft wrote (its core properties
 * name ndraft as creator), so that a delegation's italic line is never mistaken for it.
 */
export function classifyWordBlocks(
  blocks: readonly WordBlock[],
  styles: WordStyles,
  numbering: WordNumbering,
  options: { madeByNdraft: boolean; tableRows: ReadonlySet<number>; dropped?: (block: WordBlock) => boolean },
): ClassifiedBlock[] {
  const { madeByNdraft, tableRows } = options;
  let seenBody = false;
  let optionBlock: string | undefined;
  let afterOptionHeading = false;
  const optionLines: OptionLinesState = { opened: new Set() };
  const shownAt = (i: number) => (blocks[i]?.runs ?? []).map((r) => r.text).join('').trim();
  return blocks.map((block, i) => {
    const style = block.styleId !== undefined ? styles.get(block.styleId) : undefined;
    const numId = block.numId ?? style?.numId;
    const ilvl = block.ilvl ?? style?.ilvl ?? 0;
    // A paragraph the reading leaves out (a tracked insertion rejected) takes no number, as in Word.
    const raw = numId !== undefined && numId !== '0' && options.dropped?.(block) !== true ? numbering.next(numId, ilvl) : undefined;
    const label = raw !== undefined && /^[\u2022\u25cf\u25cb\u25aa\u25a0\u00b7\uf0b7\uf0a7o-]$/.test(raw) ? '•' : raw;
    const heading = block.outlineLevel !== undefined && block.outlineLevel < 9 ? block.outlineLevel + 1 : style?.heading;
    const shown = block.runs.map((r) => r.text).join('').replace(/\t/g, ' ').trim();
    const classified: ClassifiedBlock = { block, role: { kind: 'text' }, shown, ...(label !== undefined && label !== '' ? { label } : {}), ...(heading !== undefined ? { heading } : {}) };
    if (style?.title === true) classified.role = { kind: 'title' };
    else if (block.cell !== undefined && tableRows.has(block.index)) classified.role = { kind: 'table' };
    else if (madeByNdraft) classified.role = exportRole(block, shown, seenBody);
    if (madeByNdraft && classified.role.kind === 'text') {
      // The text export's spellings of options that ndraft's DOCX export writes as alternatives.
      const option = exportOptionLine(shown, shownAt(i + 1), optionLines);
      if (option && 'skip' in option) classified.role = { kind: 'furniture', what: 'options paragraph number' };
      else if (option) classified.role = { kind: 'text', line: option.line };
    }
    if (madeByNdraft && classified.role.kind === 'text' && classified.role.line === undefined) {
      const option = optionHeading(block, shown);
      if (option) {
        // `Paragraph 2: Option 1` is written `2. Option 1:` in the text export, the number on the first option only.
        classified.role = { kind: 'text', line: optionHeadingLine(option, optionBlock) };
        optionBlock = option.block;
      } else if (afterOptionHeading && block.plain === true && label === undefined && heading === undefined && shown !== '') classified.role = { kind: 'text', joinPrevious: true };
      afterOptionHeading = option !== undefined;
    }
    if (classified.role.kind === 'text' && shown !== '' && (heading !== undefined || label !== undefined || /^\[?\d/.test(shown))) seenBody = true;
    return classified;
  });
}

/** An option heading as every export writes it, in bold (see export-furniture.ts readOptionHeading). */
function optionHeading(block: WordBlock, shown: string): ExportOptionHeading | undefined {
  if (!block.runs.every((r) => r.text.trim() === '' || r.bold === true)) return undefined;
  return readOptionHeading(shown);
}

function exportRole(block: WordBlock, shown: string, seenBody: boolean): BlockRole {
  if (shown === '') return { kind: 'text' };
  // The title's header fields and source line stand centred above the first heading or paragraph.
  if (!seenBody && block.centered === true) return { kind: 'furniture', what: 'header fields' };
  if (isExportLegend(shown)) return { kind: 'furniture', what: 'legend' };
  // The lines under a paragraph or alternative are in italics; a note of the text above is grey.
  const italic = block.runs.every((r) => r.text.trim() === '' || r.italic === true);
  if (!italic) return { kind: 'text' };
  return exportAsideRole(shown, block.runs.some((r) => r.color !== undefined)) ?? { kind: 'text' };
}
