import { describe, expect, it } from 'vitest';
import { Delegations } from '../../src/model/delegations.js';
import { buildPositionsMatrix, columnHeading } from '../../src/report/positions-matrix.js';
import { renderPositionsJson, renderPositionsMarkdown, renderPositionsTable } from '../../src/render/render-positions.js';
import { paragraph } from '../resolve/paragraphs.js';

const DELEGATIONS = new Delegations([
  { name: 'United States', aliases: ['US'] },
  { name: 'European Union', aliases: ['EU'], members: ['France', 'Germany'] },
  { name: 'France' },
  { name: 'Germany' },
]);

const P61 = paragraph({
  address: '61',
  number: '61',
  alternatives: [
    { label: 'Alt 1', text: 'a' },
    { label: 'Alt 2', text: 'b', proposedBy: ['EU'], opposedBy: ['United States'] },
    { label: 'Alt 3', text: 'c', supportedBy: ['US', 'Germany'] },
  ],
});
const P71 = paragraph({
  address: '71',
  number: '71',
  items: [
    { label: 'f)', text: 'x', alternatives: [{ label: 'Alt 71g1', text: 'y', opposedBy: ['France'] }] },
    { label: 'g)', text: 'x', status: 'agreed', alternatives: [{ label: 'Alt 71h1', text: 'z', proposedBy: ['France'] }] },
  ],
});
const AGREED = paragraph({ address: '60', number: '60', status: 'agreed', alternatives: [{ label: 'Alt 1', text: 'q', proposedBy: ['EU'] }] });

describe('buildPositionsMatrix', () => {
  it('has a column per open alternative anyone holds a position on, and a row per delegation, in the file\'s order', () => {
    const matrix = buildPositionsMatrix([P61, P71, AGREED], { delegations: DELEGATIONS });
    expect(matrix.columns.map(columnHeading)).toEqual(['61 Alt 2', '61 Alt 3', '71 f) Alt 71g1']);
    expect(matrix.columns[2]).toEqual({ paragraph: '71', name: '71', item: 'f)', label: 'Alt 71g1' });
    expect(matrix.rows.map((r) => [r.delegation, r.group, r.cells.map((c) => c?.stance ?? '')])).toEqual([
      ['United States', false, ['opposed', 'supported', '']],
      ['European Union', true, ['proposed', '', '']],
      ['France', false, ['', '', 'opposed']],
      ['Germany', false, ['', 'supported', '']],
    ]);
  });

  it('expands groups on request: members take the group\'s position where they hold none of their own', () => {
    const matrix = buildPositionsMatrix([P61, P71], { delegations: DELEGATIONS, expandGroups: true });
    const france = matrix.rows.find((r) => r.delegation === 'France');
    expect(france?.cells).toEqual([{ stance: 'proposed', via: 'European Union' }, undefined, { stance: 'opposed' }]);
    const germany = matrix.rows.find((r) => r.delegation === 'Germany');
    expect(germany?.cells).toEqual([{ stance: 'proposed', via: 'European Union' }, { stance: 'supported' }, undefined]);
  });

  it('without a delegations file, names stand as stored, rows in alphabetical order', () => {
    const matrix = buildPositionsMatrix([P61]);
    expect(matrix.rows.map((r) => r.delegation)).toEqual(['EU', 'Germany', 'United States', 'US']);
    expect(matrix.rows.every((r) => !r.group)).toBe(true);
  });

  it('is empty when nobody holds a position on an open alternative', () => {
    expect(buildPositionsMatrix([AGREED, paragraph({ alternatives: [{ label: 'Alt 1', text: 'x' }] })])).toEqual({ columns: [], rows: [] });
  });
});

describe('rendering the matrix', () => {
  const matrix = buildPositionsMatrix([P61], { delegations: DELEGATIONS, expandGroups: true });

  it('as a table lined up for a terminal', () => {
    expect(renderPositionsTable(matrix)).toBe(
      [
        'Delegation              61 Alt 2                   61 Alt 3',
        '----------------------  -------------------------  ---------',
        'United States           opposed                    supported',
        'European Union (group)  proposed',
        'France                  proposed (European Union)',
        'Germany                 proposed (European Union)  supported',
        '',
      ].join('\n'),
    );
    expect(renderPositionsTable({ columns: [], rows: [] })).toBe('No positions recorded on open alternatives.\n');
  });

  it('as Markdown and JSON', () => {
    expect(renderPositionsMarkdown(matrix).split('\n').slice(0, 3)).toEqual(['| Delegation | 61 Alt 2 | 61 Alt 3 |', '|---|---|---|', '| United States | opposed | supported |']);
    const json = JSON.parse(renderPositionsJson(matrix));
    expect(json.rows[2]).toEqual({ delegation: 'France', group: false, cells: [{ stance: 'proposed', via: 'European Union' }, null] });
    expect(json.columns[0]).toEqual({ paragraph: '61', name: '61', label: 'Alt 2' });
  });
});
