/**
 * Brackets that span paragraphs or items (issue 9, part 8): an unmatched "[" closed by an
 * unmatched "]" in a later text is one bracket span, its brackets left where the source had them;
 * a bracket really never closed is still repaired, with its warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/import-text.js';
import { setInputLimits } from '../../src/limits/input-limits.js';
import type { Paragraph, SpanMark } from '../../src/model/schemas.js';
import { renderText } from '../../src/render/render-text.js';
import { REPO_ROOT } from '../helpers/sandbox.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'bracket-spans.txt');
const read = (text: string) => importText(text, { file: '/in/draft.txt', title: 'Test' });
const marks = (p: { spans?: SpanMark[] } | undefined) => (p?.spans ?? []).map((m) => `${m.edge} ${m.span}`);
const byNumber = (paragraphs: readonly Paragraph[], number: string) => paragraphs.find((p) => p.number === number) as Paragraph;

describe('the bracket-spans fixture', () => {
  const source = readFileSync(FIXTURE, 'utf8');
  const result = importText(source, { file: FIXTURE, title: 'Forum on response measures' });
  const { paragraphs } = result.draft;

  it('keeps the bracket from the start of paragraph 3 to the end of paragraph 4 as one span, adding nothing', () => {
    const [three, four] = [byNumber(paragraphs, '3'), byNumber(paragraphs, '4')];
    expect(three.text).toBe('[Also requests the secretariat to organize, subject to the availability of financial resources, an in-forum workshop on economic diversification, and to prepare a technical paper on the work of the forum;');
    expect(marks(three)).toEqual(['opens 1']);
    expect(four.text).toBe('Invites Parties and observer organizations to submit their views on the workshop by [31 March] 2016, for consideration at the forty-fourth sessions of the subsidiary bodies;]');
    expect(marks(four)).toEqual(['closes 1']);
  });

  it('keeps the bracket from item (j) to after its sub-item (v) as one span over those items', () => {
    const five = byNumber(paragraphs, '5');
    expect(five.items.map((item) => [item.label, marks(item).join(', ')])).toEqual([
      ['(a)', ''],
      ['(b)', ''],
      ['(j)', 'opens 2'],
      ['(i)', 'inside 2'],
      ['(ii)', 'inside 2'],
      ['(iii)', 'inside 2'],
      ['(iv)', 'inside 2'],
      ['(v)', 'closes 2'],
    ]);
    expect(five.items[2]?.text).toBe('[Assessment and analysis of impacts, including:');
    expect(five.items[7]?.text).toBe('capacity-building for the use of such tools;]');
    expect(marks(five)).toEqual([]);
  });

  it('repairs the bracket never closed in paragraph 6 as before (a heading follows), with its warning; each span is a warning naming both lines', () => {
    expect(byNumber(paragraphs, '6').text).toBe('[Decides to review the work of the forum at its twenty-second session, with a view to adopting a decision on its continuation;]');
    expect(marks(byNumber(paragraphs, '6'))).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.line, w.column, w.message])).toEqual([
      ['BRACKET_SPANS_UNITS', 9, 4, '"[" in paragraph 3 closes in paragraph 4, at line 11, column 177: kept as one bracket over them (bracket span 1), nothing added'],
      ['BRACKET_SPANS_UNITS', 16, 5, '"[" in item (j) of paragraph 5 closes in item (v) of paragraph 5, at line 21, column 49: kept as one bracket over them (bracket span 2), nothing added'],
      ['UNCLOSED_BRACKET', 23, 4, '"[" is never closed in paragraph 6; closed at its end'],
    ]);
  });

  it('exports each "[" and "]" where the source had it, and reads the export back to the same draft, byte for byte', () => {
    const exported = renderText(result.draft);
    // The lines of the spans, as the source printed them.
    for (const line of source.split('\n').slice(8, 21)) {
      const words = line.replace(/^(\d+\.|\([a-z]+\))\s*/u, '');
      if (words !== '') expect(exported).toContain(words);
    }
    const again = importText(exported, { file: '/in/export.txt', title: 'Forum on response measures' });
    expect(again.draft.paragraphs).toEqual(paragraphs);
    expect(renderText(again.draft)).toBe(exported);
    // The same brackets, in the same order: none added, none lost, but the one repair of paragraph 6.
    const brackets = (text: string) => text.replace(/[^[\]]/gu, '');
    expect(brackets(exported)).toBe(`${brackets(source)}]`);
  });
});

