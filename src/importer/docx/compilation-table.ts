import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Draft } from '../../model/schemas.js';
import { addNote } from './attach-word-extras.js';
import type { WordBlock } from './read-word-blocks.js';
import { nextParagraphLabel } from './tracked-alternatives.js';

/** One row of a compilation table: a proposal for a paragraph, by the delegations named. */
export interface CompilationRow {
  number: string;
  proposal: string;
  delegations: string[];
  /** The Word paragraph the row's proposal starts at, for messages. */
  index: number;
}

export interface TablesRead {
  rows: CompilationRow[];
  /** The Word paragraphs of compilation tables: read here, not as running text. */
  blocks: Set<number>;
  compilationTables: number;
  warnings: Omit<Diagnostic, 'file'>[];
}

const HEADS = {
  number: /^(?:para(?:graph)?\.?|no\.?|number|§|#)$/i,
  proposal: /^(?:proposals?|proposed (?:text|wording)|text|amendments?|wording)$/i,
  delegation: /^(?:delegations?|proposed by|by|part(?:y|ies)|country|countries|groups?|sponsors?)$/i,
};

/**
 * Finds the tables laid out as compilations: a heading row naming a paragraph column, a
 * proposal column and a delegation column (`Paragraph | Proposal | Delegation`, in any order),
 * then a row per proposal. Other tables stay running text, read row by row, with a warning.
 */
export function readCompilationTables(blocks: readonly WordBlock[]): TablesRead {
  const cells = new Map<number, Map<number, Map<number, { text: string; index: number }>>>();
  for (const block of blocks) {
    if (!block.cell) continue;
    const { table, row, column } = block.cell;
    const rows = cells.get(table) ?? new Map<number, Map<number, { text: string; index: number }>>();
    cells.set(table, rows);
    const columns = rows.get(row) ?? new Map<number, { text: string; index: number }>();
    rows.set(row, columns);
    const text = block.runs.filter((r) => r.change?.kind !== 'del' && r.change?.kind !== 'moveFrom').map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
    const cell = columns.get(column);
    if (cell) cell.text = [cell.text, text].filter((t) => t !== '').join(' ');
    else columns.set(column, { text, index: block.index });
  }
  const read: TablesRead = { rows: [], blocks: new Set(), compilationTables: 0, warnings: [] };
  for (const [table, rows] of cells) {
    const first = rows.get(1);
    const firstIndex = Math.min(...[...rows.values()].flatMap((r) => [...r.values()].map((c) => c.index)));
    const column = (pattern: RegExp) => [...(first ?? new Map()).entries()].find(([, c]) => pattern.test(c.text.replace(/[:.]$/, '').trim()))?.[0];
    const number = column(HEADS.number);
    const proposal = column(HEADS.proposal);
    const delegation = column(HEADS.delegation);
    if (number === undefined || proposal === undefined || delegation === undefined) {
      read.warnings.push({
        code: 'TABLE_AS_TEXT',
        severity: 'warning',
        message: `paragraph ${firstIndex} (word/document.xml): table ${table} is kept as text, row by row, cell by cell: it is not laid out as a compilation (a heading row "Paragraph | Proposal | Delegation")`,
      });
      continue;
    }
    read.compilationTables++;
    for (const block of blocks) if (block.cell?.table === table) read.blocks.add(block.index);
    for (const [r, columns] of rows) {
      if (r === 1) continue;
      const n = columns.get(number)?.text.replace(/^(?:para(?:graph)?\.?\s*)/i, '').replace(/\.$/, '').trim() ?? '';
      const text = columns.get(proposal)?.text ?? '';
      if (n === '' || text === '') continue;
      const delegations = (columns.get(delegation)?.text ?? '').split(/\s*[,;/]\s*|\s+and\s+/).filter((d) => d !== '');
      read.rows.push({ number: n, proposal: text, delegations, index: columns.get(proposal)?.index ?? firstIndex });
    }
  }
  return read;
}

/**
 * Each row of a compilation table as an alternative of its paragraph (found by its printed
 * number), proposed by the delegations the row names. A row for a paragraph the draft does not
 * have is kept as a note of the draft, with a warning. Returns how many became alternatives.
 */
export function addTableProposals(draft: Draft, rows: readonly CompilationRow[], delegationOf: (name: string) => string, warn: (w: Omit<Diagnostic, 'file'>) => void): number {
  let added = 0;
  for (const row of rows) {
    const p = draft.paragraphs.find((q) => q.number === row.number);
    if (!p) {
      warn({ code: 'TABLE_PARAGRAPH_UNKNOWN', severity: 'warning', message: `paragraph ${row.index} (word/document.xml): the compilation table proposes text for paragraph ${row.number}, which the document does not have; kept as a note of the draft` });
      addNote(draft, undefined, { text: `Proposal for paragraph ${row.number}${row.delegations.length > 0 ? ` by ${row.delegations.join(', ')}` : ''}: ${row.proposal}`, kind: 'editorial' });
      continue;
    }
    p.alternatives.push({ label: nextParagraphLabel(p), text: row.proposal, ...(row.delegations.length > 0 ? { proposedBy: row.delegations.map(delegationOf) } : {}) });
    added++;
  }
  return added;
}
