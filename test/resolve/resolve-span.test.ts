import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/import-text.js';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { collectSpans, hasSpanMarks } from '../../src/model/spans.js';
import { resolveSpan } from '../../src/resolve/resolve-span.js';
import { failure } from '../helpers/sandbox.js';

function draftOf(text: string): Draft {
  return importText(text, { file: '/in/draft.txt', title: 'Test' }).draft;
}

function settle(draft: Draft, from: string, span: number, decision: 'keep' | 'drop') {
  const byAddress = new Map(draft.paragraphs.map((p) => [p.address, p]));
  const { spans } = collectSpans(draft.meta.sections, (a) => hasSpanMarks(byAddress.get(a) as Paragraph), (a) => byAddress.get(a));
  return resolveSpan(spans, byAddress.get(from) as Paragraph, span, decision);
}

const texts = (p: Paragraph) => [p.status, p.text, ...p.items.map((i) => `${i.label} ${i.text}`)];

describe('resolveSpan', () => {
  const text = '1. Parties shall [consider further\n2. steps to be taken by 2030.] Then more.\n';

  it('keeps a span: its brackets go from both texts, every word stays', () => {
    const change = settle(draftOf(text), '2', 1, 'keep');
    expect(change.paragraphs.map(({ after }) => [after.text, after.spans])).toEqual([
      ['Parties shall consider further', undefined],
      ['steps to be taken by 2030. Then more.', undefined],
    ]);
    expect(change.summary).toBe('kept bracket span 1 over paragraphs 1–2: its brackets went, its words stay (2 paragraphs changed)');
  });

  it('drops a span: the words before its "[" and after its "]" stay', () => {
    const change = settle(draftOf(text), '1', 1, 'drop');
    expect(change.paragraphs.map(({ after }) => texts(after))).toEqual([
      ['open', 'Parties shall'],
      ['open', 'Then more.'],
    ]);
    expect(change.summary).toBe('dropped bracket span 1 over paragraphs 1–2: 2 paragraphs reworded');
  });

  it('drops a span from a chapeau to an item: the items inside are removed, the item it closes in keeps its words after "]"', () => {
    const draft = draftOf('5. Decides [that:\na) one;\nb) two;] and three;\nc) four.\n');
    const change = settle(draft, '5', 1, 'drop');
    expect(texts(change.paragraphs[0]?.after as Paragraph)).toEqual(['open', 'Decides', 'b) and three;', 'c) four.']);
    expect(change.summary).toBe('dropped bracket span 1 over paragraph 5, from its text to item b): removed item a) of paragraph 5');
  });

  it('deletes a paragraph left with no words, its text kept without the span\'s brackets, and drops the spans inside it with it', () => {
    const draft = draftOf('1. [Outer [inner starts\n2. inner ends] outer goes on\n3. outer ends.] After.\n');
    const change = settle(draft, '2', 1, 'drop');
    expect(change.paragraphs.map(({ after }) => [after.status, after.text, after.spans])).toEqual([
      ['deleted', 'Outer inner starts', undefined],
      ['deleted', 'inner ends outer goes on', undefined],
      ['open', 'After.', undefined],
    ]);
    expect(change.summary).toBe('dropped bracket span 1 over paragraphs 1 to 3: deleted paragraphs 1, 2 (their text is kept)');
  });

  it('keeps an outer span when an inner one is dropped', () => {
    const draft = draftOf('1. [Outer [inner starts\n2. inner ends] outer goes on\n3. outer ends.]\n');
    const change = settle(draft, '1', 2, 'drop');
    expect(change.paragraphs.map(({ after }) => [after.text, after.spans])).toEqual([
      ['[Outer', [{ span: 1, edge: 'opens' }]],
      ['outer goes on', [{ span: 1, edge: 'inside' }]],
    ]);
  });

  it('refuses a span the paragraph is not in, and one that covers an agreed paragraph', () => {
    expect(failure(() => settle(draftOf(text), '1', 2, 'keep')).message).toBe('paragraph 1 is in no bracket span 2; it is in span 1 (see "ndraft show 1")');
    expect(failure(() => settle(draftOf('1. No spans here.\n'), '1', 1, 'keep')).message).toBe('paragraph 1 is in no bracket span');
    const draft = draftOf(text);
    (draft.paragraphs[1] as Paragraph).status = 'agreed';
    expect(failure(() => settle(draft, '1', 1, 'drop')).message).toBe('bracket span 1 covers agreed paragraph 2; reopen it first');
  });
});
