import { describe, expect, it } from 'vitest';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import { choiceGroups, slashedChoice } from '../../src/notation/choice-groups.js';
import { slashedChoices } from '../../src/notation/slashed-choice.js';
import type { BracketNode, NotationRoot } from '../../src/notation/types.js';

function tree(source: string): NotationRoot {
  const parsed = parseNotation(source);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.tree;
}

const words = (group: readonly BracketNode[] | undefined): string[] | undefined => group?.map((b) => printNotation(b));

describe('slashedChoices', () => {
  it('groups brackets joined by a slash, blanks allowed, two or more', () => {
    const t = tree('[Member States]/[Contracting Parties] [should]/ [shall] / [may] act [now]');
    expect(slashedChoices(t.children).map(words)).toEqual([
      ['[Member States]', '[Contracting Parties]'],
      ['[should]', '[shall]', '[may]'],
    ]);
  });

  it('leaves out brackets side by side, joined by words, labelled, or across a line break', () => {
    for (const source of ['[a] [b]', '[a][b]', '[a] and/[b]', '[a]/ x [b]', '[Option A: x]/[Option B: y]', '[a]/\n[b]', '[a]/']) {
      expect(slashedChoices(tree(source).children), source).toEqual([]);
    }
  });

  it('finds the choice a bracket belongs to, at any depth', () => {
    const t = tree('[this [instrument]/[treaty]] applies');
    const outer = t.children[0] as BracketNode;
    const inner = outer.options[0]?.children[1] as BracketNode;
    expect(slashedChoice(t, outer)).toBeUndefined();
    expect(words(slashedChoice(t, inner))).toEqual(['[instrument]', '[treaty]']);
  });
});

describe('choiceGroups', () => {
  it('finds every labelled and slashed choice of the texts in one walk, by bracket', () => {
    const t = tree('[a]/[b] [Option A: x][Option B: y] [c [d]/[e]]');
    const groups = choiceGroups([t]);
    const [a, b, optA, optB, c] = t.children.filter((n): n is BracketNode => n.type === 'bracket');
    expect(groups.slashed.get(a as BracketNode)).toEqual([a, b]);
    expect(groups.labelled.get(optB as BracketNode)?.labels).toEqual(['Option A', 'Option B']);
    expect(groups.labelled.get(optA as BracketNode)).toBe(groups.labelled.get(optB as BracketNode));
    expect(groups.slashed.has(c as BracketNode)).toBe(false);
    expect(words(groups.slashed.get((c as BracketNode).options[0]?.children[1] as BracketNode))).toEqual(['[d]', '[e]']);
  });
});
