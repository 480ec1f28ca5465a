import type { Stance } from '../model/stances.js';
import { columnHeading, type MatrixCell, type PositionsMatrix } from '../report/positions-matrix.js';
import { escapeHtml } from './html-escape.js';
import { POSITIONS_STYLE, positionsTableHtml } from './html-positions.js';
import { escapeMarkdown } from './render-markdown.js';

/** The words of a cell: `supported`, `supported (EU)` when it is a group's position. */
export function cellText(cell: MatrixCell | undefined): string {
  if (cell === undefined) return '';
  return cell.via === undefined ? cell.stance : `${cell.stance} (${cell.via})`;
}

/**
 * The matrix for a terminal: one row per delegation, one column per alternative, padded to line
 * up. `paint` colours a cell by its position (the CLI passes chalk; plain text passes nothing).
 */
export function renderPositionsTable(matrix: PositionsMatrix, paint: (stance: Stance, text: string) => string = (_s, text) => text): string {
  if (matrix.columns.length === 0) return 'No positions recorded on open alternatives.\n';
  const head = ['Delegation', ...matrix.columns.map(columnHeading)];
  const body = matrix.rows.map((row) => [`${row.delegation}${row.group ? ' (group)' : ''}`, ...row.cells.map(cellText)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[], cells2?: (MatrixCell | undefined)[]) =>
    cells
      .map((text, i) => {
        const padded = text.padEnd(widths[i] as number);
        const cell = i > 0 ? cells2?.[i - 1] : undefined;
        return cell === undefined ? padded : paint(cell.stance, padded);
      })
      .join('  ')
      .trimEnd();
  return `${[line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map((cells, r) => line(cells, matrix.rows[r]?.cells))].join('\n')}\n`;
}

/** The matrix as a Markdown table (GitHub style). */
export function renderPositionsMarkdown(matrix: PositionsMatrix): string {
  if (matrix.columns.length === 0) return '*No positions recorded on open alternatives.*\n';
  const cell = (text: string) => escapeMarkdown(text, { oneLine: true });
  const rows = [
    `| Delegation | ${matrix.columns.map((c) => cell(columnHeading(c))).join(' | ')} |`,
    `|---|${matrix.columns.map(() => '---').join('|')}|`,
    ...matrix.rows.map((row) => `| ${cell(row.delegation)}${row.group ? ' (group)' : ''} | ${row.cells.map((c) => cell(cellText(c))).join(' | ')} |`),
  ];
  return `${rows.join('\n')}\n`;
}

/** The matrix as a page of its own, self-contained like the HTML export. */
export function renderPositionsHtml(matrix: PositionsMatrix, title: string): string {
  const table = matrix.columns.length === 0 ? '<p>No positions recorded on open alternatives.</p>' : positionsTableHtml(matrix);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="generator" content="ndraft">',
    `<title>Positions: ${escapeHtml(title)}</title>`,
    `<style>body { font-family: system-ui, sans-serif; margin: 2rem; }${POSITIONS_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1 dir="auto">Positions: ${escapeHtml(title)}</h1>`,
    table,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The matrix as JSON: the columns, and each delegation's row with a cell per column (null where it holds no position). */
export function renderPositionsJson(matrix: PositionsMatrix): string {
  const rows = matrix.rows.map((row) => ({ delegation: row.delegation, group: row.group, cells: row.cells.map((cell) => cell ?? null) }));
  return `${JSON.stringify({ columns: matrix.columns, rows }, null, 2)}\n`;
}
