import { describe, expect, it } from 'vitest';
import type { Paragraph, Section, SpanMark } from '../../src/model/schemas.js';
import { collectSpans, hasSpanMarks, nodesInSpans, spanEdgeProblem, spanEdges, spanExtent, spansOpenedIn, spanWords, type DraftSpan } from '../../src/model/spans.js';
import { parseNotation } from '../../src/notation/parse-notation.js';

const o = (span: number): SpanMark => ({ span, edge: 'opens' });
const c = (span: number): SpanMark => ({ span, edge: 'closes' });
const i = (span: number): SpanMark => ({ span, edge: 'inside' });

function para(address: string, text: string, spans: SpanMark[] = [], items: { label: string; text: string; spans?: SpanMark[] }[] = []): Paragraph {
  return {
    address,
    number: address,
    status: 'open',
    bracketed: false,
    text,
    ...(spans.length > 0 ? { spans } : {}),
    items: items.map((item) => ({ label: item.label, text: item.text, ...(item.spans ? { spans: item.spans } : {}) })),
    alternatives: [],
  };
}

function collect(sections: Section[], paragraphs: Paragraph[]) {
  const byAddress = new Map(paragraphs.map((p) => [p.address, p]));
  return collectSpans(
    sections,
    (a) => hasSpanMarks(byAddress.get(a) as Paragraph),
    (a) => byAddress.get(a),
  );
}

const problems = (sections: Section[], paragraphs: Paragraph[]) => collect(sections, paragraphs).problems.map((p) => [p.paragraph.address, p.path.join('.'), p.code]);