describe('which brackets span texts', () => {
  it('spans from a paragraph\'s text to one of its items, and from an item to the next paragraph\'s text', () => {
    const { draft, warnings } = read('1. [The objectives of this Chapter are:\na) one;\nb) two.]\n\n2. Parties:\na) [shall act\n3. by 2030.] Then more.\n');
    const [one, two, three] = draft.paragraphs;
    expect([marks(one), ...(one?.items ?? []).map(marks)]).toEqual([['opens 1'], ['inside 1'], ['closes 1']]);
    expect([marks(two), ...(two?.items ?? []).map(marks)]).toEqual([[], ['opens 2']]);
    expect(marks(three)).toEqual(['closes 2']);
    expect(warnings.map((w) => w.code)).toEqual(['BRACKET_SPANS_UNITS', 'BRACKET_SPANS_UNITS']);
  });

  it('nests spans as brackets nest, numbering them in the order they open', () => {
    const { draft } = read('1. [Outer starts [inner starts\n2. inner ends] outer goes on\n3. outer ends.]\n');
    expect(draft.paragraphs.map(marks)).toEqual([['opens 1', 'opens 2'], ['inside 1', 'closes 2'], ['closes 1']]);
    expect(draft.paragraphs[1]?.text).toBe('inner ends] outer goes on');
  });

  it('never reaches past a heading, an option block, a paragraph bracketed as a whole or agreed text: those "[" and "]" are repaired', () => {
    const cases = [
      '1. Keep [this\n\nII. Next part\n\n2. and that] too\n',
      '1. Keep [this\nOption 1: Words.\nOption 2: Other words.\n2. and that] too\n',
      '1. Keep [this\n[2. Whole paragraph.]\n3. and that] too\n',
      '1. Keep [this\n2. Agreed words. (Agreed)\n3. and that] too\n',
    ];
    for (const text of cases) {
      const { draft, warnings } = read(text);
      expect(draft.paragraphs.every((p) => p.spans === undefined && p.items.every((i) => i.spans === undefined))).toBe(true);
      expect(warnings.map((w) => w.code)).toEqual(['UNCLOSED_BRACKET', 'UNEXPECTED_CLOSING_BRACKET']);
    }
  });

  it('repairs a stray "]" after a span\'s "]" just after it, and an unclosed "[" before a span\'s "[" just before it', () => {
    const { draft, warnings } = read('1. [a starts\n2. a ends] b] c [d [e starts\n3. e ends]\n');
    expect(draft.paragraphs.map((p) => p.text)).toEqual(['[a starts', 'a ends] [b] c [d] [e starts', 'e ends]']);
    expect(draft.paragraphs.map(marks)).toEqual([['opens 1'], ['closes 1', 'opens 2'], ['closes 2']]);
    expect(warnings.filter((w) => w.code !== 'BRACKET_SPANS_UNITS').map((w) => w.message)).toEqual([
      '"]" has no opening bracket in paragraph 2; opened after the "]" of the bracket span that closes before it',
      '"[" is never closed in paragraph 2; closed before the "[" of the bracket span that opens after it',
    ]);
  });

  it('makes no empty bracket of a stray "]" right after a span\'s: it is opened at the start, as ever', () => {
    const { draft } = read('1. [NZ propose: Each Party may act.\n2. Each Party may also act.]]\n');
    expect(draft.paragraphs.map((p) => p.text)).toEqual(['[NZ propose: Each Party may act.', '[Each Party may also act.]]']);
    expect(draft.paragraphs.map(marks)).toEqual([['opens 1'], ['closes 1']]);
  });

  it('does not flag a slash inside a span as an unbracketed choice', () => {
    const { warnings } = read('1. [NZ/CL propose; US/JP oppose: The objectives are:\na) one.]\n');
    expect(warnings.map((w) => w.code)).toEqual(['BRACKET_SPANS_UNITS']);
  });

  it('spans nothing past the nesting limit: those brackets are repaired, and the import refuses them as ever', () => {
    setInputLimits({ depth: 3 });
    try {
      const { draft, warnings } = read(`1. ${'['.repeat(4)}words\n2. more${']'.repeat(4)}\n`);
      expect(draft.paragraphs.every((p) => p.spans === undefined)).toBe(true);
      expect(warnings.map((w) => w.code)).toContain('NESTING_TOO_DEEP');
    } finally {
      setInputLimits();
    }
  });

  it('matches 5,000 paragraphs of spans in one pass', () => {
    const lines: string[] = [];
    for (let n = 1; n <= 5000; n += 2) lines.push(`${n}. Parties [shall consider further steps`, `${n + 1}. to be taken by 2030.] Agreed words.`);
    const started = Date.now();
    const { draft, warnings } = read(`${lines.join('\n')}\n`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(draft.paragraphs[4999]?.spans).toEqual([{ span: 2500, edge: 'closes' }]);
    expect(warnings).toHaveLength(2500);
  });
});
