import { describe, expect, it } from 'vitest';
import { labelledChoice } from '../../src/notation/choice-groups.js';
import { labelledChoices, listLabels } from '../../src/notation/labelled-choice.js';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import { replaceBracket } from '../../src/notation/replace-bracket.js';
import type { BracketNode, NotationRoot } from '../../src/notation/types.js';
import { listBrackets } from '../../src/notation/visit-brackets.js';
import { expectTree } from './notation-helpers.js';

const parse = (source: string): NotationRoot => expectTree(parseNotation(source));
const nth = (tree: NotationRoot, n: number): BracketNode => listBrackets(tree.children)[n - 1]?.bracket as BracketNode;

describe('labelledChoices', () => {
  it('groups labelled brackets side by side, with or without blanks between them', () => {
    const tree = parse('Parties shall [Option 2A: act now][Option 2B: act by 2030] and [Option 3: x]  [Option 4: y].');
    expect(labelledChoices(tree.children).map((g) => g.labels)).toEqual([
      ['Option 2A', 'Option 2B'],
      ['Option 3', 'Option 4'],
    ]);
  });

  it('splits groups at words or an unlabelled bracket, and ignores unlabelled brackets', () => {
    const tree = parse('[Option A: a] or [Option B: b][c] [Option C: d] [plain]');
    expect(labelledChoices(tree.children).map((g) => g.labels)).toEqual([['Option A'], ['Option B'], ['Option C']]);
  });

  it('finds the group of a bracket anywhere in the tree; an unlabelled bracket has none', () => {
    const tree = parse('[outer [Option 1: a] [Option 2: b]] [c]');
    expect(labelledChoice(tree, nth(tree, 2))?.labels).toEqual(['Option 1', 'Option 2']);
    expect(labelledChoice(tree, nth(tree, 3))?.brackets).toEqual([nth(tree, 2), nth(tree, 3)]);
    expect(labelledChoice(tree, nth(tree, 1))).toBeUndefined();
    expect(labelledChoice(tree, nth(tree, 4))).toBeUndefined();
  });
});

describe('replaceBracket: a labelled choice as a whole', () => {
  it('replaces the run of brackets, blanks between them included, with the words chosen', () => {
    const tree = parse('Parties shall [Option 2A: act now] [Option 2B: act by 2030].');
    const group = labelledChoice(tree, nth(tree, 1));
    const chosen = nth(tree, 2).options[0]?.children ?? [];
    expect(printNotation(replaceBracket(tree, group?.brackets ?? [], chosen))).toBe('Parties shall act by 2030.');
  });

  it('dropping the whole run tidies the blanks as for one bracket', () => {
    const tree = parse('Parties shall [Option 2A: act now][Option 2B: act by 2030].');
    expect(printNotation(replaceBracket(tree, labelledChoice(tree, nth(tree, 1))?.brackets ?? [], []))).toBe('Parties shall.');
  });

  it('copies the labels of the brackets it leaves alone', () => {
    const tree = parse('[a] [Option 1: b][Option 2: c]');
    expect(printNotation(replaceBracket(tree, nth(tree, 1), []))).toBe('[Option 1: b][Option 2: c]');
  });
});

describe('listLabels', () => {
  it('names the labels of a choice as a sentence would', () => {
    expect(listLabels(['Option 2A'])).toBe('Option 2A');
    expect(listLabels(['Option 2A', 'Option 2B'])).toBe('Option 2A and Option 2B');
    expect(listLabels(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
