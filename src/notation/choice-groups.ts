import { labelledChoices, type LabelledChoice } from './labelled-choice.js';
import { slashedChoices } from './slashed-choice.js';
import type { BracketNode, NotationRoot, RootChild } from './types.js';

/** The choices that brackets side by side make, found once for every bracket of some texts. */
export interface ChoiceGroups {
  /** Each labelled bracket's choice (a lone one is a choice of one). */
  labelled: Map<BracketNode, LabelledChoice>;
  /** Each bracket joined to others by slashes: the brackets of its choice, in order. */
  slashed: Map<BracketNode, BracketNode[]>;
}

/**
 * Every labelled and slashed choice in the trees, by bracket, in one walk over each list of
 * siblings: what `show` asks of each of a paragraph's brackets in turn, which looking up one
 * bracket at a time (`labelledChoice`, `slashedChoice`) would make quadratic in their number.
 */
export function choiceGroups(trees: readonly NotationRoot[]): ChoiceGroups {
  const groups: ChoiceGroups = { labelled: new Map(), slashed: new Map() };
  const visit = (children: readonly RootChild[]): void => {
    for (const choice of labelledChoices(children)) for (const b of choice.brackets) groups.labelled.set(b, choice);
    for (const choice of slashedChoices(children)) for (const b of choice) groups.slashed.set(b, choice);
    // Nesting is bounded by the parser's depth limit.
    for (const child of children) if (child.type === 'bracket') for (const option of child.options) visit(option.children);
  };
  for (const tree of trees) visit(tree.children);
  return groups;
}

/** The labelled choice `bracket` belongs to, anywhere in `tree`; undefined when it has no label. */
export function labelledChoice(tree: NotationRoot, bracket: BracketNode): LabelledChoice | undefined {
  return bracket.label === undefined ? undefined : choiceGroups([tree]).labelled.get(bracket);
}

/** The brackets of the slashed choice `bracket` belongs to, anywhere in `tree` (see `slashedChoices`). */
export function slashedChoice(tree: NotationRoot, bracket: BracketNode): BracketNode[] | undefined {
  return choiceGroups([tree]).slashed.get(bracket);
}
