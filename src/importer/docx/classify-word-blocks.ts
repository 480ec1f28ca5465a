import type { AlternativeScope, Note } from '../../model/schemas.js';
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
  /** Furniture of ndraft's own export (the legend, the header fields, a bracket span's caption): skipped. */
  | { kind: 'furniture'; what: string }
  /** `(proposed by EU; opposed by G77)` under an alternative in ndraft's export. */
  | { kind: 'positions'; proposedBy: string[]; supportedBy: string[]; opposedBy: string[] }
  /** `(to insert after sentence 1)` under an alternative: what it competes for (see describe-scope.ts). */
  | { kind: 'scope'; scope: AlternativeScope }
  /** A note line of ndraft's export, on the text above it (`own`) or on the whole draft. */
  | { kind: 'note'; note: Note; own: boolean }
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
  let pendingOptions: string | undefined;
  const optionsOpened = new Set<string>();
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
      const empty = /^(\d+(?:\.\d+)?(?:\s?[a-z]+)?)\.$/.exec(shown);
      const optionsParagraph = empty && shownAt(i + 1).startsWith(`[Option `) && shownAt(i + 1).includes(` ${empty[1]}. `) ? empty : null;
      const numberedOption = /^\[(Option\s+\S+) (\S+?)\.\s([\s\S]*)\]$/.exec(shown);
      const itemOption = /^\[(Option\s+\S+)\) ([\s\S]*)\]$/.exec(shown);
      if (optionsParagraph) {
        // `95.1.` alone, its options below it: printed `95.1 Option 1: …` / `Option 2: …`.
        classified.role = { kind: 'furniture', what: 'options paragraph number' };
        pendingOptions = optionsParagraph[1];
      } else if (numberedOption && pendingOptions !== undefined && numberedOption[2] === pendingOptions) {
        const first = !optionsOpened.has(pendingOptions);
        optionsOpened.add(pendingOptions);
        classified.role = { kind: 'text', line: `${first ? `${/^\d+\.\d+$/.test(pendingOptions) ? pendingOptions : `${pendingOptions}.`} ` : ''}${numberedOption[1]}: ${numberedOption[3]}` };
      } else if (itemOption) classified.role = { kind: 'text', line: `${itemOption[1]}: ${itemOption[2]}` };
      if (!optionsParagraph && !numberedOption) pendingOptions = undefined;
    }
    if (madeByNdraft && classified.role.kind === 'text' && classified.role.line === undefined) {
      const option = optionHeading(block, shown);
      if (option) {
        // `Paragraph 2: Option 1` is written `2. Option 1:` in the text export, the number on the first option only.
        const number = option.block !== optionBlock ? /^Paragraph (\S+)$/.exec(option.block)?.[1] : undefined;
        classified.role = { kind: 'text', line: `${number !== undefined ? `${number}. ` : ''}${option.label}:${option.title}` };
        optionBlock = option.block;
      } else if (afterOptionHeading && block.plain === true && label === undefined && heading === undefined && shown !== '') classified.role = { kind: 'text', joinPrevious: true };
      afterOptionHeading = option !== undefined;
    }
    if (classified.role.kind === 'text' && shown !== '' && (heading !== undefined || label !== undefined || /^\[?\d/.test(shown))) seenBody = true;
    return classified;
  });
}

/** `Paragraph 3: Option 1 {Long-term goal} (accepted)`, as every export heads an option (see outline.ts optionHeading). */
function optionHeading(block: WordBlock, shown: string): { block: string; label: string; title: string } | undefined {
  if (!block.runs.every((r) => r.text.trim() === '' || r.bold === true)) return undefined;
  const match = /^(.+?): (\S+ \S+)(?: \{([^{}]*)\})?(?: \(accepted\))?$/.exec(shown);
  if (!match) return undefined;
  return { block: match[1] as string, label: match[2] as string, title: match[3] !== undefined ? ` {${match[3]}}` : '' };
}

const LEGEND = /^Compilation text: highlighted words in \[brackets\]/;
const SPAN_CAPTION = /^Bracket over .+: the highlighted words from its \[ to its \] are kept or dropped as one\.$/;
const POSITIONS = /^\(((?:(?:proposed|supported|opposed) by [^;]+)(?:; (?:proposed|supported|opposed) by [^;]+)*)\)$/;
const SCOPE = /^\((?:to insert after sentence (\d+)|to insert at the (start|end)|replaces "([\s\S]+)")\)$/;
const NOTE = /^(Footnote(?: (\S+))?|Editorial note|Removed on import|Comment|Note)(?: \(([^)]*)\))?: ([\s\S]*)$/;

function exportRole(block: WordBlock, shown: string, seenBody: boolean): BlockRole {
  if (shown === '') return { kind: 'text' };
  // The title's header fields and source line stand centred above the first heading or paragraph.
  if (!seenBody && block.centered === true) return { kind: 'furniture', what: 'header fields' };
  if (LEGEND.test(shown)) return { kind: 'furniture', what: 'legend' };
  const italic = block.runs.every((r) => r.text.trim() === '' || r.italic === true);
  if (!italic) return { kind: 'text' };
  if (SPAN_CAPTION.test(shown)) return { kind: 'furniture', what: 'bracket span caption' };
  const scope = SCOPE.exec(shown);
  if (scope) return { kind: 'scope', scope: scope[1] !== undefined ? { insertAfterSentence: Number(scope[1]) } : scope[2] !== undefined ? { insertAt: scope[2] as 'start' | 'end' } : { replaces: scope[3] as string } };
  const positions = POSITIONS.exec(shown);
  if (positions) {
    const role = { kind: 'positions' as const, proposedBy: [] as string[], supportedBy: [] as string[], opposedBy: [] as string[] };
    for (const phrase of (positions[1] as string).split('; ')) {
      const [stance, names] = phrase.split(' by ') as [string, string];
      role[`${stance}By` as 'proposedBy'].push(...names.split(', '));
    }
    return role;
  }
  const note = NOTE.exec(shown);
  if (note) return { kind: 'note', note: noteFrom(note), own: block.runs.some((r) => r.color !== undefined) };
  return { kind: 'text' };
}

/** `Comment (EU, 2026-11-30): text` back to the note it was printed from (see note-text.ts). */
function noteFrom(match: RegExpExecArray): Note {
  const [, label = '', marker, by, text = ''] = match;
  const kind = label.startsWith('Footnote') ? 'footnote' : label === 'Editorial note' ? 'editorial' : label === 'Removed on import' ? 'furniture' : label === 'Comment' ? 'comment' : undefined;
  const parts = by === undefined ? [] : by.split(', ');
  const date = parts.length > 0 && /^\d{4}-\d{2}-\d{2}/.test(parts[parts.length - 1] as string) ? parts.pop() : undefined;
  const author = parts.length > 0 ? parts.join(', ') : undefined;
  return { text, ...(kind ? { kind } : {}), ...(marker !== undefined ? { marker } : {}), ...(author !== undefined ? { author } : {}), ...(date !== undefined ? { date } : {}) };
}
