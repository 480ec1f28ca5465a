import { describe, expect, it } from 'vitest';
import { compareTimes, sortRevisions } from '../../src/revisions/revision-order.js';

describe('compareTimes', () => {
  it('orders the times ndraft writes as the collator does', () => {
    const times = ['2026-11-30T10:00:00.000Z', '2026-11-30T09:59:59.999Z', '2025-12-01T00:00:00.000Z', '2026-11-30T10:00:00.000Z', '2026-02-03T04:05:06Z', '2026-02-03T04:05:07Z'];
    for (const a of times) for (const b of times) expect(Math.sign(compareTimes(a, b)), `${a} ${b}`).toBe(Math.sign(a.localeCompare(b)));
  });

  it('leaves any other time (edited by hand) to the collator', () => {
    for (const [a, b] of [['2026-11-30T10:00:00Z', '2026-11-30T10:00:00.5Z'], ['2026-11-30 10:00', '2026-11-30T09:00:00Z'], ['yesterday', 'Today']]) {
      expect(compareTimes(a as string, b as string)).toBe((a as string).localeCompare(b as string));
    }
  });
});

describe('sortRevisions', () => {
  it('puts the oldest first, and two of the same time by name', () => {
    const revisions = [
      { name: 'Rev.2', time: '2026-11-30T10:00:00.000Z' },
      { name: 'import', time: '2026-11-01T08:00:00.000Z' },
      { name: 'Rev.1b', time: '2026-11-15T08:00:00.000Z' },
      { name: 'Rev.1a', time: '2026-11-15T08:00:00.000Z' },
    ] as Parameters<typeof sortRevisions>[0];
    expect(sortRevisions(revisions).map((r) => r.name)).toEqual(['import', 'Rev.1a', 'Rev.1b', 'Rev.2']);
  });
});
