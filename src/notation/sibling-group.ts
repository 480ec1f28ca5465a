import type { BracketNode, RootChild } from './types.js';

/**
 * The group of brackets side by side that `bracket` belongs to, looked for at every depth of
 * `children`: `groupsIn` finds the groups directly in one list of siblings, `members` names a
 * group's brackets. Labelled and slashed choices are both read off the tree this way.
 */
export function siblingGroup<G>(
  children: readonly RootChild[],
  bracket: BracketNode,
  groupsIn: (siblings: readonly RootChild[]) => G[],
  members: (group: G) => readonly BracketNode[],
): G | undefined {
  if (children.includes(bracket)) return groupsIn(children).find((g) => members(g).includes(bracket));
  for (const child of children) {
    if (child.type !== 'bracket') continue;
    for (const option of child.options) {
      const found = siblingGroup(option.children, bracket, groupsIn, members);
      if (found) return found;
    }
  }
  return undefined;
}
