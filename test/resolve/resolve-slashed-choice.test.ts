import { describe, expect, it } from 'vitest';
import { resolveBracket } from '../../src/resolve/resolve-bracket.js';
import { failure } from '../helpers/sandbox.js';
import { leavesInputAlone, paragraph } from './paragraphs.js';

// The WIPO way of writing a choice between phrases: each wording in its own brackets, joined by a slash.
const P1 = paragraph({ address: '1', number: '1', text: '[Member States]/[Contracting Parties] may establish a competent authority.' });

describe('resolveBracket: brackets joined by slashes, one choice', () => {
  it('keeps one wording: it replaces the whole choice, slash and other wording included', () => {
    const { paragraph: after, summary } = leavesInputAlone(P1, (p) => resolveBracket(p, 2, { kind: 'keep' }));
    expect(after).toEqual({ ...P1, text: 'Contracting Parties may establish a competent authority.' });
    expect(summary).toBe('chose bracket 2 "Contracting Parties" of the choice [Member States]/[Contracting Parties] (brackets 1 and 2) in text of paragraph 1');
  });

  it('picks the k-th wording with --option from any bracket of the choice', () => {
    expect(resolveBracket(P1, 2, { kind: 'option', option: 1 }).paragraph.text).toBe('Member States may establish a competent authority.');
    expect(resolveBracket(P1, 1, { kind: 'option', option: 2 }).paragraph.text).toBe('Contracting Parties may establish a competent authority.');
  });

  it('drops one wording with the slash that joined it: never "Member States/ may"', () => {
    expect(resolveBracket(P1, 2, { kind: 'drop' }).paragraph.text).toBe('[Member States] may establish a competent authority.');
    expect(resolveBracket(P1, 1, { kind: 'drop' }).paragraph.text).toBe('[Contracting Parties] may establish a competent authority.');
    const three = paragraph({ text: 'We [shall]/ [should] / [may] act.' });
    expect(resolveBracket(three, 2, { kind: 'drop' }).paragraph.text).toBe('We [shall] / [may] act.');
    expect(resolveBracket(three, 3, { kind: 'drop' }).paragraph.text).toBe('We [shall]/ [should] act.');
  });

  it('finds the choice by its words, and a choice inside a bracket, numbered as show numbers it', () => {
    expect(resolveBracket(P1, 'member states / contracting parties', { kind: 'option', option: 2 }).paragraph.text).toBe('Contracting Parties may establish a competent authority.');
    const nested = paragraph({ text: '[[Member States]/[Contracting Parties] [should]/[shall] not apply sanctions in cases of use/utilization.]' });
    const { paragraph: after, summary } = resolveBracket(nested, 5, { kind: 'keep' });
    expect(after.text).toBe('[[Member States]/[Contracting Parties] shall not apply sanctions in cases of use/utilization.]');
    expect(summary).toMatch(/^chose bracket 5 "shall" of the choice \[should\]\/\[shall\] \(brackets 4 and 5\)/u);
  });

  it('keeps brackets inside the chosen wording open, and a wording that offers a/b as a bracket', () => {
    const p = paragraph({ text: 'the [use of [such] data]/[act/decide] now' });
    expect(resolveBracket(p, 1, { kind: 'keep' }).paragraph.text).toBe('the use of [such] data now');
    expect(resolveBracket(p, 3, { kind: 'keep' }).paragraph.text).toBe('the [act/decide] now');
  });

  it('says what is wrong: a wording that is not there, or a label asked of an unlabelled choice', () => {
    expect(failure(() => resolveBracket(P1, 1, { kind: 'option', option: 3 })).message).toBe(
      'bracket 1 is one of the choice [Member States]/[Contracting Parties] (brackets 1 and 2); there is no wording 3 (--option 1 to 2)',
    );
    expect(failure(() => resolveBracket(P1, 1, { kind: 'label', label: 'Option A' })).message).toMatch(/^bracket 1 \[Member States\] has no label; it is the choice/u);
  });

  it('leaves brackets that only stand side by side, or are joined by words, to themselves', () => {
    const p = paragraph({ text: 'We [shall] [agree to] and/[or] act.' });
    expect(resolveBracket(p, 1, { kind: 'drop' }).paragraph.text).toBe('We [agree to] and/[or] act.');
    expect(resolveBracket(p, 2, { kind: 'keep' }).paragraph.text).toBe('We [shall] agree to and/[or] act.');
  });
});
