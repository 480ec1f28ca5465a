/**
 * Bracket spans edited by hand, checked as `ndraft validate` checks them: a span opened and never
 * closed, closed before it opens, closed across another, or a text inside one that does not say
 * so, each an error naming the file, the line and the column of the field; a valid span counted once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { sumCounts } from '../../src/report/counts.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { editFile, positionOf, removeTempDirs } from '../helpers/sandbox.js';
import { spansDraft } from '../helpers/span-draft.js';

afterAll(removeTempDirs);

async function check(corrupt: (dir: string) => void = () => {}) {
  const dir = spansDraft();
  corrupt(dir);
  const checked = await checkDraft(await loadDraft(dir));
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  return { dir, checked, errors, at: (d: Diagnostic) => [d.code, d.file?.slice(dir.length + 1), d.line, d.column] };
}

describe('validate: bracket spans', () => {
  it('passes the imported draft, and counts each span once', async () => {
    const { checked, errors } = await check();
    expect(errors).toEqual([]);
    expect(checked.spans.map((s) => s.span)).toEqual([1, 2]);
    // [31 March], [among Parties], paragraph 6's repaired bracket, and the two spans.
    expect(sumCounts(checked.counts.values()).brackets).toBe(5);
  });

  it('reports a span whose "]" lost its mark: never closed, at its "[", and that "]" has no opening bracket', async () => {
    let four = '';
    const { dir, errors, at } = await check((d) => {
      four = editFile(d, 'paragraphs/004.yaml', (t) => t.replace('spans:\n  - span: 1\n    edge: closes\n', ''));
    });
    const three = readFileSync(join(dir, 'paragraphs/003.yaml'), 'utf8');
    expect(errors.map(at)).toEqual([
      ['SPAN_NOT_CLOSED', 'paragraphs/003.yaml', positionOf(three, '- span: 1').line, positionOf(three, '- span: 1', 2).column],
      ['UNEXPECTED_CLOSING_BRACKET', 'paragraphs/004.yaml', positionOf(four, 'bodies;]').line, positionOf(four, 'bodies;]', 7).column],
    ]);
    expect(errors[0]?.message).toBe(
      'bracket span 1 opens in paragraph 3 but is never closed: no later text lists it, and paragraph 4 after it does not (mark the text its "]" stands in {span: 1, edge: closes}, and every text before it {span: 1, edge: inside})',
    );
  });

  it('reports a span opened and never closed before a heading, at its mark', async () => {
    let text = '';
    const { errors, at } = await check((dir) => {
      // Item (v) no longer closes span 2, and paragraph 6 carries it on to the heading.
      editFile(dir, 'paragraphs/005.yaml', (t) => t.replace('tools;]', 'tools;').replace(/edge: closes\n$/u, 'edge: inside\n').replace(/(\(v\)\n.*\n.*\n.*\n)(\s+)edge: closes/u, '$1$2edge: inside'));
      editFile(dir, 'paragraphs/006.yaml', (t) => t.replace('items: []', 'spans:\n  - span: 2\n    edge: inside\nitems: []'));
      text = readFileSync(join(dir, 'paragraphs/005.yaml'), 'utf8');
    });
    const mark = positionOf(text, '- span: 2', 2);
    expect(errors.map(at)).toEqual([['SPAN_NOT_CLOSED', 'paragraphs/005.yaml', mark.line, mark.column]]);
    expect(errors[0]?.message).toBe('bracket span 2 opens in item (j) of paragraph 5 but is never closed: no later text before the next heading or option block says {span: 2, edge: closes}');
  });

  it('reports a span closed in a text before the one it opens in', async () => {
    const { errors, at } = await check((dir) => {
      // The marks of 3 and 4 swapped, the texts too: the "]" now comes first.
      const three = readFileSync(join(dir, 'paragraphs/003.yaml'), 'utf8');
      const four = readFileSync(join(dir, 'paragraphs/004.yaml'), 'utf8');
      writeFileSync(join(dir, 'paragraphs/003.yaml'), four.replace(/address: "4"\nnumber: "4"/, 'address: "3"\nnumber: "3"'));
      writeFileSync(join(dir, 'paragraphs/004.yaml'), three.replace(/address: "3"\nnumber: "3"/, 'address: "4"\nnumber: "4"'));
    });
    expect(errors.map((e) => at(e).slice(0, 2))).toEqual([
      ['SPAN_NOT_OPEN', 'paragraphs/003.yaml'],
      ['SPAN_NOT_CLOSED', 'paragraphs/004.yaml'],
    ]);
    expect(errors[0]?.message).toMatch(/^paragraph 3 says it closes bracket span 1, but that span is not open there/);
  });

  it('reports spans that overlap badly: the first "]" closes the span opened last', async () => {
    const { errors, at } = await check((dir) => {
      editFile(dir, 'paragraphs/003.yaml', (t) => t.replace('text: "[Also requests', 'text: "[Also [requests').replace('spans:\n  - span: 1\n    edge: opens\n', 'spans:\n  - span: 1\n    edge: opens\n  - span: 3\n    edge: opens\n'));
      editFile(dir, 'paragraphs/004.yaml', (t) => t.replace('bodies;]', 'bodies;]]').replace('spans:\n  - span: 1\n    edge: closes\n', 'spans:\n  - span: 1\n    edge: closes\n  - span: 3\n    edge: closes\n'));
    });
    expect(errors.map((e) => at(e).slice(0, 2))).toEqual([
      ['SPAN_OVERLAP', 'paragraphs/004.yaml'],
      ['SPAN_OVERLAP', 'paragraphs/004.yaml'],
    ]);
  });

  it('reports a mark whose bracket is not in the text, at the text', async () => {
    let text = '';
    const { errors, at } = await check((dir) => {
      text = editFile(dir, 'paragraphs/003.yaml', (t) => t.replace('text: "[Also requests', 'text: "Also requests'));
    });
    expect(errors.map(at)).toEqual([['SPAN_EDGE_MISSING', 'paragraphs/003.yaml', positionOf(text, 'forum;"').line, positionOf(text, 'forum;"', 6).column]]);
    expect(errors[0]?.message).toBe('bracket span 1 opens in this text, but it has no "[" left unmatched to open it (in text)');
  });

  it('reports an agreed paragraph in a span', async () => {
    let text = '';
    const { errors, at } = await check((dir) => {
      text = editFile(dir, 'paragraphs/004.yaml', (t) => t.replace('status: open', 'status: agreed'));
    });
    const status = positionOf(text, 'agreed');
    expect(errors.map(at)).toEqual([
      ['AGREED_NOT_RESOLVED', 'paragraphs/004.yaml', status.line, status.column],
      ['AGREED_NOT_RESOLVED', 'paragraphs/004.yaml', status.line, status.column],
    ]);
    expect(errors.map((e) => e.message)).toEqual(['paragraph 4 is agreed but bracket 1 in text is open', 'paragraph 4 is agreed but its text is in bracket span 1, still open']);
  });

  it('still finds a broken span when the other paragraphs come from the parse cache', async () => {
    const dir = spansDraft();
    expect((await checkDraft(await loadDraft(dir))).diagnostics).toEqual([]);
    editFile(dir, 'paragraphs/004.yaml', (t) => t.replace('bodies;]', 'bodies;').replace('edge: closes', 'edge: inside'));
    const again = await checkDraft(await loadDraft(dir));
    expect(again.diagnostics.map((d) => [d.code, d.file?.slice(dir.length + 1)])).toEqual([['SPAN_NOT_CLOSED', 'paragraphs/003.yaml']]);
  });
});
