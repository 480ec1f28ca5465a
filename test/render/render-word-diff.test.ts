import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { compareWordings, type WordingComparison } from '../../src/diff/compare-wordings.js';
import type { Paragraph } from '../../src/model/schemas.js';
import { describeSimilarity, renderSimilarities, renderWordDiff } from '../../src/render/render-word-diff.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });

const paragraph: Paragraph = {
  address: '12', number: '12',
  status: 'open',
  bracketed: false,
  text: 'Parties act.',
  items: [{ label: 'f)', text: 'Encouraging ISPs.', alternatives: [{ label: 'Alt 12f1', text: 'Encouraging ISPs, and LDCs.' }] }],
  alternatives: [
    { label: 'Alt 1', text: 'Parties shall take urgent action.', proposedBy: ['EU'], opposedBy: ['G77'] },
    { label: 'Alt 2', text: 'Parties [shall/should] take action, as appropriate.', proposedBy: ['G77', 'AOSIS'] },
    { label: 'Alt 3', text: 'Parties shall take action.' },
  ],
};

const [alt1VsAlt2] = compareWordings(paragraph, { labels: ['Alt 1', 'Alt 2'] }) as [WordingComparison];

describe('renderWordDiff', () => {
  it('plain: git word-diff markers, positions in the header', () => {
    expect(renderWordDiff(alt1VsAlt2, 'plain', plain)).toBe(
      [
        'Paragraph 12: Alt 1 → Alt 2, 50% similar (6 words differ)',
        '[-Alt 1-] proposed by EU; opposed by G77',
        '{+Alt 2+} proposed by G77, AOSIS',
        '',
        'Parties [-shall-]{+[shall/should]+} take [-urgent-] action{+, as appropriate+}.',
      ].join('\n'),
    );
  });

  it('criticmarkup: a deletion followed by an insertion is a substitution', () => {
    expect(renderWordDiff(alt1VsAlt2, 'criticmarkup', plain)).toBe(
      [
        'Paragraph 12: Alt 1 → Alt 2, 50% similar (6 words differ)',
        '{--Alt 1--} proposed by EU; opposed by G77',
        '{++Alt 2++} proposed by G77, AOSIS',
        '',
        'Parties {~~shall~>[shall/should]~~} take {--urgent--} action{++, as appropriate++}.',
      ].join('\n'),
    );
  });

  it('color: deletions red and struck through, insertions green, the rest plain', () => {
    const del = (s: string) => `\u001b[31m\u001b[9m${s}\u001b[29m\u001b[39m`;
    const ins = (s: string) => `\u001b[32m${s}\u001b[39m`;
    expect(renderWordDiff(alt1VsAlt2, 'color', colour)).toBe(
      [
        '\u001b[1mParagraph 12: Alt 1 → Alt 2, 50% similar (6 words differ)\u001b[22m',
        `${del('Alt 1')} proposed by EU; opposed by G77`,
        `${ins('Alt 2')} proposed by G77, AOSIS`,
        '',
        `Parties ${del('shall')}${ins('[shall/should]')} take ${del('urgent')} action${ins(', as appropriate')}.`,
      ].join('\n'),
    );
  });

  it('json: the wordings with their positions, the figures and the changes', () => {
    expect(JSON.parse(renderWordDiff(alt1VsAlt2, 'json', plain))).toEqual({
      paragraph: '12',
      a: { label: 'Alt 1', text: 'Parties shall take urgent action.', proposedBy: ['EU'], opposedBy: ['G77'] },
      b: { label: 'Alt 2', text: 'Parties [shall/should] take action, as appropriate.', proposedBy: ['G77', 'AOSIS'] },
      similarity: 0.5,
      wordsDiffer: 6,
      changes: [
        { type: 'equal', text: 'Parties ' },
        { type: 'delete', text: 'shall' },
        { type: 'insert', text: '[shall/should]' },
        { type: 'equal', text: ' take' },
        { type: 'delete', text: ' urgent' },
        { type: 'equal', text: ' action' },
        { type: 'insert', text: ', as appropriate' },
        { type: 'equal', text: '.' },
      ],
    });
  });

  it('names the item, and the current wording as "text"', () => {
    const [item] = compareWordings(paragraph, { item: 'f', labels: ['text', 'Alt 12f1'] }) as [WordingComparison];
    expect(renderWordDiff(item, 'plain', plain)).toBe(
      ['Paragraph 12, item f): text → Alt 12f1, 67% similar (2 words differ)', '[-text-]', '{+Alt 12f1+}', '', 'Encouraging ISPs{+, and LDCs+}.'].join('\n'),
    );
    expect(JSON.parse(renderWordDiff(item, 'json', plain))).toMatchObject({ paragraph: '12', item: 'f)', a: { label: 'text', text: 'Encouraging ISPs.' } });
  });
});

describe('renderSimilarities', () => {
  const all = compareWordings(paragraph);

  it('prints one line per alternative compared with the first', () => {
    const expected = [
      'Paragraph 12: the 2 other alternatives compared with Alt 1',
      'Alt 2 (proposed by G77, AOSIS) vs Alt 1 (proposed by EU; opposed by G77): 50% similar (6 words differ)',
      'Alt 3 vs Alt 1 (proposed by EU; opposed by G77): 89% similar (1 word differs)',
    ];
    expect(renderSimilarities(all, 'plain', plain)).toBe(expected.join('\n'));
    expect(renderSimilarities(all, 'criticmarkup', plain)).toBe(expected.join('\n'));
    expect(renderSimilarities(all, 'color', colour)).toBe([`\u001b[1m${expected[0]}\u001b[22m`, ...expected.slice(1)].join('\n'));
  });

  it('compares a lone alternative with the text', () => {
    expect(renderSimilarities(compareWordings(paragraph, { item: 'f' }), 'plain', plain)).toBe(
      ['Paragraph 12, item f): its only alternative compared with the text', 'Alt 12f1 vs text: 67% similar (2 words differ)'].join('\n'),
    );
  });

  it('json: an array of comparisons', () => {
    const json = JSON.parse(renderSimilarities(all, 'json', plain));
    expect(json).toHaveLength(2);
    expect(json.map((c: { b: { label: string }; similarity: number }) => [c.b.label, c.similarity])).toEqual([
      ['Alt 2', 0.5],
      ['Alt 3', 0.889],
    ]);
    expect(json[1].changes).toEqual([
      { type: 'equal', text: 'Parties shall take' },
      { type: 'delete', text: ' urgent' },
      { type: 'equal', text: ' action.' },
    ]);
  });
});

describe('describeSimilarity', () => {
  const figure = (a: string, b: string, whitespace = false) => describeSimilarity(compareWordings({ ...paragraph, text: a, alternatives: [{ label: 'B', text: b }] }, { whitespace })[0] as WordingComparison);

  it('says identical, or that only punctuation or spacing differs', () => {
    expect(figure('We agree.', 'We agree.')).toBe('100% similar (identical)');
    expect(figure('We agree.', 'We  agree')).toBe('100% similar (only punctuation or spacing differs)');
    expect(figure('We agree.', 'We  agree.', true)).toBe('100% similar (only punctuation or spacing differs)');
  });

  it('rounds to neither 100% nor 0% while words differ or are shared', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    expect(figure(many, `${many} extra`)).toBe('99% similar (1 word differs)');
    expect(figure(`${many} shared`, 'shared')).toBe('1% similar (1000 words differ)');
    expect(figure('a b', 'c d')).toBe('0% similar (4 words differ)');
  });
});
