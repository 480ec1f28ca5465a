import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../src/compare/attribute-changes.js';
import type { AttributionMemo } from '../../src/compare/attribution-memo.js';
import type { TrackedParagraph } from '../../src/compare/tracked-changes.js';
import { exportInput } from '../../src/export/export-input.js';
import { draftSchema, paragraphSchema, type Paragraph } from '../../src/model/schemas.js';
import { escapeMarkdown } from '../../src/render/render-markdown.js';
import { rememberedTracked } from '../../src/render/remembered-tracked.js';
import { trackedParagraphMarkdown } from '../../src/render/tracked-markdown.js';

const p = (text: string, number = '61'): Paragraph => paragraphSchema.parse({ address: '61', number, status: 'open', bracketed: false, text });
const draft = { meta: draftSchema.parse({ title: 'T', sections: [{ number: '1', paragraphs: ['61'] }] }), paragraphs: [p('We [agree].')] };
const input = exportInput(draft, 'compilation');
const eu: Attribution = { author: 'Ana for EU', date: '2026-11-30T09:00:00.000Z', entry: 'e1' };
const unknown: Attribution = { author: 'unattributed', date: '2026-11-30T12:00:00.000Z' };
/** Reworded by EU, then by hand: the hand edit's step is the current paragraph, as `paragraphSteps` makes it. */
const fully = p('We agree fully.');
const tracked: TrackedParagraph = { base: p('We [agree].'), current: fully, steps: [{ paragraph: p('We agree.'), by: eu }, { paragraph: fully, by: unknown }] };

/** A memo in memory, counting how often the format had to lay a paragraph out. */
function memoAndRenders() {
  const entries = new Map<string, unknown>();
  const memo: AttributionMemo = { get: (key) => entries.get(key), set: (key, value) => entries.set(key, value) };
  let renders = 0;
  const render = (t: TrackedParagraph, by = unknown) => () => {
    renders++;
    return trackedParagraphMarkdown(t, input, by, escapeMarkdown);
  };
  return { entries, memo, render, renders: () => renders };
}

