import { describe, expect, it } from 'vitest';
import { describeSpot, insertAddress, locateAddress, moveAddress, removeAddress } from '../../src/edit/outline-place.js';
import { outlineAddresses } from '../../src/model/outline.js';
import type { DraftMeta } from '../../src/model/schemas.js';
import { blockDraft } from '../helpers/block-draft.js';
import { failure } from '../helpers/sandbox.js';

const meta = (): DraftMeta => ({
  title: 'T',
  sections: [
    { number: '1', paragraphs: ['1', '2', '3'] },
    { number: '2', paragraphs: [], subsections: [{ number: '2a', title: 'Sub', paragraphs: ['4', '5'] }] },
  ],
});

describe('insertAddress', () => {
  it('puts a paragraph after or before another, or first or last in a section', () => {
    expect(outlineAddresses(insertAddress(meta(), '2bis', { after: '2' }).sections)).toEqual(['1', '2', '2bis', '3', '4', '5']);
    expect(outlineAddresses(insertAddress(meta(), '0', { before: '1' }).sections)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(outlineAddresses(insertAddress(meta(), '6', { section: '2a' }).sections)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(outlineAddresses(insertAddress(meta(), '3bis', { section: '2A)', first: true }).sections)).toEqual(['1', '2', '3', '3bis', '4', '5']);
    expect(insertAddress(meta(), 'x', { section: '2' }).sections[1]?.paragraphs).toEqual(['x']);
  });

  it('leaves the outline it was given as it was', () => {
    const original = meta();
    insertAddress(original, '2bis', { after: '2' });
    expect(original).toEqual(meta());
  });

  it('joins the option of a block when the paragraph before stands in one', () => {
    const next = insertAddress(blockDraft().meta, '2-opt1-2.1bis', { after: '2-opt1-2.1' });
    expect(locateAddress(next.sections, '2-opt1-2.1bis')?.block?.block).toBe('Paragraph 2');
    expect(describeSpot(next.sections, '2-opt1-2.1bis')).toBe('after 2-opt1-2.1 in section I (option block "Paragraph 2")');
  });

  it('refuses an unknown paragraph or section, naming the sections there are', () => {
    expect(failure(() => insertAddress(meta(), 'x', { after: '9' })).message).toBe('paragraph 9 is not in the outline');
    expect(failure(() => insertAddress(meta(), 'x', { section: '3' })).message).toBe('no section 3 in this draft; its sections are 1, 2, 2a');
  });
});

describe('moveAddress', () => {
  it('moves within a section and across sections', () => {
    expect(outlineAddresses(moveAddress(meta(), '1', { after: '3' }).sections)).toEqual(['2', '3', '1', '4', '5']);
    const across = moveAddress(meta(), '5', { section: '1', first: true });
    expect(across.sections[0]?.paragraphs).toEqual(['5', '1', '2', '3']);
    expect(across.sections[1]?.subsections?.[0]?.paragraphs).toEqual(['4']);
    expect(describeSpot(across.sections, '5')).toBe('first in section 1');
  });

  it('refuses to move a paragraph next to itself, or into or out of an option block', () => {
    expect(failure(() => moveAddress(meta(), '2', { after: '2' })).message).toBe('paragraph 2 cannot be moved next to itself');
    const blocks = blockDraft().meta;
    expect(failure(() => moveAddress(blocks, '1', { after: '2-opt1-2.1' })).message).toMatch(/^paragraph 1 would move into option block "Paragraph 2"/);
    expect(failure(() => moveAddress(blocks, '2-opt1-2.2', { after: '1' })).message).toMatch(/^paragraph 2-opt1-2.2 would move out of option block "Paragraph 2"/);
    expect(outlineAddresses(moveAddress(blocks, '2-opt1-2.1', { after: '2-opt1-2.2' }).sections).slice(1, 3)).toEqual(['2-opt1-2.2', '2-opt1-2.1']);
  });

  it('removeAddress takes a paragraph out', () => {
    expect(outlineAddresses(removeAddress(meta(), '4').sections)).toEqual(['1', '2', '3', '5']);
  });
});
