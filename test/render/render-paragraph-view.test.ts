import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/model/schemas.js';
import { paragraphViewJson } from '../../src/render/paragraph-view-json.js';
import { bracketMarker, renderParagraphView } from '../../src/render/render-paragraph-view.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });

const paragraph = (fields: Partial<Paragraph>): Paragraph => ({
  address: '12', number: '12',
  status: 'open',
  bracketed: false,
  text: '',
  items: [],
  alternatives: [],
  ...fields,
});

/** Nested brackets, a choice, items with a status, an item alternative, positions and notes. */
const busy = paragraph({
  address: '12bis',
  number: '12bis',
  text: 'Parties [shall/should] [take [urgent] action/act].',
  items: [
    { label: 'a)', text: 'reduce emissions;', status: 'agreed' },
    {
      label: 'b)',
      text: 'support [developing] countries;',
      alternatives: [{ label: 'Alt b1', text: 'assist [all/some] countries;', proposedBy: ['G77'], opposedBy: ['US'] }],
      notes: [{ text: 'moved from 14' }],
    },
  ],
  alternatives: [{ label: 'Alt 1', text: 'Parties act.', proposedBy: ['EU', 'G77'], opposedBy: ['US'], notes: [{ text: 'tabled at the second session' }] }],
  notes: [{ text: 'Chair to consult' }],
});

