import { describe, expect, it } from 'vitest';
import { draftAtRevision } from '../../src/history/revision.js';
import type { Draft, HistoryEntry, Paragraph } from '../../src/model/schemas.js';
import { failure } from '../helpers/sandbox.js';

const p = (number: string, text: string): Paragraph => ({ address: number, number, status: 'open', bracketed: false, text, items: [], alternatives: [] });
const entry = (id: string, author: string, number: string, before: string, after: string): HistoryEntry => ({
  id,
  time: `2026-01-0${id.slice(-1)}T10:00:00.000Z`,
  author,
  command: 'accept',
  changes: [{ paragraph: number, before: p(number, before), after: p(number, after) }],
});

describe('draftAtRevision', () => {
  const draft: Draft = { meta: { title: 'T', sections: [{ paragraphs: ['1', '2'] }] }, paragraphs: [p('1', 'one v3'), p('2', 'two v2')] };
  const entries = [
    entry('20260101T100000000Z-0001', 'Ann', '1', 'one v1', 'one v2'),
    entry('20260102T100000000Z-0002', 'Bob', '2', 'two v1', 'two v2'),
    entry('20260103T100000000Z-0003', 'Cy', '1', 'one v2', 'one v3'),
  ];

  it('"import" is the text before the first recorded change, with the last author of each paragraph', () => {
    const { baseline, changedBy } = draftAtRevision(draft, entries, 'import');
    expect(baseline.get('1')?.text).toBe('one v1');
    expect(baseline.get('2')?.text).toBe('two v1');
    expect(changedBy.get('1')).toEqual({ author: 'Cy', date: '2026-01-03T10:00:00.000Z' });
  });

  it('an id (or its unique start) is the text just after that change', () => {
    const { baseline, changedBy } = draftAtRevision(draft, entries, '20260102');
    expect(baseline.get('1')?.text).toBe('one v2');
    expect(baseline.get('2')?.text).toBe('two v2');
    expect(changedBy.has('2')).toBe(false);
  });

  it('refuses an unknown or ambiguous revision', () => {
    expect(failure(() => draftAtRevision(draft, entries, 'nope')).message).toMatch(/^no change "nope" in the history/);
    expect(failure(() => draftAtRevision(draft, entries, '2026')).message).toBe('"2026" starts 3 history ids; give more of it');
  });
});
