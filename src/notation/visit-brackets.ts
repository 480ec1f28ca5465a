import type { BracketNode, RootChild } from './types.js';

export interface BracketVisit {
  bracket: BracketNode;
  /** 0 for a bracket in plain text, 1 for a bracket inside another, and so on. */
  depth: number;
}

/** Every bracket in reading order, outer before inner (the edges of a bracket span are not brackets of the text). */
export function listBrackets(children: readonly RootChild[], depth = 0): BracketVisit[] {
  const out: BracketVisit[] = [];
  for (const child of children) {
    if (child.type !== 'bracket') continue;
    out.push({ bracket: child, depth });
    for (const option of child.options) out.push(...listBrackets(option.children, depth + 1));
  }
  return out;
}
