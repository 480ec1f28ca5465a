import { describe, expect, it } from 'vitest';
import { blockPlaces, openBlocks } from '../../src/model/option-blocks.js';
import { acceptOption } from '../../src/resolve/accept-option.js';
import { failure } from '../helpers/sandbox.js';
import { blockDraft } from '../helpers/block-draft.js';

const OUTER = 0;
const NESTED = 1;

describe('acceptOption', () => {
  it('records the choice on the block and deletes every paragraph of the other options, nested ones too, text kept', () => {
    const draft = blockDraft();
    const change = acceptOption(draft, OUTER, 'option 1');
    expect(blockPlaces(change.meta?.sections ?? [])[OUTER]?.block.accepted).toBe('Option 1');
    expect(change.paragraphs.map((p) => [p.before.address, p.after.status])).toEqual([
      ['2-opt2-2.1', 'deleted'],
      ['2-opt2-a', 'deleted'],
      ['2-opt2-b', 'deleted'],
    ]);
    expect(change.paragraphs.every((p) => p.after.text === p.before.text)).toBe(true);
    expect(change.summary).toBe(
      'accepted "Option 1" of block "Paragraph 2", dropping "Option 2", "Option 3": deleted 3 paragraphs 2.1 (2-opt2-2.1), 2-opt2-a, 2-opt2-b (their text is kept)',
    );
    // Pure: the draft given is untouched.
    expect(blockPlaces(draft.meta.sections)[OUTER]?.block.accepted).toBeUndefined();
  });

  it('accepts an option that holds only words ("No text"): every paragraph of the block goes', () => {
    const change = acceptOption(blockDraft(), OUTER, 'Option3');
    expect(change.paragraphs.map((p) => p.before.address)).toEqual(['2-opt1-2.1', '2-opt1-2.2', '2-opt2-2.1', '2-opt2-a', '2-opt2-b']);
  });

  it('accepts an option of a nested block, leaving the outer block open', () => {
    const draft = blockDraft();
    const change = acceptOption(draft, NESTED, 'Option (b)');
    expect(change.paragraphs.map((p) => p.before.address)).toEqual(['2-opt2-a']);
    const after = { ...draft, meta: change.meta ?? draft.meta };
    const deleted = new Set(change.paragraphs.map((p) => p.before.address));
    const open = after.meta.sections.flatMap((s) => openBlocks(s.paragraphs, (a) => !deleted.has(a)));
    expect(open.map((b) => b.block)).toEqual(['Paragraph 2']);
  });

  it('refuses an unknown label, listing the options', () => {
    expect(failure(() => acceptOption(blockDraft(), OUTER, 'Option 4')).message).toBe(
      'block "Paragraph 2" has no option "Option 4"; its options are "Option 1", "Option 2", "Option 3"',
    );
  });

  it('refuses a block already settled', () => {
    const draft = blockDraft();
    const settled = { ...draft, meta: acceptOption(draft, OUTER, 'Option 1').meta ?? draft.meta };
    expect(failure(() => acceptOption(settled, OUTER, 'Option 2')).message).toMatch(/^block "Paragraph 2" is settled already: "Option 1" was accepted/);
  });

  it('refuses to drop an agreed paragraph, naming it', () => {
    const draft = blockDraft();
    const agreed = draft.paragraphs.find((p) => p.address === '2-opt2-2.1');
    if (agreed) agreed.status = 'agreed';
    expect(failure(() => acceptOption(draft, OUTER, 'Option 1')).message).toBe(
      'cannot drop the other options of block "Paragraph 2": paragraph 2.1 (2-opt2-2.1) is agreed; reopen it first',
    );
  });
});
