import { describe, expect, it } from 'vitest';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { findUnbracketedChoices, type UnbracketedChoice } from '../../src/notation/unbracketed-choices.js';
import { expectTree, root, text } from './notation-helpers.js';

const choices = (source: string): UnbracketedChoice[] => findUnbracketedChoices(expectTree(parseNotation(source)));

/** Asserts that every reported offset points at the reported text in the source. */
const expectOffsetsPointAtChoices = (source: string, found: UnbracketedChoice[]): void => {
  for (const c of found) expect(source.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
};

describe('findUnbracketedChoices: flags', () => {
  it('flags `enhance/establish` at its offset', () => {
    const source = 'We resolve to enhance/establish the forum.';
    expect(choices(source)).toEqual([{ text: 'enhance/establish', offset: 14 }]);
  });

  it('flags `model/mechanism`', () => {
    expect(choices('a new model/mechanism')).toEqual([{ text: 'model/mechanism', offset: 6 }]);
  });

  it('flags `technology / know-how` with its spaces', () => {
    expect(choices('transfer of technology / know-how on')).toEqual([
      { text: 'technology / know-how', offset: 12 },
    ]);
  });

  it('flags `Governance/oversight` at the very start', () => {
    expect(choices('Governance/oversight of the Internet')).toEqual([
      { text: 'Governance/oversight', offset: 0 },
    ]);
  });

  it('flags every choice in a paragraph, in order, with offsets relative to the whole string', () => {
    const source =
      'To enhance/establish [a forum] for a model/mechanism,\n[shall] address technology / know-how and Governance/oversight.';
    const found = choices(source);
    expect(found.map((c) => c.text)).toEqual([
      'enhance/establish',
      'model/mechanism',
      'technology / know-how',
      'Governance/oversight',
    ]);
    expect(found.map((c) => c.offset)).toEqual([
      source.indexOf('enhance/'),
      source.indexOf('model/'),
      source.indexOf('technology /'),
      source.indexOf('Governance/'),
    ]);
    expect(found.map((c) => c.offset)).toEqual([3, 37, 70, 96]);
    expectOffsetsPointAtChoices(source, found);
  });

  it('flags choices in non-Latin scripts', () => {
    const source = 'يعزز قرار/مقرر هنا';
    expect(choices(source)).toEqual([{ text: 'قرار/مقرر', offset: 5 }]);
  });

  it('uses offset 0 as the base when a tree carries no positions', () => {
    expect(findUnbracketedChoices(root(text('to enhance/establish')))).toEqual([
      { text: 'enhance/establish', offset: 3 },
    ]);
  });
});

describe('findUnbracketedChoices: does not flag', () => {
  it('does not flag `and/or` in any case or spacing, nor `et/ou`, `y/o`', () => {
    expect(choices('States and/or regions')).toEqual([]);
    expect(choices('States And/Or regions')).toEqual([]);
    expect(choices('States and / or regions')).toEqual([]);
    expect(choices('les États et/ou régions, los Estados y/o regiones')).toEqual([]);
  });

  it('does not flag document symbols and resolution numbers', () => {
    expect(choices('as outlined in UNGA A/60/L.1* with')).toEqual([]);
    expect(choices('as outlined in A/60/L.1/Rev.2 and')).toEqual([]);
    expect(choices('resolution 57/239 of 20 December 2002')).toEqual([]);
    expect(choices('see A/RES/70/1 and S/RES/2231')).toEqual([]);
  });

  it('does not flag a word joined to a number', () => {
    expect(choices('article4/paragraph')).toEqual([]);
    expect(choices('paragraph/4b')).toEqual([]);
  });

  it('does not flag slashes inside brackets', () => {
    expect(choices('to [enhance/establish] a [model/mechanism]')).toEqual([]);
    expect(choices('[technology / know-how] and [x [Governance/oversight]]')).toEqual([]);
  });

  it('does not flag plain text without slashes', () => {
    expect(choices('We recognize the technical [management/development] of the Internet.')).toEqual([]);
    expect(choices('')).toEqual([]);
  });

  it('still flags outside brackets when brackets hold choices too', () => {
    const source = '[shall] enhance/establish [a/b]';
    expect(choices(source)).toEqual([{ text: 'enhance/establish', offset: 8 }]);
  });
});

describe('findUnbracketedChoices: document symbols and addresses', () => {
  // A letter-only segment followed by `.` stands in a word with digits: a symbol, not a choice.
  it('does not flag UN document symbols like A/C.3/70/L.1 or A/CONF.216/16', () => {
    expect(choices('see A/C.3/70/L.1 here')).toEqual([]);
    expect(choices('in A/CONF.216/16 and E/CN.6/2020/L.1')).toEqual([]);
  });

  it('does not flag the path of an address like https://www.un.org/sdgs', () => {
    expect(choices('see https://www.un.org/sdgs now')).toEqual([]);
  });
});
