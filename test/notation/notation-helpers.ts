/**
 * Shared helpers for the notation tests: tree builders, position stripping and an independent
 * bracket-balance oracle. Not a test file itself.
 */
import type {
  BracketNode,
  InlineNode,
  NotationError,
  NotationNode,
  NotationResult,
  NotationRoot,
  OptionNode,
  Point,
  Position,
  TextNode,
} from '../../src/notation/types.js';

export const text = (value: string, position?: Position): TextNode =>
  position ? { type: 'text', value, position } : { type: 'text', value };

export const option = (...children: InlineNode[]): OptionNode => ({ type: 'option', children });

export const bracket = (...options: OptionNode[]): BracketNode => ({ type: 'bracket', options });

/** A labelled bracket: `labelled('Option 2A: ', option(text('act')))` is `[Option 2A: act]`. */
export const labelled = (raw: string, ...options: OptionNode[]): BracketNode => ({
  type: 'bracket',
  label: { value: raw.replace(/[\s:]+$/u, ''), raw },
  options,
});

export const root = (...children: InlineNode[]): NotationRoot => ({ type: 'root', children });

/** A point on line 1, where column is always offset + 1 (no LineIndex involved). */
export const p1 = (offset: number): Point => ({ line: 1, column: offset + 1, offset });

/** A span on line 1. */
export const span1 = (start: number, end: number): Position => ({ start: p1(start), end: p1(end) });

/** A deep copy of a node with every `position` removed. */
export function stripPositions<T extends NotationNode>(node: T): T {
  switch (node.type) {
    case 'text':
      return { type: 'text', value: node.value } as T;
    case 'bracket':
      return {
        type: 'bracket',
        ...(node.label ? { label: { ...node.label } } : {}),
        options: node.options.map(stripPositions),
      } as T;
    case 'option':
      return { type: 'option', children: node.children.map(stripPositions) } as T;
    case 'root':
      return { type: 'root', children: node.children.map(stripPositions) } as T;
    case 'spanOpen':
    case 'spanClose':
      return { type: node.type, span: node.span } as T;
  }
  // Unreachable for well-typed input.
  throw new Error('unknown node');
}

/** Unwraps an ok result or fails with the errors in the message. */
export function expectTree(result: NotationResult): NotationRoot {
  if (!result.ok) throw new Error(`expected ok, got errors: ${JSON.stringify(result.errors)}`);
  return result.tree;
}

/** Unwraps an error result or fails. */
export function expectErrors(result: NotationResult): NotationError[] {
  if (result.ok) throw new Error('expected errors, got a tree');
  return result.errors;
}

/** Every node of a tree, depth first, parents before children. */
export function allNodes(node: NotationNode): NotationNode[] {
  const out: NotationNode[] = [node];
  const kids: NotationNode[] =
    node.type === 'bracket' ? node.options : 'children' in node ? node.children : [];
  for (const kid of kids) out.push(...allNodes(kid));
  return out;
}

/**
 * Naive line/column of an offset: lines break after `\n` only (a `\r` is an ordinary column),
 * columns count UTF-16 code units.
 */
export function naivePoint(source: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

export interface ExpectedError {
  code: NotationError['code'];
  offset: number;
}

/** An independent oracle for bracket balance: which brackets are unmatched, in offset order. */
export function bracketErrors(source: string): ExpectedError[] {
  const open: number[] = [];
  const out: ExpectedError[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '[') open.push(i);
    else if (source[i] === ']') {
      if (open.pop() === undefined) out.push({ code: 'UNEXPECTED_CLOSING_BRACKET', offset: i });
    }
  }
  for (const offset of open) out.push({ code: 'UNCLOSED_BRACKET', offset });
  return out.sort((a, b) => a.offset - b.offset);
}