describe('renderParagraphView', () => {
  it('numbers every bracket, lays out items and alternatives, and lists the brackets', () => {
    expect(renderParagraphView(busy, plain)).toBe(
      [
        'Paragraph 12bis · open · 5 brackets · 1 alternative · 1 item alternative',
        '',
        'Parties ¹[shall/should] ²[take ³[urgent] action/act].',
        '  a) reduce emissions; (Agreed)',
        '  b) support ⁴[developing] countries;',
        '     Alt b1 (proposed by G77; opposed by US)',
        '       assist ⁵[all/some] countries;',
        '     Note: moved from 14',
        '',
        'Alt 1 (proposed by EU, G77; opposed by US)',
        '  Parties act.',
        '  Note: tabled at the second session',
        '',
        'Note: Chair to consult',
        '',
        'Brackets',
        '  ¹  text            choose one of 2  shall / should',
        '  ²  text            choose one of 2  take ³[urgent] action / act',
        '  ³  text, inside ²  keep or drop     urgent',
        '  ⁴  item b)         keep or drop     developing',
        '  ⁵  item b) Alt b1  choose one of 2  all / some',
      ].join('\n'),
    );
  });

  it('shows a paragraph bracketed as a whole as a flag, not as a numbered bracket', () => {
    const p = paragraph({
      address: '61',
      number: '61',
      bracketed: true,
      text: 'We underline cooperation.',
      alternatives: [
        { label: 'Alt 1', text: 'We further underline mechanisms.' },
        { label: 'Alt 2', text: 'We further underline [efficient mechanisms and] cooperation.' },
      ],
    });
    expect(renderParagraphView(p, plain)).toBe(
      [
        'Paragraph 61 · open · bracketed as a whole · 1 bracket · 2 alternatives',
        '',
        'We underline cooperation.',
        '',
        'Alt 1',
        '  We further underline mechanisms.',
        'Alt 2',
        '  We further underline ¹[efficient mechanisms and] cooperation.',
        '',
        'Brackets',
        '  ¹  Alt 2  keep or drop  efficient mechanisms and',
      ].join('\n'),
    );
  });

  it('leaves out the legend when nothing is bracketed, and names each status in words', () => {
    expect(renderParagraphView(paragraph({ status: 'agreed', text: 'Agreed words.' }), plain)).toBe(
      'Paragraph 12 · agreed · 0 brackets · 0 alternatives\n\nAgreed words.',
    );
    expect(renderParagraphView(paragraph({ status: 'agreed-ad-ref', text: 'x' }), plain)).toMatch(/^Paragraph 12 · agreed ad ref · /);
    expect(renderParagraphView(paragraph({ status: 'deleted', text: 'x' }), plain)).toMatch(/^Paragraph 12 · deleted · /);
  });

  it('shows items without text, bullets, and an item status other than agreed', () => {
    const p = paragraph({
      text: 'We propose:',
      items: [
        { label: '·', text: 'Possible [forum].' },
        { label: '(ii)', text: '', status: 'agreed-ad-ref' },
        { label: '(iii)', text: 'Old idea.', status: 'deleted' },
      ],
    });
    expect(renderParagraphView(p, plain).split('\n').slice(2, 6)).toEqual([
      'We propose:',
      '  · Possible ¹[forum].',
      '  (ii) (Agreed ad ref)',
      '  (iii) Old idea. (Deleted)',
    ]);
  });

  it('truncates long words in the legend to about 60 characters', () => {
    const long = 'the importance of efficient mechanisms and effective instruments at national and international levels';
    const legend = renderParagraphView(paragraph({ text: `We underline [${long}].` }), plain).split('\n').at(-1);
    expect(legend).toBe(`  ¹  text  keep or drop  ${long.slice(0, 59)}…`);
  });

  it('writes numbers from 10 on in several superscript digits', () => {
    expect(bracketMarker(1)).toBe('¹');
    expect(bracketMarker(10)).toBe('¹⁰');
    const text = Array.from({ length: 11 }, (_, i) => `[w${i + 1}]`).join(' ');
    expect(renderParagraphView(paragraph({ text }), plain)).toContain('⁹[w9] ¹⁰[w10] ¹¹[w11]');
  });

  it('shows text whose brackets do not balance as written, and says where', () => {
    const p = paragraph({ text: 'Fine [words].', alternatives: [{ label: 'Alt 1', text: 'Broken [words.' }] });
    expect(renderParagraphView(p, plain)).toBe(
      [
        'Paragraph 12 · open · unbalanced brackets · 1 bracket · 1 alternative',
        '',
        'Fine ¹[words].',
        '',
        'Alt 1',
        '  Broken [words.',
        '',
        'Brackets',
        '  ¹  text  keep or drop  words',
        '',
        'Unbalanced brackets (shown as written, not numbered)',
        '  Alt 1, line 1, column 8: opening bracket "[" is never closed',
      ].join('\n'),
    );
  });

  it('colours brackets by depth, so nested ones stand out, and marks option separators', () => {
    const out = renderParagraphView(paragraph({ text: 'a [b [c] d/e] f' }), colour);
    expect(out).toContain('\u001b[33m¹[b \u001b[35m²[c]\u001b[39m\u001b[33m d\u001b[1m\u001b[7m/\u001b[27m\u001b[22me]\u001b[39m');
    expect(out).toContain('\u001b[1mParagraph 12\u001b[22m');
  });

  it('dims a deleted paragraph as a whole', () => {
    const out = renderParagraphView(paragraph({ status: 'deleted', text: 'Gone [words].' }), colour);
    expect(out.startsWith('\u001b[2m')).toBe(true);
    expect(out.endsWith('\u001b[22m')).toBe(true);
  });

  it('never adds colour at level 0', () => {
    expect(renderParagraphView(busy, plain)).not.toContain('\u001b[');
  });
});

describe('paragraphViewJson', () => {
  it('gives the stored paragraph and its numbered brackets with options as written', () => {
    const view = paragraphViewJson(busy);
    expect(view.number).toBe('12bis');
    expect(view.items).toEqual(busy.items);
    expect(view.notes).toEqual([{ text: 'Chair to consult' }]);
    expect(view.brackets).toEqual([
      { n: 1, where: 'text', kind: 'choice', options: ['shall', 'should'], depth: 0 },
      { n: 2, where: 'text', kind: 'choice', options: ['take [urgent] action', 'act'], depth: 0 },
      { n: 3, where: 'text', kind: 'optional', options: ['urgent'], depth: 1 },
      { n: 4, where: 'item b)', kind: 'optional', options: ['developing'], depth: 0 },
      { n: 5, where: 'item b) Alt b1', kind: 'choice', options: ['all', 'some'], depth: 0 },
    ]);
    expect(view).not.toHaveProperty('notationErrors');
  });

  it('leaves notes out when the paragraph has none', () => {
    expect(Object.keys(paragraphViewJson(paragraph({ text: 'x' })))).toEqual(['address', 'number', 'status', 'bracketed', 'text', 'items', 'alternatives', 'brackets']);
  });
});
