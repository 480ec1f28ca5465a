import { describe, expect, it } from 'vitest';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import { listBrackets } from '../../src/notation/visit-brackets.js';
import { bracket, expectTree, option, root, text } from './notation-helpers.js';

/** Each visited bracket as [printed text, depth, start offset]. */
const visits = (source: string): [string, number, number | undefined][] =>
  listBrackets(expectTree(parseNotation(source)).children).map((v) => [
    printNotation(v.bracket),
    v.depth,
    v.bracket.position?.start.offset,
  ]);

describe('listBrackets', () => {
  it('returns nothing for text without brackets', () => {
    expect(listBrackets([])).toEqual([]);
    expect(visits('agreed text with a/b slash')).toEqual([]);
  });

  it('lists sibling brackets in reading order at depth 0', () => {
    expect(visits('[shall][agree to] all member[s]')).toEqual([
      ['[shall]', 0, 0],
      ['[agree to]', 0, 7],
      ['[s]', 0, 28],
    ]);
  });

  it('lists outer before inner, and inner brackets in option order', () => {
    expect(visits('[a/[b/c]/d]')).toEqual([
      ['[a/[b/c]/d]', 0, 0],
      ['[b/c]', 1, 3],
    ]);
  });

  it('walks depth first in reading order with the right depths', () => {
    const source = 'x [a[b]] y [c/[d][e[f]]] z [g]';
    expect(visits(source)).toEqual([
      ['[a[b]]', 0, 2],
      ['[b]', 1, 4],
      ['[c/[d][e[f]]]', 0, 11],
      ['[d]', 1, 14],
      ['[e[f]]', 1, 17],
      ['[f]', 2, 19],
      ['[g]', 0, 27],
    ]);
    // Reading order means strictly increasing start offsets.
    const offsets = visits(source).map((v) => v[2] ?? -1);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('returns the very bracket nodes of the tree, not copies', () => {
    const inner = bracket(option(text('b')));
    const outer = bracket(option(text('a')), option(inner));
    const visited = listBrackets(root(outer).children);
    expect(visited).toHaveLength(2);
    expect(visited[0]?.bracket).toBe(outer);
    expect(visited[1]?.bracket).toBe(inner);
    expect(visited.map((v) => v.depth)).toEqual([0, 1]);
  });

  it('starts counting at the given depth', () => {
    const tree = root(bracket(option(bracket(option(text('x'))))));
    expect(listBrackets(tree.children, 3).map((v) => v.depth)).toEqual([3, 4]);
  });

  it('reaches brackets nested 50 deep', () => {
    const source = '['.repeat(50) + 'x' + ']'.repeat(50);
    const depths = listBrackets(expectTree(parseNotation(source)).children).map((v) => v.depth);
    expect(depths).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
