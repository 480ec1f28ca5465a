import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import type { BracketNode, InlineNode, NotationNode, NotationRoot, OptionNode } from '../../src/notation/types.js';
import { allNodes, bracketErrors, naivePoint, stripPositions } from './notation-helpers.js';

const NUM_RUNS = 500;

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Characters that are not brackets, rich in the ones the parser cares about. */
const NON_BRACKET_CHARS = [
  '/', '/', '/', ' ', ' ', 'a', 'b', 'x', 'Z', '1', '7', ':', '.', '-', '*', '\n', '\r\n', '\t',
  '\u00a0', '“', '”', 'ق', 'ر', 'é', '😀',
];

const nonBracketChar = fc.constantFrom(...NON_BRACKET_CHARS);
const anyChar = fc.constantFrom('[', '[', '[', ']', ']', ']', ...NON_BRACKET_CHARS);

/** Any string over the rich alphabet: mostly unbalanced. */
const richString = fc.string({ unit: anyChar, maxLength: 40 });

/** Option labels as they open a bracket, with and without the blanks after the colon. */
const LABELS = ['Option 2A: ', 'Option 1:', 'option (a):\t', 'OPTION B :  ', 'Option\u00a0IV:'];

/** Text with no brackets at all. */
const bracketFreeText = fc.string({ unit: nonBracketChar, maxLength: 6 });

/** Balanced strings: bracket-free text and `[...]` groups nested to any depth. */
const { balanced } = fc.letrec<{ balanced: string; group: string }>((tie) => ({
  balanced: fc
    .array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, bracketFreeText, tie('group')), {
      maxLength: 5,
    })
    .map((parts) => parts.join('')),
  group: fc.tuple(fc.constantFrom('', '', '', ...LABELS), tie('balanced')).map(([label, inner]) => `[${label}${inner}]`),
}));

/** Balanced strings with at least one bracket. */
const balancedWithBracket = fc
  .tuple(balanced, balanced, balanced)
  .map(([before, inner, after]) => `${before}[${inner}]${after}`);

// Well-formed trees. Text inside options avoids brackets, slashes that could separate and
// digits or `://` next to an option boundary; document symbols appear only as words of their own.
const WORD_CHARS = ['a', 'b', 'c', 'Z', 'é', 'ق', 'ر', '“', '”', '-', '.', ',', '*', '😀'];
const word = fc.string({ unit: fc.constantFrom(...WORD_CHARS), minLength: 1, maxLength: 5 });
const space = fc.constantFrom(' ', ' ', '\n', '\r\n', '\t', '\u00a0');
const symbol = fc
  .constantFrom('A/60/L.1', 'A/60/L.1/Rev.2', '57/239', 'https://un.org/a/b', 'E/CN.6/2020/L.1')
  .map((s) => ` ${s} `);
const optionText = fc
  .array(fc.oneof(word, space, symbol), { minLength: 1, maxLength: 4 })
  .map((parts): InlineNode => ({ type: 'text', value: parts.join('') }));
/** Outside brackets anything but a bracket is text, slashes and digits included. */
const topText = fc
  .string({ unit: nonBracketChar, minLength: 1, maxLength: 8 })
  .map((value): InlineNode => ({ type: 'text', value }));

const { bracketNode } = fc.letrec<{ bracketNode: BracketNode; optionNode: OptionNode; inline: InlineNode }>(
  (tie) => ({
    bracketNode: fc
      .tuple(fc.constantFrom(undefined, undefined, 'Option 2A: ', 'option (b):  ', 'Option 3 : '), fc.array(tie('optionNode'), { minLength: 1, maxLength: 4 }))
      .map(([raw, options]): BracketNode =>
        raw === undefined ? { type: 'bracket', options } : { type: 'bracket', label: { value: raw.replace(/[\s:]+$/u, ''), raw }, options },
      ),
    optionNode: fc
      .array(tie('inline'), { maxLength: 3 })
      .map((children): OptionNode => ({ type: 'option', children })),
    inline: fc.oneof({ depthSize: 'small', withCrossShrink: true }, optionText, tie('bracketNode')),
  }),
);

const wellFormedTree = fc
  .array(fc.oneof(topText, bracketNode), { maxLength: 5 })
  .map((children): NotationRoot => ({ type: 'root', children }))
  .filter((tree) => !hasJoinedOptions(tree.children));

/**
 * Whether some bracket's options meet as `]/[` while not every one of them is a bracket alone:
 * the parser reads that slash as joining two brackets (`[[a]/[b] c]` is to keep or drop, see
 * `joinsBrackets`), so such a tree cannot be written.
 */
