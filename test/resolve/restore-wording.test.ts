import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Paragraph } from '../../src/model/schemas.js';
import { acceptAlternative } from '../../src/resolve/accept-alternative.js';
import { droppedWordings, restoreWording } from '../../src/resolve/restore-wording.js';
import { resolveBracket } from '../../src/resolve/resolve-bracket.js';
import { recordPosition } from '../../src/resolve/positions.js';
import { failure } from '../helpers/sandbox.js';
import { bundled, historyEntry, leavesInputAlone, paragraph } from './paragraphs.js';

/** Applies a change to `p` and records it, as a command would. */
function change(history: HistoryEntry[], command: string, p: Paragraph, fn: (p: Paragraph) => { paragraph: Paragraph }): Paragraph {
  const after = fn(p).paragraph;
  history.push(historyEntry(command, p, after));
  return after;
}

describe('droppedWordings', () => {
  it('lists what "accept 61 Alt 3" took out: every alternative, then the former text', () => {
    const history: HistoryEntry[] = [];
    change(history, 'accept 61 "Alt 3"', bundled('61'), (p) => acceptAlternative(p, 'Alt 3'));
    expect(droppedWordings('61', history).map((d) => [d.label, d.item])).toEqual([
      ['Alt 1', undefined],
      ['Alt 2', undefined],
      ['Alt 3', undefined],
      ['text', undefined],
    ]);
    expect(droppedWordings('61', history).at(-1)?.text).toBe(bundled('61').text);
    expect(droppedWordings('56', history)).toEqual([]);
  });

  it('lists newest first, and the item of item wordings', () => {
    const history: HistoryEntry[] = [];
    const p56 = change(history, 'accept 56 --bracket 1 --option 2', bundled('56'), (p) => resolveBracket(p, 1, { kind: 'option', option: 2 }));
    change(history, 'accept 56 --bracket 1 --drop', paragraph({ number: '56', text: 'We [x] agree' }), (p) => resolveBracket(p, 1, { kind: 'drop' }));
    change(history, 'accept 71 "Alt 71g2"', bundled('71'), (p) => acceptAlternative(p, 'Alt 71g2'));
    expect(p56.text).toContain('technical development');
    expect(droppedWordings('56', history).map((d) => [d.label, d.text, d.entry.command])).toEqual([
      ['text', 'We [x] agree', 'accept 56 --bracket 1 --drop'],
      ['text', bundled('56').text, 'accept 56 --bracket 1 --option 2'],
    ]);
    expect(droppedWordings('71', history).map((d) => [d.label, d.item])).toEqual([
      ['Alt 71g1', 'f)'],
      ['Alt 71g2', 'f)'],
      ['item f) text', 'f)'],
    ]);
  });
});