describe('collectSpans: the spans of a draft, read from the marks in reading order', () => {
  const three = para('3', 'Also [requests the secretariat;', [o(1)]);
  const four = para('4', 'Invites Parties;', [i(1)]);
  const five = para('5', 'by 2030.] Then:', [c(1)], [
    { label: '(j)', text: '[Assessment of impacts, including:', spans: [o(2)] },
    { label: '(i)', text: 'modelling;', spans: [i(2)] },
    { label: '(v)', text: 'tools;]', spans: [c(2)] },
  ]);

  it('finds each span with every text it covers, and says what it covers', () => {
    const { spans, problems: found } = collect([{ paragraphs: ['3', '4', '5'] }], [three, four, five]);
    expect(found).toEqual([]);
    expect(spans.map((s) => [s.span, s.units.map((u) => `${u.unit.paragraph.address}${u.unit.itemIndex === undefined ? '' : `#${u.unit.itemIndex}`}:${u.edge}`)])).toEqual([
      [1, ['3:opens', '4:inside', '5:closes']],
      [2, ['5#0:opens', '5#1:inside', '5#2:closes']],
    ]);
    expect(spans.map((s) => spanExtent(s))).toEqual(['paragraphs 3 to 5', 'paragraph 5, items (j) to (v)']);
    expect(spanWords(spans[0] as DraftSpan)).toBe('requests the secretariat; Invites Parties; by 2030.');
  });

  it('names the other shapes of span readably', () => {
    const span = (units: DraftSpan['units']): DraftSpan => ({ span: 1, units });
    const p = para('3', 't', [], [{ label: 'a)', text: 'x' }, { label: 'f.', text: 'y' }]);
    const q = para('4', 'u');
    expect(spanExtent(span([{ unit: { paragraph: p, marks: [] }, edge: 'opens' }, { unit: { paragraph: q, marks: [] }, edge: 'closes' }]))).toBe('paragraphs 3–4');
    expect(spanExtent(span([{ unit: { paragraph: p, marks: [] }, edge: 'opens' }, { unit: { paragraph: p, itemIndex: 1, marks: [] }, edge: 'closes' }]))).toBe('paragraph 3, from its text to item f.');
    expect(spanExtent(span([{ unit: { paragraph: p, itemIndex: 0, marks: [] }, edge: 'opens' }, { unit: { paragraph: q, marks: [] }, edge: 'closes' }]))).toBe('item a) of paragraph 3 to paragraph 4');
  });

  it('reports a span opened and never closed, at its mark', () => {
    expect(problems([{ paragraphs: ['3', '4'] }], [three, para('4', 'Invites Parties.', [i(1)])])).toEqual([['3', 'spans.0', 'SPAN_NOT_CLOSED']]);
  });

  it('ends a span at a heading or an option block: it cannot close past one', () => {
    const closes = para('4', 'by 2030.]', [c(1)]);
    expect(problems([{ paragraphs: ['3'] }, { title: 'Next', paragraphs: ['4'] }], [three, closes])).toEqual([
      ['3', 'spans.0', 'SPAN_NOT_CLOSED'],
      ['4', 'spans.0', 'SPAN_NOT_OPEN'],
    ]);
    const block = { block: 'Options', options: [{ label: 'Option 1', paragraphs: ['x'] }] };
    expect(problems([{ paragraphs: ['3', block, '4'] }], [three, closes, para('x', 'Words.')]).map((p) => p[2])).toEqual(['SPAN_NOT_CLOSED', 'SPAN_NOT_OPEN']);
  });

  it('reports a span closed in a text before the one it opens in', () => {
    const found = collect([{ paragraphs: ['1', '2'] }], [para('1', 'x] y', [c(1)]), para('2', 'z [w', [o(1)])]).problems;
    expect(found.map((p) => [p.paragraph.address, p.code])).toEqual([
      ['1', 'SPAN_NOT_OPEN'],
      ['2', 'SPAN_NOT_CLOSED'],
    ]);
    expect(found[0]?.message).toBe('paragraph 1 says it closes bracket span 1, but that span is not open there: no text before it opens it (a span opens where its "[" stands, marked "opens")');
  });

  it('reports spans that overlap: the first "]" must close the span opened last', () => {
    const found = collect([{ paragraphs: ['1', '2'] }], [para('1', '[a [b', [o(1), o(2)]), para('2', 'c] d]', [c(1), c(2)])]).problems;
    expect(found.map((p) => [p.paragraph.address, p.path.join('.'), p.code])).toEqual([
      ['2', 'spans', 'SPAN_OVERLAP'],
      ['2', 'spans', 'SPAN_OVERLAP'],
    ]);
  });

  it('reports a text inside an open span that does not say so, once, and the number of a span opened twice', () => {
    expect(problems([{ paragraphs: ['3', '4', '5'] }], [three, para('4', 'Invites Parties;'), para('5', 'by 2030.]', [c(1)])])).toEqual([['3', 'spans.0', 'SPAN_NOT_CLOSED']]);
    expect(problems([{ paragraphs: ['1', '2', '3', '4'] }], [para('1', '[a', [o(1)]), para('2', 'b]', [c(1)]), para('3', '[c', [o(1)]), para('4', 'd]', [c(1)])])).toEqual([['3', 'spans.0', 'SPAN_NUMBER_TAKEN']]);
    expect(problems([{ paragraphs: ['1', '2'] }], [para('1', '[a', [o(1), o(1)]), para('2', 'b]', [c(1)])]).map((p) => p[2])).toContain('SPAN_LISTED_TWICE');
  });

  it('reads only the paragraphs that have marks, unless a span is open', () => {
    const read: string[] = [];
    const paragraphs = [para('1', 'plain'), three, four, five, para('6', 'plain')];
    const byAddress = new Map(paragraphs.map((p) => [p.address, p]));
    collectSpans(
      [{ paragraphs: paragraphs.map((p) => p.address) }],
      (a) => hasSpanMarks(byAddress.get(a) as Paragraph),
      (a) => {
        read.push(a);
        return byAddress.get(a);
      },
    );
    expect(read).toEqual(['3', '4', '5']);
  });
});

describe('span helpers', () => {
  it('give the parser the edges of a text, and count a span once where it opens', () => {
    expect(spanEdges([i(1), c(2), o(3)])).toEqual({ closes: [2], opens: [3] });
    expect(spanEdges([i(1)])).toBeUndefined();
    expect(spansOpenedIn(para('1', '[a', [o(1)], [{ label: 'a)', text: '[b', spans: [i(1), o(2)] }]))).toBe(2);
  });

  it('tell which nodes stand inside a span', () => {
    const parsed = parseNotation('a] b [c', { closes: [1], opens: [2] });
    if (!parsed.ok) throw new Error('no parse');
    expect(nodesInSpans(parsed.tree.children, [c(1), o(2)]).map((n) => [n.node.type, n.inSpan])).toEqual([
      ['text', true],
      ['spanClose', true],
      ['text', false],
      ['spanOpen', true],
      ['text', true],
    ]);
  });

  it('refuse a rewording that would take a span\'s bracket away, not one of a text wholly inside', () => {
    expect(spanEdgeProblem([o(2)], 'the text of paragraph 3', '3')).toBe('the "[" of bracket span 2 stands in the text of paragraph 3; settle the span first ("ndraft accept 3 --span 2 --keep" or "--drop")');
    expect(spanEdgeProblem([i(2)], 'the text of paragraph 3', '3')).toBeUndefined();
  });
});
