import type { NotationNode, RootChild } from './types.js';

/** The one printer: turns any notation node back into text. `printNotation(parseNotation(s).tree) === s`. */
export function printNotation(node: NotationNode | readonly RootChild[]): string {
  if (Array.isArray(node)) return (node as readonly RootChild[]).map(printNotation).join('');
  const n = node as NotationNode;
  switch (n.type) {
    case 'root':
    case 'option':
      return n.children.map(printNotation).join('');
    case 'text':
      return n.value;
    case 'spanOpen':
      return '[';
    case 'spanClose':
      return ']';
    case 'bracket':
      return `[${n.label?.raw ?? ''}${n.options.map(printNotation).join('/')}]`;
  }
}
