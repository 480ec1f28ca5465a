import { describe, expect, it } from 'vitest';
import { compareWordings } from '../../src/diff/compare-wordings.js';
import { pickWording, wordingPairs, wordingScope } from '../../src/diff/pick-wordings.js';
import type { Paragraph } from '../../src/model/schemas.js';
import { failure } from '../helpers/sandbox.js';

const paragraph = (fields: Partial<Paragraph>): Paragraph => ({
  address: '12', number: '12',
  status: 'open',
  bracketed: false,
  text: 'Parties act.',
  items: [],
  alternatives: [],
  ...fields,
});

const threeAlternatives = paragraph({
  alternatives: [
    { label: 'Alt 1', text: 'Parties shall act.', proposedBy: ['EU'], opposedBy: ['G77'], notes: [{ text: 'not shown' }] },
    { label: 'Alt 2', text: 'Parties should act.' },
    { label: 'Alt 3', text: 'Parties may act.', proposedBy: [] },
  ],
});

const withItems = paragraph({
  address: '71',
  number: '71',
  items: [
    { label: 'a)', text: 'first;' },
    { label: 'f)', text: 'Encouraging ISPs.', alternatives: [{ label: 'Alt 71g1', text: 'Encouraging ISPs, LDCs.' }, { label: 'Alt 71g2', text: 'Encouraging parties.' }] },
    { label: '·', text: 'one bullet' },
    { label: '·', text: 'another bullet' },
  ],
});

const labels = (pairs: ReturnType<typeof wordingPairs>) => pairs.map(({ a, b }) => `${b.label} vs ${a.label}`);

describe('pickWording', () => {
  const scope = wordingScope(threeAlternatives);

  it('finds an alternative case aside and with whitespace collapsed or removed', () => {
    for (const label of ['Alt 1', 'alt 1', ' ALT   1 ', 'alt1']) expect(pickWording(scope, label).text).toBe('Parties shall act.');
  });

  it('keeps the positions, not the notes, and drops empty position lists', () => {
    expect(pickWording(scope, 'Alt 1')).toEqual({ label: 'Alt 1', text: 'Parties shall act.', proposedBy: ['EU'], opposedBy: ['G77'] });
    expect(pickWording(scope, 'Alt 3')).toEqual({ label: 'Alt 3', text: 'Parties may act.' });
  });

  it('takes "text" for the current wording', () => {
    expect(pickWording(scope, 'text')).toEqual({ label: 'text', text: 'Parties act.' });
    expect(pickWording(scope, 'TEXT').text).toBe('Parties act.');
  });

  it('lists the wordings there are when a label is unknown', () => {
    const error = failure(() => pickWording(scope, 'Alt 4'));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 12 has no wording "Alt 4"; its wordings are "text", "Alt 1", "Alt 2", "Alt 3"');
  });

  it('says which item holds an alternative asked for at the wrong level', () => {
    expect(failure(() => pickWording(wordingScope(withItems), 'alt 71g1')).message).toBe(
      'paragraph 71 has no wording "alt 71g1"; its wordings are "text"; "Alt 71g1" is an alternative of item f): use --item f',
    );
  });
});

describe('wordingScope: items', () => {
  it('finds an item by f, f), (f) or F', () => {
    for (const label of ['f', 'f)', '(f)', 'F', ' f ) ']) {
      const scope = wordingScope(withItems, label);
      expect(scope.item).toBe('f)');
      expect(scope.current.text).toBe('Encouraging ISPs.');
      expect(scope.alternatives.map((alt) => alt.label)).toEqual(['Alt 71g1', 'Alt 71g2']);
    }
  });

  it('finds an item by position, which is how bullets are told apart', () => {
    expect(wordingScope(withItems, '#4')).toMatchObject({ item: '#4', current: { text: 'another bullet' }, alternatives: [] });
    expect(wordingScope(withItems, '#2').item).toBe('f)');
  });

  it('refuses an unknown, ambiguous or out-of-range item, listing the items', () => {
    expect(failure(() => wordingScope(withItems, 'z')).message).toBe('paragraph 71 has no item "z"; its items are a), f), #3, #4');
    expect(failure(() => wordingScope(withItems, '·')).message).toBe('"·" could name any of 2 items of paragraph 71: #3, #4; name one by its position');
    expect(failure(() => wordingScope(withItems, '#5')).message).toBe('paragraph 71 has 4 items, so no item #5; its items are a), f), #3, #4');
    expect(failure(() => wordingScope(withItems, '#0')).kind).toBe('input');
    expect(failure(() => wordingScope(threeAlternatives, 'a')).message).toBe('paragraph 12 has no items');
  });
});

describe('wordingPairs', () => {
  it('compares every alternative with the first when no labels are given', () => {
    expect(labels(wordingPairs(wordingScope(threeAlternatives)))).toEqual(['Alt 2 vs Alt 1', 'Alt 3 vs Alt 1']);
    expect(labels(wordingPairs(wordingScope(withItems, 'f')))).toEqual(['Alt 71g2 vs Alt 71g1']);
  });

  it('compares a lone alternative with the text', () => {
    const one = paragraph({ alternatives: [{ label: 'Alt A', text: 'Parties act now.' }] });
    expect(labels(wordingPairs(wordingScope(one)))).toEqual(['Alt A vs text']);
  });

  it('compares the two wordings named, in that order', () => {
    expect(labels(wordingPairs(wordingScope(threeAlternatives), ['alt 3', 'text']))).toEqual(['text vs Alt 3']);
  });

  it('says there is nothing to compare without alternatives, and where there are some', () => {
    expect(failure(() => wordingPairs(wordingScope(paragraph({})))).message).toBe('paragraph 12 has no alternatives, only its text: there is nothing to compare');
    expect(failure(() => wordingPairs(wordingScope(withItems))).message).toBe(
      'paragraph 71 has no alternatives, only its text: there is nothing to compare; its item f) has alternatives: try --item f',
    );
    expect(failure(() => wordingPairs(wordingScope(withItems, 'a'))).message).toBe(
      'item a) of paragraph 71 has no alternatives, only its text: there is nothing to compare',
    );
  });
});

describe('compareWordings', () => {
  it('diffs each pair and measures it', () => {
    const [comparison] = compareWordings(threeAlternatives, { labels: ['Alt 1', 'Alt 2'] });
    expect(comparison).toMatchObject({ paragraph: '12', a: { label: 'Alt 1' }, b: { label: 'Alt 2' }, similarity: 2 / 3, wordsDiffer: 2 });
    expect(comparison).not.toHaveProperty('item');
    expect(compareWordings(withItems, { item: 'f' })[0]).toMatchObject({ item: 'f)', a: { label: 'Alt 71g1' }, b: { label: 'Alt 71g2' } });
  });
});
