import { isOptionSeparator } from '../notation/option-separator.js';
import { parseNotation } from '../notation/parse-notation.js';
import { printNotation } from '../notation/print-notation.js';
import type { BracketNode, InlineNode, OptionNode } from '../notation/types.js';

export interface BuiltBracket {
  bracket: BracketNode;
  /** Options that got a space at their start so the slash before them still separates. */
  paddedStart: Set<number>;
  /** Options that got a space at their end so the slash after them still separates. */
  paddedEnd: Set<number>;
  /** Whether the printed bracket parses back to exactly this bracket. */
  readsBack: boolean;
}

/**
 * Makes a bracket from option contents and checks that its text reads back the same. The slash
 * rule can swallow a joining slash: in `[2005/2006]` the word around the slash holds a digit, so
 * the parser sees one option. Such a join gets a space on the side that cures it
 * (`[2005 / 2006]`); `applyChoices` removes that space again where it meets other space,
 * punctuation or the end of the text. A literal slash inside an option's text (`and/or`) cannot
 * be written at all, nor can options that meet as `]/[` unless each is one bracket alone (the
 * parser reads such a slash as joining two brackets, see `joinsBrackets`); `readsBack` is then
 * false and the tree is the only faithful form.
 */
export function buildBracket(contents: readonly (readonly InlineNode[])[]): BuiltBracket {
  const options: OptionNode[] = contents.map((children) => ({ type: 'option', children: [...children] }));
  const paddedStart = new Set<number>();
  const paddedEnd = new Set<number>();
  for (let j = 1; j < options.length; j++) {
    const before = options[j - 1] as OptionNode;
    const after = options[j] as OptionNode;
    const cure = CURES.find(
      ([end, start]) => (!end || canPad(before, /\s$/u)) && (!start || canPad(after, /^\s/u)) && joinSeparates(options, j, end, start),
    );
    if (!cure) continue; // nothing helps; readsBack will say so
    const [end, start] = cure;
    if (end) {
      padEnd(before);
      paddedEnd.add(j - 1);
    }
    if (start) {
      padStart(after);
      paddedStart.add(j);
    }
  }
  const bracket: BracketNode = { type: 'bracket', options };
  return { bracket, paddedStart, paddedEnd, readsBack: readsBack(bracket) };
}

/** No space first; then a space before the slash, after it, or both. */
const CURES: ReadonlyArray<readonly [boolean, boolean]> = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

/** Whether the slash printed before option j is read as a separator, with spaces added around it or not. */
function joinSeparates(options: readonly OptionNode[], j: number, spaceBefore: boolean, spaceAfter: boolean): boolean {
  const printed = options.map(printNotation);
  printed[j - 1] += spaceBefore ? ' ' : '';
  printed[j] = (spaceAfter ? ' ' : '') + printed[j];
  const index = printed.slice(0, j).reduce((sum, p) => sum + p.length + 1, 0);
  return isOptionSeparator(`[${printed.join('/')}]`, index);
}

/** An empty option stays empty, and an option already spaced on that side needs no space. */
function canPad(option: OptionNode, spaced: RegExp): boolean {
  const text = printNotation(option);
  return text !== '' && !spaced.test(text);
}

// New text nodes, never edited ones: the contents may be shared with the caller.
function padEnd(option: OptionNode): void {
  const last = option.children[option.children.length - 1];
  if (last?.type === 'text') option.children[option.children.length - 1] = { type: 'text', value: `${last.value} ` };
  else option.children.push({ type: 'text', value: ' ' });
}

function padStart(option: OptionNode): void {
  const first = option.children[0];
  if (first?.type === 'text') option.children[0] = { type: 'text', value: ` ${first.value}` };
  else option.children.unshift({ type: 'text', value: ' ' });
}

/** Whether printing the bracket and parsing it again gives the same bracket. */
function readsBack(bracket: BracketNode): boolean {
  const parsed = parseNotation(printNotation(bracket));
  if (!parsed.ok || parsed.tree.children.length !== 1) return false;
  return sameShape(parsed.tree.children[0] as InlineNode, bracket);
}

/** Structural equality, positions ignored. */
export function sameShape(a: InlineNode, b: InlineNode): boolean {
  if (a.type === 'text') return b.type === 'text' && a.value === b.value;
  if (b.type === 'text' || a.options.length !== b.options.length || a.label?.raw !== b.label?.raw) return false;
  return a.options.every((option, i) => {
    const other = (b.options[i] as OptionNode).children;
    return option.children.length === other.length && option.children.every((c, j) => sameShape(c, other[j] as InlineNode));
  });
}