function hasJoinedOptions(children: readonly NotationNode[]): boolean {
  return children.some((child) => {
    if (child.type !== 'bracket') return 'children' in child && hasJoinedOptions(child.children);
    const printed = child.options.map((o) => printNotation(o));
    const joined = printed.some((p, k) => k > 0 && /\][ \t\u00a0]*$/u.test(printed[k - 1] as string) && /^[ \t\u00a0]*\[/u.test(p));
    const lone = child.options.every((o) => o.children.filter((c) => c.type === 'bracket').length === 1 && o.children.every((c) => c.type === 'bracket' || c.value.trim() === ''));
    return (joined && !lone) || child.options.some((o) => hasJoinedOptions(o.children));
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/**
 * The canonical shape the parser produces: no empty text, no two text nodes side by side, and
 * the blanks that open a labelled bracket's first option read as part of its label.
 */
function normalizeChildren(children: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const child of children) {
    if (child.type === 'bracket') {
      const options = child.options.map((o): OptionNode => ({ type: 'option', children: normalizeChildren(o.children) }));
      if (child.label === undefined) {
        out.push({ type: 'bracket', options });
        continue;
      }
      let raw = child.label.raw;
      const first = options[0]?.children[0];
      if (first?.type === 'text') {
        const blanks = /^[ \t\u00a0]*/u.exec(first.value)?.[0] ?? '';
        raw += blanks;
        first.value = first.value.slice(blanks.length);
        if (first.value === '') options[0]?.children.shift();
      }
      out.push({ type: 'bracket', label: { value: child.label.value, raw }, options });
      continue;
    }
    if (child.value === '') continue;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.value += child.value;
    else out.push({ type: 'text', value: child.value });
  }
  return out;
}

const childrenOf = (node: NotationNode): readonly NotationNode[] =>
  node.type === 'bracket' ? node.options : 'children' in node ? node.children : [];

/** Asserts every position of a parsed tree against the source it came from. */
function checkPositions(source: string, tree: NotationRoot): void {
  for (const node of allNodes(tree)) {
    const pos = node.position;
    expect(pos, `${node.type} without position`).toBeDefined();
    if (!pos) continue;
    // Points agree with a naive line/column count.
    expect(pos.start).toEqual(naivePoint(source, pos.start.offset));
    expect(pos.end).toEqual(naivePoint(source, pos.end.offset));
    // Offsets slice the source to exactly the printed node.
    expect(source.slice(pos.start.offset, pos.end.offset)).toBe(printNotation(node));

    const kids = childrenOf(node);
    if (node.type === 'bracket') {
      // Options sit between the brackets (after the label, if any), one `/` apart.
      const label = node.label?.raw ?? '';
      expect(source.slice(pos.start.offset + 1, pos.start.offset + 1 + label.length)).toBe(label);
      expect(kids[0]?.position?.start.offset).toBe(pos.start.offset + 1 + label.length);
      expect(kids[kids.length - 1]?.position?.end.offset).toBe(pos.end.offset - 1);
      for (let i = 1; i < kids.length; i++) {
        const gap = kids[i - 1]?.position?.end.offset ?? -1;
        expect(source[gap]).toBe('/');
        expect(kids[i]?.position?.start.offset).toBe(gap + 1);
      }
    } else if (node.type !== 'text') {
      // Children of a root or option tile it without gaps.
      let at = pos.start.offset;
      for (const kid of kids) {
        expect(kid.position?.start.offset).toBe(at);
        at = kid.position?.end.offset ?? -1;
      }
      expect(at).toBe(pos.end.offset);
      // Parsed text is canonical: never empty, never two in a row.
      for (let i = 0; i < kids.length; i++) {
        const kid = kids[i];
        if (kid?.type !== 'text') continue;
        expect(kid.value).not.toBe('');
        expect(kids[i + 1]?.type).not.toBe('text');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('parseNotation / printNotation round trip (property)', () => {
  it('(1) never throws on arbitrary strings; ok parses print back exactly; errors match an oracle', () => {
    let okCount = 0;
    let errorCount = 0;
    fc.assert(
      fc.property(fc.oneof(richString, balanced), (source) => {
        const result = parseNotation(source);
        const expected = bracketErrors(source);
        if (result.ok) {
          okCount++;
          expect(expected).toEqual([]);
          expect(printNotation(result.tree)).toBe(source);
        } else {
          errorCount++;
          expect(result.errors.map((e) => ({ code: e.code, offset: e.point.offset }))).toEqual(expected);
          for (const e of result.errors) {
            expect(e.point).toEqual(naivePoint(source, e.point.offset));
            expect(e.message).not.toBe('');
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // Both branches were exercised.
    expect(okCount).toBeGreaterThan(0);
    expect(errorCount).toBeGreaterThan(0);
  });

  it('(2) a well-formed tree prints to notation that parses back to the same tree and text', () => {
    fc.assert(
      fc.property(wellFormedTree, (tree) => {
        const printed = printNotation(tree);
        const result = parseNotation(printed);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(printNotation(result.tree)).toBe(printed);
        expect(stripPositions(result.tree)).toEqual({ type: 'root', children: normalizeChildren(tree.children as InlineNode[]) });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(3) positions of an error-free parse slice the source to exactly each printed node', () => {
    fc.assert(
      fc.property(balanced, (source) => {
        const result = parseNotation(source);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.tree.position).toEqual({
          start: { line: 1, column: 1, offset: 0 },
          end: naivePoint(source, source.length),
        });
        checkPositions(source, result.tree);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(4) deleting one bracket from a balanced string always yields an error at a bracket', () => {
    const deletion = balancedWithBracket.chain((source) => {
      const brackets = [...source.matchAll(/[[\]]/g)].map((m) => m.index);
      return fc.constantFrom(...brackets).map((index) => ({ source, index }));
    });
    fc.assert(
      fc.property(deletion, ({ source, index }) => {
        const deleted = source[index];
        const broken = source.slice(0, index) + source.slice(index + 1);
        const result = parseNotation(broken);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        // Removing one bracket unbalances the string by exactly one bracket.
        expect(result.errors).toHaveLength(1);
        const [error] = result.errors;
        expect(error?.code).toBe(deleted === ']' ? 'UNCLOSED_BRACKET' : 'UNEXPECTED_CLOSING_BRACKET');
        const offset = error?.point.offset ?? -1;
        expect(broken[offset]).toBe(deleted === ']' ? '[' : ']');
        expect(error?.point).toEqual(naivePoint(broken, offset));
        expect(result.errors.map((e) => ({ code: e.code, offset: e.point.offset }))).toEqual(bracketErrors(broken));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
