import { describe, expect, it } from 'vitest';
import { describeOutlineChange } from '../../src/history/describe-outline-change.js';
import { entryTouches } from '../../src/history/entry-touches.js';
import { outlineDifferences } from '../../src/history/outline-differences.js';
import { addSection, renameSection } from '../../src/edit/edit-sections.js';
import { insertAddress, moveAddress } from '../../src/edit/outline-place.js';
import type { DraftMeta, HistoryEntry } from '../../src/model/schemas.js';

const meta: DraftMeta = {
  title: 'T',
  sections: [
    { number: '1', title: 'One', paragraphs: ['1', '2', '3'] },
    { number: '2', title: 'Two', paragraphs: ['4', '5'] },
  ],
};

describe('what an outline change did, in words', () => {
  it('names a paragraph added, and nothing else moved by it', () => {
    expect(outlineDifferences(meta.sections, insertAddress(meta, '2bis', { after: '2' }).sections)).toEqual(['2bis added after 2 in section 1']);
  });

  it('names the one paragraph moved, within a section or to another', () => {
    expect(outlineDifferences(meta.sections, moveAddress(meta, '1', { after: '3' }).sections)).toEqual(['1 moved to after 3 in section 1']);
    expect(outlineDifferences(meta.sections, moveAddress(meta, '4', { section: '1' }).sections)).toEqual(['4 moved to after 3 in section 1']);
    expect(outlineDifferences(meta.sections, moveAddress(meta, '3', { section: '2', first: true }).sections)).toEqual(['3 moved to first in section 2']);
  });

  it('names sections added and retitled, with the blocks as before', () => {
    const added = addSection(meta, { number: '1a', title: 'Sub', within: '1' });
    expect(added.summary).toBe('added section 1a "Sub" as the last subsection of section 1');
    expect(describeOutlineChange(meta, added.meta)).toBe('section 1a "Sub" added');
    expect(describeOutlineChange(meta, renameSection(meta, '2', 'Deux').meta)).toBe('section 2 retitled "Two" → "Deux"');
    expect(describeOutlineChange(meta, meta)).toBe('outline changed');
  });

  it('tells log which paragraphs a change to draft.yaml alone concerns', () => {
    const entry = (after: DraftMeta): HistoryEntry => ({ id: '20261130T060000000Z-abcd', time: '2026-11-30T06:00:00.000Z', author: 'A', command: 'move', changes: [], outline: { before: meta, after } });
    const moved = entry(moveAddress(meta, '1', { after: '3' }));
    expect(['1', '2', '3', '4'].filter((a) => entryTouches(moved, a))).toEqual(['1']);
    expect(['1', '2', '3'].filter((a) => entryTouches(entry(renameSection(meta, '1', 'Uno').meta), a))).toEqual([]);
  });
});