describe('restoreWording', () => {
  const acceptedAlt3 = (): { after: Paragraph; history: HistoryEntry[] } => {
    const history: HistoryEntry[] = [];
    const after = change(history, 'accept 61 "Alt 3"', bundled('61'), (p) => acceptAlternative(p, 'Alt 3'));
    return { after, history };
  };

  it('brings "Alt 1" of 61 back as an alternative of the paragraph', () => {
    const { after, history } = acceptedAlt3();
    const { paragraph: restored, summary } = leavesInputAlone(after, (p) => restoreWording(p, 'Alt 1', history));
    expect(restored).toEqual({ ...after, alternatives: [bundled('61').alternatives[0]] });
    expect(summary).toBe(`restored "Alt 1" as alternative "Alt 1" of paragraph 61 (dropped on ${history[0]?.time.slice(0, 10)} by: accept 61 "Alt 3")`);
  });

  it('matches the label whatever its case and spacing, and keeps the positions recorded on it', () => {
    const history: HistoryEntry[] = [];
    const supported = change(history, 'support 61 "Alt 1" --by G77', bundled('61'), (p) => recordPosition(p, 'Alt 1', 'G77', 'support'));
    const after = change(history, 'accept 61 "Alt 3"', supported, (p) => acceptAlternative(p, 'Alt 3'));
    expect(restoreWording(after, 'ALT  1', history).paragraph.alternatives).toEqual([{ ...bundled('61').alternatives[0], supportedBy: ['G77'] }]);
  });

  it('brings an item alternative back into its item', () => {
    const history: HistoryEntry[] = [];
    const after = change(history, 'accept 71 "Alt 71g2"', bundled('71'), (p) => acceptAlternative(p, 'Alt 71g2'));
    const { paragraph: restored, summary } = restoreWording(after, 'Alt 71g1', history);
    expect(restored.items[5]?.alternatives).toEqual([bundled('71').items[5]?.alternatives?.[0]]);
    expect(restored.alternatives).toEqual([]);
    expect(summary).toMatch(/^restored "Alt 71g1" as alternative "Alt 71g1" of item f\) of paragraph 71 \(dropped on \d{4}-\d\d-\d\d by: accept 71 "Alt 71g2"\)$/);
  });

  it('brings the former text of an item back into the item as "Former item f) text"', () => {
    const history: HistoryEntry[] = [];
    const after = change(history, 'accept 71 "Alt 71g2"', bundled('71'), (p) => acceptAlternative(p, 'Alt 71g2'));
    const { paragraph: restored } = restoreWording(after, 'item f) text', history);
    expect(restored.items[5]?.alternatives).toEqual([{ label: 'Former item f) text', text: bundled('71').items[5]?.text }]);
  });

  it('brings an item alternative back to the paragraph when its item is gone', () => {
    const history: HistoryEntry[] = [];
    const before = paragraph({ items: [{ label: 'a)', text: 'Item.', alternatives: [{ label: 'Alt a1', text: 'Other.' }] }] });
    const after = change(history, 'edit', before, (p) => ({ paragraph: { ...p, items: [] } }));
    const { paragraph: restored, summary } = restoreWording(after, 'Alt a1', history);
    expect(restored.alternatives).toEqual([{ label: 'Alt a1', text: 'Other.' }]);
    expect(summary).toMatch(/^restored "Alt a1" as alternative "Alt a1" of paragraph 9 /);
  });

  it('brings a replaced text back as "Former text"', () => {
    const { after, history } = acceptedAlt3();
    const { paragraph: restored, summary } = restoreWording(after, 'text', history);
    expect(restored.alternatives).toEqual([{ label: 'Former text', text: bundled('61').text }]);
    expect(summary).toMatch(/^restored "text" as alternative "Former text" of paragraph 61 /);
  });

  it('restores under another label with --as', () => {
    const { after, history } = acceptedAlt3();
    const { paragraph: restored, summary } = restoreWording(after, 'text', history, 'Chair 2005');
    expect(restored.alternatives).toEqual([{ label: 'Chair 2005', text: bundled('61').text }]);
    expect(summary).toMatch(/^restored "text" as alternative "Chair 2005" of paragraph 61 /);
    expect(restoreWording(after, 'Alt 2', history, 'Alt 2 (old)').paragraph.alternatives[0]?.label).toBe('Alt 2 (old)');
  });

  it('refuses a label that clashes with an alternative there, and points to --as', () => {
    const { after, history } = acceptedAlt3();
    const once = restoreWording(after, 'Alt 1', history).paragraph;
    // Alt 1 stands in the paragraph again, so history no longer offers it.
    const error = failure(() => restoreWording(once, 'alt 1', history));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('history holds no dropped wording "alt 1" of paragraph 61; it holds "Alt 2", "text"');
    expect(failure(() => restoreWording(once, 'Alt 2', history, 'alt 1')).message).toBe(
      'paragraph 61 already has an alternative "alt 1"; restore it under another name with --as',
    );
  });

  it('says what history holds when the label is not there', () => {
    const { after, history } = acceptedAlt3();
    const error = failure(() => restoreWording(after, 'Alt 9', history));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('history holds no dropped wording "Alt 9" of paragraph 61; it holds "Alt 1", "Alt 2", "text"'); // Alt 3 is the text now
  });

  it('says when there is nothing to restore', () => {
    expect(failure(() => restoreWording(bundled('61'), 'Alt 1', [])).message).toBe('history holds no dropped wording of paragraph 61');
    const history: HistoryEntry[] = [];
    change(history, 'accept 56 --bracket 1 --drop', bundled('56'), (p) => resolveBracket(p, 1, { kind: 'drop' }));
    expect(failure(() => restoreWording(bundled('61'), 'text', history)).message).toBe('history holds no dropped wording of paragraph 61');
  });

  it('restores the newest of two replaced texts', () => {
    const history: HistoryEntry[] = [];
    const once = change(history, 'first', paragraph({ text: 'One.' }), () => ({ paragraph: paragraph({ text: 'Two.' }) }));
    const twice = change(history, 'second', once, () => ({ paragraph: paragraph({ text: 'Three.' }) }));
    expect(restoreWording(twice, 'text', history).paragraph.alternatives).toEqual([{ label: 'Former text', text: 'Two.' }]);
  });
});
