import { describe, expect, it } from 'vitest';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { computeStatus } from '../../src/report/compute-status.js';

const p = (number: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  address: number,
  number,
  status: 'open',
  bracketed: false,
  text: 'Text.',
  items: [],
  alternatives: [],
  ...extra,
});

describe('computeStatus', () => {
  const draft: Draft = {
    meta: {
      title: 'Test draft',
      sections: [
        { number: '1', title: 'One', paragraphs: ['1', '2'] },
        {
          number: '2',
          title: 'Two',
          paragraphs: ['3', { block: 'Finance', options: [{ label: 'Option 1', paragraphs: ['4'] }, { label: 'Option 2', paragraphs: ['5'] }] }],
          subsections: [{ number: '2a', title: 'Two A', paragraphs: ['6'] }],
        },
      ],
    },
    paragraphs: [
      p('1', { status: 'agreed' }),
      p('2', { text: 'A [b [c]] [d/e] f', bracketed: true }),
      p('3', { status: 'agreed-ad-ref' }),
      p('4', { items: [{ label: 'a)', text: 'x', status: 'agreed' }, { label: 'b)', text: '[y]', alternatives: [{ label: 'Alt 4b1', text: 'z' }] }] }),
      p('5', { status: 'deleted', text: '[gone]', alternatives: [{ label: 'Alt 1', text: 'w' }] }),
      p('6', { alternatives: [{ label: 'Alt 1', text: '[v]' }, { label: 'Alt 2', text: 'u' }] }),
    ],
  };

  it('counts paragraphs by status, brackets at every depth, and alternatives, leaving deleted text out', () => {
    const status = computeStatus(draft);
    expect(status.paragraphs).toEqual({ total: 6, agreed: 1, agreedAdRef: 1, open: 3, deleted: 1 });
    expect(status.brackets).toBe(5); // [b [c]] counts 2, [d/e] 1, [y] 1, [v] 1; [gone] is deleted
    expect(status.bracketedParagraphs).toBe(1);
    expect(status.alternatives).toBe(3);
    expect(status.itemsAgreed).toBe(1);
  });

  it('rolls subsections and option blocks up into their section', () => {
    const [one, two] = computeStatus(draft).sections;
    expect(one).toMatchObject({ number: '1', title: 'One', paragraphs: { total: 2, agreed: 1, open: 1 }, brackets: 3, subsections: [] });
    expect(two?.paragraphs).toEqual({ total: 4, agreed: 0, agreedAdRef: 1, open: 2, deleted: 1 });
    expect(two?.subsections[0]).toMatchObject({ number: '2a', paragraphs: { total: 1, open: 1 }, brackets: 1, alternatives: 2 });
  });
});
