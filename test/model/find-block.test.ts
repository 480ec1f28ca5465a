import { describe, expect, it } from 'vitest';
import { findParagraph } from '../../src/model/find-paragraph.js';
import { namedBlock } from '../../src/model/find-block.js';
import { blockPlaces, liveOptions, openBlocks } from '../../src/model/option-blocks.js';
import { blockDraft } from '../helpers/block-draft.js';

const draft = blockDraft();
const sections = draft.meta.sections;
const name = (ref: string, label?: string) => {
  let paragraph;
  try {
    paragraph = findParagraph(draft, ref);
  } catch {
    paragraph = undefined;
  }
  return namedBlock(sections, ref, paragraph, label)?.place.block.block;
};

describe('naming an option block', () => {
  it('by its printed number', () => {
    expect(name('2')).toBe('Paragraph 2');
    expect(name('2.')).toBe('Paragraph 2');
  });

  it('by the address of any paragraph inside it: the innermost block holding it', () => {
    expect(name('2-opt1-2.2')).toBe('Paragraph 2');
    expect(name('2-opt2-a')).toBe('Options (a)/(b)');
  });

  it('through a nested paragraph, the nearest block that has the label asked for', () => {
    expect(name('2-opt2-a', 'Option (b)')).toBe('Options (a)/(b)');
    expect(name('2-opt2-a', 'option 3')).toBe('Paragraph 2');
  });

  it('a paragraph outside any block names none', () => {
    expect(name('3')).toBeUndefined();
    expect(name('1')).toBeUndefined();
  });
});

describe('live and open blocks', () => {
  it('an option with words of its own stays live; an accepted block has its choice alone live', () => {
    const [outer] = blockPlaces(sections);
    if (!outer) throw new Error('no block');
    expect(liveOptions(outer.block, () => false).map((o) => o.label)).toEqual(['Option 3']);
    expect(liveOptions({ ...outer.block, accepted: 'Option 2' }, () => true).map((o) => o.label)).toEqual(['Option 2']);
  });

  it('counts a nested block only while the option holding it is live', () => {
    const entries = sections[0]?.paragraphs ?? [];
    expect(openBlocks(entries, () => true).map((b) => b.block)).toEqual(['Paragraph 2', 'Options (a)/(b)']);
    const accepted = entries.map((e) => (typeof e === 'string' ? e : { ...e, accepted: 'Option 1' }));
    expect(openBlocks(accepted, () => true)).toEqual([]);
  });
});