describe('rememberedTracked', () => {
  it('writes a changed paragraph as the format does, and the next export of the same changes from the memo', () => {
    const { memo, render, renders } = memoAndRenders();
    const blocks = trackedParagraphMarkdown(tracked, input, unknown, escapeMarkdown);
    expect(blocks).toEqual(['**61.** We {--\\[agree\\]--}{++agree++}{>>Ana for EU, 2026-11-30<<}{++ fully++}{>>unattributed, 2026-11-30<<}.']);
    expect(rememberedTracked('md', tracked, input, unknown, memo, render(tracked))).toEqual(blocks);
    // Later the same day: the unattributed changes dated at another moment, shown the same.
    const later = { ...unknown, date: '2026-11-30T18:00:00.000Z' };
    const again = { ...tracked, steps: [tracked.steps[0], { ...tracked.steps[1], by: later }] } as TrackedParagraph;
    expect(rememberedTracked('md', again, input, later, memo, render(again, later))).toEqual(blocks);
    expect(renders()).toBe(1);
  });

  it('lays the paragraph out again when anything it shows differs: a version, a number, an author, the day, the format', () => {
    const { memo, render, renders } = memoAndRenders();
    rememberedTracked('md', tracked, input, unknown, memo, render(tracked));
    const nextDay = { ...unknown, date: '2026-12-01T08:00:00.000Z' };
    const variants: [TrackedParagraph, Attribution, string][] = [
      [{ ...tracked, steps: [tracked.steps[0], { paragraph: p('We agree entirely.'), by: unknown }] } as TrackedParagraph, unknown, 'md'],
      [{ ...tracked, base: p('We [agree].', '61bis') }, unknown, 'md'],
      [{ ...tracked, steps: [{ ...tracked.steps[0], by: { ...eu, author: 'Bo for G77' } }, tracked.steps[1]] } as TrackedParagraph, unknown, 'md'],
      [{ ...tracked, steps: [tracked.steps[0], { ...tracked.steps[1], by: nextDay }] } as TrackedParagraph, nextDay, 'md'],
      [tracked, unknown, 'html'],
    ];
    for (const [t, by, format] of variants) {
      const before = renders();
      expect(rememberedTracked(format, t, input, by, memo, render(t, by))).toEqual(trackedParagraphMarkdown(t, input, by, escapeMarkdown));
      expect(renders(), JSON.stringify(t)).toBe(before + 1);
    }
  });

  it("names a version read from a file by the file's SHA-1: the same hash finds the entry, another lays the paragraph out again", () => {
    const { memo, render, renders } = memoAndRenders();
    const hashed = { ...tracked, baseHash: 'a'.repeat(40), currentHash: 'b'.repeat(40) };
    rememberedTracked('md', hashed, input, unknown, memo, render(hashed));
    rememberedTracked('md', { ...hashed, base: p('We [agree].') }, input, unknown, memo, render(hashed));
    expect(renders()).toBe(1);
    for (const other of [{ ...hashed, baseHash: 'c'.repeat(40) }, { ...hashed, currentHash: 'c'.repeat(40) }, tracked]) rememberedTracked('md', other, input, unknown, memo, render(other));
    expect(renders()).toBe(4);
  });

  it('tells apart unattributed changes dated at the very moment of a recorded one (their marks join)', () => {
    const { memo, render, renders } = memoAndRenders();
    rememberedTracked('md', tracked, input, unknown, memo, render(tracked));
    const sameMoment = { ...unknown, author: eu.author, date: eu.date };
    const joined = { ...tracked, steps: [tracked.steps[0], { ...tracked.steps[1], by: sameMoment }] } as TrackedParagraph;
    const apart = { ...unknown, author: eu.author };
    const separate = { ...tracked, steps: [tracked.steps[0], { ...tracked.steps[1], by: apart }] } as TrackedParagraph;
    rememberedTracked('md', separate, input, apart, memo, render(separate, apart));
    expect(rememberedTracked('md', joined, input, sameMoment, memo, render(joined, sameMoment))).toEqual(trackedParagraphMarkdown(joined, input, sameMoment, escapeMarkdown));
    expect(renders()).toBe(3);
  });

  it('makes again an entry that is not a list of texts (damaged or edited), and keeps the new one', () => {
    const { entries, memo, render, renders } = memoAndRenders();
    rememberedTracked('md', tracked, input, unknown, memo, render(tracked));
    const [key] = [...entries.keys()];
    for (const forged of [42, [1, 2], { 0: 'x' }, ['fine', 3]]) {
      entries.set(key as string, forged);
      expect(rememberedTracked('md', tracked, input, unknown, memo, render(tracked))).toEqual(trackedParagraphMarkdown(tracked, input, unknown, escapeMarkdown));
      expect(entries.get(key as string)).toEqual(trackedParagraphMarkdown(tracked, input, unknown, escapeMarkdown));
    }
    expect(renders()).toBe(5);
  });

  it('lays out again an entry edited to show other words, hide one, or mark a kept word deleted; the comments are not checked', () => {
    const { entries, memo, render, renders } = memoAndRenders();
    const blocks = rememberedTracked('md', tracked, input, unknown, memo, render(tracked));
    const [key] = [...entries.keys()];
    const forgeries = [
      ['**61.** We {--\\[agree\\]--}{++agree++}.'],
      ['**61.** We {--\\[disagree\\]--}{++agree++} fully.'],
      ['**61.** We {--\\[agree\\]--}{++disagree++} fully.'],
      ['**61.** {--We--} {--\\[agree\\]--}{++agree++} fully.'],
      ['**61.** We {++Signed.++} {--\\[agree\\]--}{++agree++} fully.'],
    ];
    for (const forged of forgeries) {
      entries.set(key as string, forged);
      expect(rememberedTracked('md', tracked, input, unknown, memo, render(tracked)), forged[0]).toEqual(blocks);
    }
    expect(renders()).toBe(1 + forgeries.length);
    const renamed = [(blocks[0] as string).replace('Ana for EU', 'Bo for G77')];
    entries.set(key as string, renamed);
    expect(rememberedTracked('md', tracked, input, unknown, memo, render(tracked))).toEqual(renamed);
  });

  it('lays the paragraph out every time without a memo', () => {
    const { render, renders } = memoAndRenders();
    rememberedTracked('md', tracked, input, unknown, undefined, render(tracked));
    rememberedTracked('md', tracked, input, unknown, undefined, render(tracked));
    expect(renders()).toBe(2);
  });
});
