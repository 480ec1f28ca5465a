import { describe, expect, it } from 'vitest';
import { findLabelled, labelKey, matchLabel, sameLabelKey, splitLabels, type Labelled } from '../../src/model/match-label.js';
import { failure } from '../helpers/sandbox.js';

const labelled = (...labels: string[]): Labelled<string>[] => labels.map((label) => ({ label, value: label }));
const place = { owner: 'paragraph 61', thing: 'alternative', things: 'alternatives' };
const find = (labels: Labelled<string>[], asked: string) => findLabelled(labels, asked, place);
const ALTS = labelled('Alt 1', 'Alt 2', 'Alt 3');

describe('matchLabel: the spellings people type', () => {
  it('names Alt 3 by every spelling of it', () => {
    for (const asked of ['Alt 3', 'alt3', 'Alt. 3', 'ALT 3.', 'alt  3', ' Alt 3 ', 'Alternative 3', 'alternative3', '3', '(3)']) {
      expect(find(ALTS, asked), asked).toBe('Alt 3');
    }
  });

  it('names an option by its full label or its last part, case and parentheses aside', () => {
    const options = labelled('Option 2A', 'Option 2B', 'Option (a)');
    for (const asked of ['Option 2B', 'option 2b', '2B', '2b', '(2B)', ' Option  2B ']) expect(find(options, asked), asked).toBe('Option 2B');
    for (const asked of ['(a)', 'a', 'Option (a)', 'option a', 'Option A']) expect(find(options, asked), asked).toBe('Option (a)');
    for (const asked of ['2', 'B', 'Option 2', '']) expect(matchLabel(options, asked), asked).toEqual([]);
  });

  it('names an item as f, f), (f) or F.', () => {
    const items = labelled('e)', 'f)');
    for (const asked of ['f', 'f)', '(f)', 'F.', 'F']) expect(find(items, asked), asked).toBe('f)');
  });

  it('reads the number at the end of a label: 1 names Alt 71g1, and so does its last word 71g1', () => {
    const items = labelled('Alt 71g1', 'Alt 71g2');
    expect(find(items, '1')).toBe('Alt 71g1');
    expect(find(items, '71g2')).toBe('Alt 71g2');
    expect(matchLabel(items, 'g2')).toEqual([]);
    expect(find(items, 'alt71g2')).toBe('Alt 71g2');
  });

  it('keeps a decimal point: 3.1 is not 31', () => {
    expect(labelKey('Alt 3.1')).toBe('alt3.1');
    expect(matchLabel(labelled('Alt 3.1', 'Alt 31'), 'alt 31').map((l) => l.label)).toEqual(['Alt 31']);
    expect(matchLabel(labelled('Alt 3.1'), '1')).toEqual([]);
  });

  it('"ends in 3" means the number 3: a bare 3 never names Alt 13', () => {
    expect(find(labelled('Alt 13', 'Alt 3'), '3')).toBe('Alt 3');
    expect(matchLabel(labelled('Alt 13'), '3')).toEqual([]);
  });

  it('prefers a whole spelling to a last part', () => {
    expect(find(labelled('3', 'Alt 3'), '3')).toBe('3');
  });

  it('a bare last part is only a last part: Alt alone names nothing', () => {
    expect(matchLabel(ALTS, 'Alt')).toEqual([]);
  });

  it('tells labels that clash as people type them', () => {
    expect(sameLabelKey('Alt 3', 'alt3')).toBe(true);
    expect(sameLabelKey('Alt. 3', 'ALTERNATIVE 3')).toBe(true);
    expect(sameLabelKey('Alt 3', 'Alt 13')).toBe(false);
  });
});

describe('findLabelled: the refusals list the labels', () => {
  it('lists the labels there are when none answers', () => {
    expect(failure(() => find(ALTS, 'Alt 9')).message).toBe('paragraph 61 has no alternative "Alt 9"; its alternatives are "Alt 1", "Alt 2", "Alt 3"');
    expect(failure(() => find([], 'Alt 9')).message).toBe('paragraph 61 has no alternatives');
  });

  it('lists the labels a bare number could mean, and asks for the whole label', () => {
    const error = failure(() => find(labelled('Alt 3', 'Option 3', 'Alt 13'), '3'));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('"3" could name any of 2 alternatives of paragraph 61: "Alt 3", "Option 3"; give the whole label');
  });

  it('refuses two labels that are one as typed', () => {
    expect(failure(() => find(labelled('Alt 1', 'alt1'), 'ALT 1')).message).toBe('"ALT 1" could name any of 2 alternatives of paragraph 61: "Alt 1", "alt1"; give the whole label');
  });
});

describe('splitLabels: unquoted words', () => {
  const labels = ['text', 'Alt 1', 'Alt 2', 'Alt 3', 'Alt 1 bis'];
  it('starts a new label at each word that starts one', () => {
    expect(splitLabels(['Alt', '1', 'Alt', '3'], labels)).toEqual(['Alt 1', 'Alt 3']);
    expect(splitLabels(['alt1', 'Alt', '3'], labels)).toEqual(['alt1', 'Alt 3']);
    expect(splitLabels(['Alt', '1', 'text'], labels)).toEqual(['Alt 1', 'text']);
    expect(splitLabels(['1', '2', '3'], labels)).toEqual(['1', '2', '3']);
  });

  it('takes the longest label a run of words spells', () => {
    expect(splitLabels(['Alt', '1', 'bis', 'Alt', '2'], labels)).toEqual(['Alt 1 bis', 'Alt 2']);
  });

  it('leaves quoted labels as they are', () => {
    expect(splitLabels(['Alt 1', 'Alt 3'], labels)).toEqual(['Alt 1', 'Alt 3']);
  });

  it('keeps words that name nothing together, up to the next label, for the lookup to refuse', () => {
    expect(splitLabels(['Alt', '9', 'Alt', '2'], labels)).toEqual(['Alt 9', 'Alt 2']);
    expect(splitLabels(['EU', 'proposal'], labels)).toEqual(['EU proposal']);
  });
});
