import type { AlternativeScope, Note } from '../model/schemas.js';

/**
 * The lines ndraft's own page exports (DOCX, PDF) print around the paragraphs of a compilation,
 * recognised by their exact wording so that the Word and the PDF import read them back alike:
 * the legend, a bracket span's caption, the scope and the positions under an alternative, the
 * note lines, and the option headings. Each reader decides first that the document is ndraft's
 * (a Word document's creator, a PDF's Producer) and adds what its format shows (italics, bold).
 */
export type ExportLineRole =
  /** Skipped: the legend, a bracket span's caption, the header fields. */
  | { kind: 'furniture'; what: string }
  /** `(proposed by EU; opposed by G77)` under an alternative. */
  | { kind: 'positions'; proposedBy: string[]; supportedBy: string[]; opposedBy: string[] }
  /** `(to insert after sentence 1)` under an alternative: what it competes for (see describe-scope.ts). */
  | { kind: 'scope'; scope: AlternativeScope }
  /** A note line, on the text above it (`own`) or on the whole draft. */
  | { kind: 'note'; note: Note; own: boolean };

const LEGEND = /^Compilation text: highlighted words in \[brackets\]/;
const SPAN_CAPTION = /^Bracket over .+: the highlighted words from its \[ to its \] are kept or dropped as one\.$/;
const POSITIONS = /^\(((?:(?:proposed|supported|opposed) by [^;]+)(?:; (?:proposed|supported|opposed) by [^;]+)*)\)$/;
const SCOPE = /^\((?:to insert after sentence (\d+)|to insert at the (start|end)|replaces "([\s\S]+)")\)$/;
const NOTE = /^(Footnote(?: (\S+))?|Editorial note|Removed on import|Comment|Note)(?: \(([^)]*)\))?: ([\s\S]*)$/;
const OPTION_HEADING = /^(.+?): (\S+ \S+)(?: \{([^{}]*)\})?(?: \(accepted\))?$/;

/** The compilation's legend (document-parts.ts compilationLegend). */
export function isExportLegend(shown: string): boolean {
  return LEGEND.test(shown);
}

/**
 * What a line printed in italics under a paragraph or alternative is: a span's caption, a scope,
 * positions or a note; undefined for any other words, which stay the draft's.
 */
export function exportAsideRole(shown: string, own: boolean): ExportLineRole | undefined {
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
  if (note) return { kind: 'note', note: noteFrom(note), own };
  return undefined;
}

/** `Paragraph 3: Option 1 {Long-term goal} (accepted)`, as every export heads an option (see outline.ts optionHeading). */
export interface ExportOptionHeading {
  block: string;
  label: string;
  title: string;
}

export function readOptionHeading(shown: string): ExportOptionHeading | undefined {
  const match = OPTION_HEADING.exec(shown);
  if (!match) return undefined;
  return { block: match[1] as string, label: match[2] as string, title: match[3] !== undefined ? ` {${match[3]}}` : '' };
}

/**
 * An option heading as the text export writes it, which the text pipeline reads: `Paragraph 2:
 * Option 1` is `2. Option 1:`, the number on the block's first option only (`previousBlock` is
 * the block of the option heading before it).
 */
export function optionHeadingLine(option: ExportOptionHeading, previousBlock: string | undefined): string {
  const number = option.block !== previousBlock ? /^Paragraph (\S+)$/.exec(option.block)?.[1] : undefined;
  return `${number !== undefined ? `${number}. ` : ''}${option.label}:${option.title}`;
}

/** What `exportOptionLine` remembers from one line to the next. */
export interface OptionLinesState {
  /** The number of a paragraph printed alone above its options (`95.1.`). */
  pending?: string;
  opened: Set<string>;
}

/**
 * The spellings of options that the page exports write as alternatives, back to the text
 * export's: `95.1.` alone with `[Option 1 95.1. …]` under it is `95.1 Option 1: …` (the number
 * skipped), and `[Option (a)) …]` under an item is `Option (a): …`. `next` is the line after.
 */
export function exportOptionLine(shown: string, next: string, state: OptionLinesState): { skip: true } | { line: string } | undefined {
  const empty = /^(\d+(?:\.\d+)?(?:\s?[a-z]+)?)\.$/.exec(shown);
  const optionsParagraph = empty && next.startsWith('[Option ') && next.includes(` ${empty[1]}. `) ? empty : null;
  const numberedOption = /^\[(Option\s+\S+) (\S+?)\.\s([\s\S]*)\]$/.exec(shown);
  const itemOption = /^\[(Option\s+\S+)\) ([\s\S]*)\]$/.exec(shown);
  const pending = state.pending;
  if (!optionsParagraph && !numberedOption) delete state.pending;
  if (optionsParagraph) {
    state.pending = optionsParagraph[1] as string;
    return { skip: true };
  }
  if (numberedOption && pending !== undefined && numberedOption[2] === pending) {
    const first = !state.opened.has(pending);
    state.opened.add(pending);
    return { line: `${first ? `${/^\d+\.\d+$/.test(pending) ? pending : `${pending}.`} ` : ''}${numberedOption[1]}: ${numberedOption[3]}` };
  }
  if (itemOption) return { line: `${itemOption[1]}: ${itemOption[2]}` };
  return undefined;
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
