import type { BracketNode, InlineNode, NotationRoot, OptionNode, RootChild } from './types.js';

/**
 * A copy of the tree with one bracket replaced by the given nodes (its kept words, or nothing).
 * Whitespace is tidied where a bracket was dropped: `agree that [some] adjustments` keeps one
 * space, `the end [of it].` none before the period, `[Also,] we` and `([a] b)` none at the start.
 * Given a run of brackets side by side (a labelled choice), the run goes from its first bracket
 * to its last, with the blanks between them.
 */
export function replaceBracket(tree: NotationRoot, target: BracketNode | readonly BracketNode[], replacement: readonly InlineNode[]): NotationRoot {
  const run = Array.isArray(target) ? (target as readonly BracketNode[]) : [target as BracketNode];
  return { type: 'root', children: replaceIn(tree.children, run, replacement) };
}

function replaceIn<T extends RootChild>(children: readonly T[], run: readonly BracketNode[], replacement: readonly InlineNode[]): T[] {
  const out: RootChild[] = [];
  let trimLeading = false;
  const all = children as readonly RootChild[];
  const first = all.indexOf(run[0] as BracketNode);
  const last = first < 0 ? -1 : all.indexOf(run[run.length - 1] as BracketNode, first);
  children.forEach((child, i) => {
    if (first >= 0 && i > first && i <= last) return;
    if (i === first) {
      if (replacement.length > 0) {
        out.push(...replacement.map(copyNode));
        return;
      }
      const before = out[out.length - 1];
      const after = children[last + 1];
      const next = after?.type === 'text' ? after.value : '';
      if (before?.type === 'text' && /\s$/.test(before.value) && (after === undefined || /^[\s.,;:!?)]/.test(next))) {
        before.value = before.value.replace(/\s+$/, '');
      } else if (before === undefined || (before.type === 'text' && /[(“‘"]$/.test(before.value))) {
        // At the start of the text or just inside an opening parenthesis or quote.
        trimLeading = true;
      }
      return;
    }
    const copy: RootChild =
      child.type === 'bracket' ? bracketCopy(child, run, replacement) : child.type === 'text' ? { type: 'text', value: child.value } : child.type === 'spanOpen' ? { type: 'spanOpen', span: child.span } : { type: 'spanClose', span: child.span };
    if (trimLeading && copy.type === 'text') copy.value = copy.value.replace(/^\s+/, '');
    trimLeading = false;
    out.push(copy);
  });
  return mergeText(out) as T[];
}

function bracketCopy(bracket: BracketNode, run: readonly BracketNode[], replacement: readonly InlineNode[]): BracketNode {
  return {
    type: 'bracket',
    ...(bracket.label ? { label: { ...bracket.label } } : {}),
    options: bracket.options.map((o): OptionNode => ({ type: 'option', children: replaceIn(o.children, run, replacement) })),
  };
}

function mergeText(nodes: readonly RootChild[]): RootChild[] {
  const out: RootChild[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else if (node.type !== 'text' || node.value !== '') out.push(node);
  }
  return out;
}

function copyNode(node: InlineNode): InlineNode {
  if (node.type === 'text') return { type: 'text', value: node.value };
  return {
    type: 'bracket',
    ...(node.label ? { label: { ...node.label } } : {}),
    options: node.options.map((o) => ({ type: 'option', children: o.children.map(copyNode) })),
  };
}
