import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { undoFinder, undoTarget, undoTargetNewestFirst } from '../../src/history/undo-target.js';
import type { HistoryEntry, Paragraph } from '../../src/model/schemas.js';

const para = (status: Paragraph['status']): Paragraph => ({ address: '61', number: '61', status, bracketed: false, text: 'x', items: [], alternatives: [] });

let n = 0;
function change(command: string): HistoryEntry {
  n++;
  return {
    id: `2026010${Math.ceil(n / 9)}T00000000${n % 10}Z-${n.toString(16).padStart(4, '0')}`,
    time: '2026-01-01T00:00:00.000Z',
    author: 'Chair',
    command,
    changes: [{ paragraph: '61', before: para('open'), after: para('agreed') }],
  };
}

function undo(target: HistoryEntry): HistoryEntry {
  return { ...change('undo'), undoes: target.id, changes: [{ paragraph: '61', before: para('agreed'), after: para('open') }] };
}

describe('undoTarget', () => {
  it('is nothing when there is no history', () => {
    expect(undoTarget([])).toBeUndefined();
  });

  it('is the newest change', () => {
    const a = change('accept 61 "Alt 3"');
    const b = change('agree 61');
    expect(undoTarget([a, b])).toBe(b);
  });

  it('undo twice reverts the last two changes, newest first', () => {
    const a = change('accept 61 "Alt 3"');
    const b = change('accept 61 --keep-paragraph');
    const c = change('agree 61');
    const history = [a, b, c];
    const first = undoTarget(history);
    expect(first).toBe(c);
    history.push(undo(c));
    const second = undoTarget(history);
    expect(second).toBe(b);
    history.push(undo(b));
    expect(undoTarget(history)).toBe(a);
    history.push(undo(a));
    expect(undoTarget(history)).toBeUndefined();
  });

  it('skips undo entries: an undo is not undone by undo', () => {
    const a = change('agree 61');
    expect(undoTarget([a, undo(a)])).toBeUndefined();
  });

  it('takes a change made after an undo', () => {
    const a = change('accept 61 "Alt 3"');
    const b = change('agree 61');
    const c = change('restore 61 "Alt 1"');
    expect(undoTarget([a, b, undo(b), c])).toBe(c);
    expect(undoTarget([a, b, undo(b), c, undo(c)])).toBe(a);
  });

  it('skips an undone change wherever its undo stands', () => {
    const a = change('a');
    const b = change('b');
    const c = change('c');
    expect(undoTarget([a, b, c, undo(b)])).toBe(c);
    expect(undoTarget([a, b, c, undo(c), undo(b)])).toBe(a);
  });
});

describe('undoTargetNewestFirst', () => {
  async function* newestFirst(history: readonly HistoryEntry[], readable = history.length): AsyncGenerator<HistoryEntry> {
    for (let i = history.length - 1; i >= 0; i--) {
      if (history.length - i > readable) throw new Error(`read entry ${i}, older than needed`);
      yield history[i] as HistoryEntry;
    }
  }

  it('finds what undoTarget finds, for any run of changes and undos', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { maxLength: 20 }), async (steps) => {
        const history: HistoryEntry[] = [];
        for (const isUndo of steps) {
          const target = isUndo ? undoTarget(history) : undefined;
          history.push(target ? undo(target) : change('agree 61'));
        }
        expect(await undoTargetNewestFirst(newestFirst(history))).toBe(undoTarget(history));
      }),
      { numRuns: 200 },
    );
  });

  it('reads no entry older than the target', async () => {
    const a = change('accept 61 "Alt 3"');
    const b = change('agree 61');
    const c = change('restore 61 "Alt 1"');
    expect(await undoTargetNewestFirst(newestFirst([a, b, c, undo(c)], 3))).toBe(b);
  });
});

describe('undoFinder: the same target, from the newest entry back', () => {
  it('agrees with undoTarget on every prefix of a history of changes and undos, and stops at the target', () => {
    const a = change('accept 61 "Alt 3"');
    const b = change('agree 61');
    const c = change('reopen 61');
    const d = change('note 61');
    const histories = [[a, b, undo(b), c, undo(c), d], [a, b, c, undo(c), undo(b)], [a, undo(a)], [a, b, c, d, undo(d), undo(c), undo(b)]];
    for (const history of histories) {
      for (let k = 0; k <= history.length; k++) {
        const prefix = history.slice(0, k);
        const find = undoFinder();
        let read = 0;
        let found: HistoryEntry | undefined;
        for (const entry of [...prefix].reverse()) {
          read++;
          found = find(entry);
          if (found) break;
        }
        expect(found).toBe(undoTarget(prefix));
        // Never further back than the target.
        if (found) expect(read).toBe(prefix.length - prefix.indexOf(found));
      }
    }
  });
});
