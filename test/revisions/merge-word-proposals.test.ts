import { describe, expect, it } from 'vitest';
import type { Draft, DraftMeta, Paragraph } from '../../src/model/schemas.js';
import { mergeWordProposals } from '../../src/revisions/merge-word-proposals.js';

function paragraph(address: string, text: string, extra: Partial<Paragraph> = {}): Paragraph {
  return { address, number: address, status: 'open', bracketed: false, text, items: [], alternatives: [], ...extra };
}

const ours = [
  paragraph('1', 'States shall cooperate in good faith.', { alternatives: [{ label: 'Alt 1', text: 'States should cooperate.', proposedBy: ['G77'] }] }),
  paragraph('2', 'This paragraph is agreed by all.', { status: 'agreed' }),
  paragraph('3', 'Parties shall:', { items: [{ label: 'a)', text: 'report yearly;' }, { label: 'b)', text: 'review progress;', status: 'agreed' }] }),
];
const meta: DraftMeta = { title: 'T', sections: [{ paragraphs: ['1', '2', '3'] }] };
const draft = { meta, paragraph: (address: string) => ours.find((p) => p.address === address) as Paragraph };

/** The copy as the docx reader gives it back: the draft itself, with `edit` applied. */
function copyWith(edit: (paragraphs: Paragraph[]) => Paragraph[]): Draft {
  return { meta, paragraphs: edit(structuredClone(ours)) };
}

describe('mergeWordProposals', () => {
  it('finds nothing to do in the draft as exported', () => {
    const merged = mergeWordProposals(draft, copyWith((ps) => ps), 'EU');
    expect(merged.changes).toEqual([]);
    expect(merged.report.matched).toBe(3);
  });

  it('adds their alternatives after the draft\'s, relabelled, and leaves the draft\'s own alone', () => {
    const copy = copyWith((ps) => {
      (ps[0] as Paragraph).alternatives.push({ label: 'Alt 2', text: 'States must cooperate.', proposedBy: ['EU'] });
      ((ps[2] as Paragraph).items[0] as { alternatives?: unknown[] }).alternatives = [{ label: 'Alt 3a1', text: 'report every two years;', proposedBy: ['EU'] }];
      return ps;
    });
    const merged = mergeWordProposals(draft, copy, 'EU');
    expect(merged.changes.map((c) => c.after.address)).toEqual(['1', '3']);
    expect(merged.changes[0]?.after.alternatives).toEqual([ours[0]?.alternatives[0], { label: 'Alt 2', text: 'States must cooperate.', proposedBy: ['EU'] }]);
    expect(merged.changes[1]?.after.items[0]?.alternatives).toEqual([{ label: 'Alt 3a1', text: 'report every two years;', proposedBy: ['EU'] }]);
    expect(merged.changes[0]?.after.text).toBe(ours[0]?.text);
  });

  it('keeps what they propose for an agreed paragraph or item as notes: the agreement stands', () => {
    const copy = copyWith((ps) => {
      (ps[1] as Paragraph).text = 'This paragraph is agreed by most.';
      ((ps[2] as Paragraph).items[1] as { text: string }).text = 'review progress often;';
      return ps;
    });
    const merged = mergeWordProposals(draft, copy, 'EU');
    const [p2, p3] = merged.changes.map((c) => c.after);
    expect(p2).toMatchObject({ status: 'agreed', alternatives: [], notes: [{ text: 'Proposed wording: This paragraph is agreed by most.', author: 'EU' }] });
    expect(p3?.items[1]).toMatchObject({ status: 'agreed', notes: [{ text: 'Proposed wording: review progress often;', author: 'EU' }] });
    expect(p3?.items[1]?.alternatives).toBeUndefined();
    expect(merged.report.onAgreed).toEqual(['2', '3']);
  });

  it('puts a paragraph the draft has not after the one before it in the copy, open and bracketed', () => {
    const copy = copyWith((ps) => [ps[0] as Paragraph, paragraph('1bis', 'New words.', { status: 'agreed' }), ...ps.slice(1)]);
    const merged = mergeWordProposals(draft, copy, 'EU');
    expect(merged.meta.sections[0]?.paragraphs).toEqual(['1', '1bis', '2', '3']);
    expect(merged.changes).toEqual([{ before: null, after: paragraph('1bis', 'New words.', { bracketed: true }) }]);
    expect(merged.report.added).toEqual([{ address: '1bis', after: '1' }]);
  });

  it('knows the draft\'s closing, read back as an unnumbered paragraph, for what it is', () => {
    const closed = { ...draft, meta: { ...meta, closing: '___\n1 Footnotes are not reproduced.' } };
    const copy = copyWith((ps) => [...ps, { ...paragraph('pp1', '___ 1 Footnotes are not reproduced.'), number: undefined }]);
    expect(mergeWordProposals(closed, copy, 'EU').changes).toEqual([]);
  });

  it('proposes words edited without tracking once, by the editor, even in one of the draft\'s alternatives', () => {
    const copy = copyWith((ps) => {
      (ps[0] as Paragraph).text = 'States shall cooperate fully in good faith.';
      ((ps[0] as Paragraph).alternatives[0] as { text: string }).text = 'States should cooperate closely.';
      return ps;
    });
    const once = mergeWordProposals(draft, copy, 'EU');
    const p1 = once.changes[0]?.after as Paragraph;
    expect(p1.alternatives.slice(1)).toEqual([
      { label: 'Alt 2', text: 'States shall cooperate fully in good faith.', proposedBy: ['EU'] },
      { label: 'Alt 3', text: 'States should cooperate closely.', proposedBy: ['EU'], notes: [{ text: 'Rewords Alt 1 (edited in Word without tracking)', kind: 'comment', author: 'EU' }] },
    ]);
    expect(once.report.untracked).toEqual(['1']);
    // The same copy imported again proposes nothing more.
    const again = { ...draft, paragraph: (address: string) => (address === '1' ? p1 : draft.paragraph(address)) };
    expect(mergeWordProposals(again, copy, 'EU').changes).toEqual([]);
  });

  it('says a copy of another draft matches nothing', () => {
    const other: Draft = { meta, paragraphs: [paragraph('1', 'Entirely different words here now.')] };
    expect(mergeWordProposals(draft, other, 'EU').report.matched).toBe(0);
  });
});
