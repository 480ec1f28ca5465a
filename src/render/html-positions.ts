import type { Paragraph } from '../model/schemas.js';
import { buildPositionsMatrix, columnHeading, type MatrixCell, type PositionsMatrix } from '../report/positions-matrix.js';
import { escapeHtml } from './html-escape.js';

/**
 * The matrix of positions as an HTML table: delegations down, open alternatives across, each
 * cell the position in words (colour is not the only signal). Shared by the HTML export, where
 * it is a section after the text, and `ndraft positions --format html`.
 */
export function positionsTableHtml(matrix: PositionsMatrix): string {
  const head = matrix.columns.map((column) => `<th scope="col"><bdi>${escapeHtml(columnHeading(column))}</bdi></th>`).join('');
  const rows = matrix.rows.map((row) => {
    const name = `<th scope="row"><bdi>${escapeHtml(row.delegation)}</bdi>${row.group ? ' <span class="group">(group)</span>' : ''}</th>`;
    return `<tr>${name}${row.cells.map(cellHtml).join('')}</tr>`;
  });
  return `<div class="positions-scroll"><table class="positions"><thead><tr><th scope="col">Delegation</th>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function cellHtml(cell: MatrixCell | undefined): string {
  if (cell === undefined) return '<td></td>';
  const via = cell.via === undefined ? '' : ` <span class="via">(<bdi>${escapeHtml(cell.via)}</bdi>)</span>`;
  return `<td class="${cell.stance}">${cell.stance}${via}</td>`;
}

/** The export's section of positions, or '' when nobody holds a position on an open alternative. */
export function positionsSectionHtml(paragraphs: readonly Paragraph[]): string {
  const matrix = buildPositionsMatrix(paragraphs);
  if (matrix.columns.length === 0) return '';
  return `<section class="positions-matrix" id="positions"><h2>Positions</h2>\n<p class="positions-note">Who proposed, supports or opposes each open alternative.</p>\n${positionsTableHtml(matrix)}\n</section>`;
}

export const POSITIONS_STYLE = `
.positions-scroll { overflow-x: auto; }
table.positions { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1.5rem; }
table.positions th, table.positions td { border: 1px solid #d9dde3; padding: .25rem .5rem; text-align: left; vertical-align: top; }
table.positions thead th { background: #f4f5f7; font-weight: 600; }
table.positions td.proposed { color: #1d4ed8; }
table.positions td.supported { color: #166534; }
table.positions td.opposed { color: #9f1239; }
table.positions .group, table.positions .via { color: #5b6270; font-weight: normal; }
@media print { table.positions td { color: #000; } .positions-scroll { overflow: visible; } }
`;
