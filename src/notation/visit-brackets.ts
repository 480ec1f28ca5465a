import type { BracketNode, InlineNode } from './types.js';

export interface BracketVisit {
  bracket: BracketNode;
  /** 0 for a bracket in plain text, 1 for a bracket inside another, and so on. */
  depth: number;
}

/** Every bracket in reading order, outer before inner. */
export function listBrackets(children: readonly InlineNode[], depth = 0): BracketVisit[] {
  const out: BracketVisit[] = [];
  for (const child of children) {
    if (child.type !== 'bracket') continue;
    out.push({ bracket: child, depth });
    for (const option of child.options) out.push(...listBrackets(option.children, depth + 1));
  }
  return out;
}
