import { inputError } from '../diagnostics/diagnostic.js';
import { printNotation } from '../notation/print-notation.js';
import type { BracketNode, InlineNode, NotationRoot, OptionNode } from '../notation/types.js';

/** One place where the words stand: the list of nodes holding them and their span in that list's printed text. */
interface Occurrence {
  /** The children of the root, or of one option of a bracket. */
  list: InlineNode[];
  start: number;
  end: number;
  /** Where the span starts in the whole text, for the context shown when several match. */
  at: number;
  /** The option holding the list, when it is inside a bracket. */
  option?: { bracket: BracketNode; option: OptionNode };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The text with `words` put in brackets: a keep-or-drop bracket, as a delegation asks for words
 * it wants deleted. The words are matched as written (spacing aside), whole words only, in the
 * plain text or inside a bracket; they may hold whole brackets (`the [efficient] mechanisms`)
 * but not cut one. Found more than once, `occurrence` (1-based) picks one; without it, an error
 * lists each with its context.
 */
export function bracketWords(tree: NotationRoot, words: string, occurrence?: number): NotationRoot {
  const wanted = words.trim();
  if (wanted === '') throw inputError('--words is empty; give the words to put in brackets');
  if (tree.children.some((child) => child.type !== 'text' && child.type !== 'bracket')) {
    throw inputError('this text holds the [ or ] of a bracket span over several paragraphs or items; settle the span first (accept --span N --keep or --drop)');
  }
  const copy = structuredClone(tree) as NotationRoot & { children: InlineNode[] };
  const text = printNotation(copy);
  const found = occurrences(copy, wanted, 0);
  if (found.length === 0) throw inputError(`"${wanted}" is not in the text as whole words (nor inside one bracket without cutting another)`);
  if (occurrence !== undefined && (occurrence < 1 || occurrence > found.length)) {
    throw inputError(`--occurrence ${occurrence}: "${wanted}" is found ${found.length === 1 ? 'once' : `${found.length} times`}`);
  }
  if (found.length > 1 && occurrence === undefined) {
    const list = found.map((o, i) => `  ${i + 1}: ${context(text, o.at, o.end - o.start)}`).join('\n');
    throw inputError(`"${wanted}" is found ${found.length} times; pick one with --occurrence N:\n${list}`);
  }
  const chosen = found[(occurrence ?? 1) - 1] as Occurrence;
  if (chosen.option && chosen.start === 0 && chosen.end === printNotation(chosen.list).length && chosen.option.bracket.options.length === 1) {
    throw inputError(`"${wanted}" is in brackets already: ${printNotation(chosen.option.bracket)}`);
  }
  wrap(chosen);
  return copy;
}

/** Every whole-word match in `list` and in the options of its brackets, in reading order. */
function occurrences(root: { children: InlineNode[] }, wanted: string, offset: number, option?: Occurrence['option']): Occurrence[] {
  const list = root.children;
  const printed = list.map((node) => printNotation(node));
  const spans: { start: number; end: number; node: InlineNode }[] = [];
  let at = 0;
  list.forEach((node, i) => {
    const length = (printed[i] as string).length;
    spans.push({ start: at, end: at + length, node });
    at += length;
  });
  const text = printed.join('');
  const found: Occurrence[] = [];
  const pattern = new RegExp(wanted.split(/\s+/u).map(escape).join('\\s+'), 'gu');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    pattern.lastIndex = start + 1;
    if (WORD_CHAR.test(match[0][0] ?? '') && WORD_CHAR.test(text[start - 1] ?? '')) continue;
    if (WORD_CHAR.test(match[0].at(-1) ?? '') && WORD_CHAR.test(text[end] ?? '')) continue;
    // Inside a bracket (found in its option instead) or cutting one: not a span of this list.
    if (spans.some((s) => s.node.type === 'bracket' && ((start > s.start && start < s.end) || (end > s.start && end < s.end)))) continue;
    found.push({ list, start, end, at: offset + start, ...(option ? { option } : {}) });
  }
  for (const span of spans) {
    if (span.node.type !== 'bracket') continue;
    const bracket = span.node;
    // `[` and the label come before the first option; `/` before each of the others.
    let inner = offset + span.start + 1 + (bracket.label?.raw.length ?? 0);
    for (const child of bracket.options) {
      found.push(...occurrences(child, wanted, inner, { bracket, option: child }));
      inner += printNotation(child).length + 1;
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Replaces the nodes of the span, split where it starts and ends inside text, by one bracket holding them. */
function wrap({ list, start, end }: Occurrence): void {
  const before: InlineNode[] = [];
  const inside: InlineNode[] = [];
  const after: InlineNode[] = [];
  let at = 0;
  for (const node of list) {
    const length = printNotation(node).length;
    const [from, to] = [at, at + length];
    at = to;
    if (node.type === 'bracket') {
      (to <= start ? before : from >= end ? after : inside).push(node);
      continue;
    }
    const cut = (a: number, b: number) => node.value.slice(Math.max(0, a - from), Math.max(0, Math.min(length, b - from)));
    const parts: [InlineNode[], string][] = [
      [before, cut(from, start)],
      [inside, cut(Math.max(from, start), end)],
      [after, cut(Math.max(from, end), to)],
    ];
    for (const [target, value] of parts) if (value !== '') target.push({ type: 'text', value });
  }
  const bracket: BracketNode = { type: 'bracket', options: [{ type: 'option', children: inside }] };
  list.splice(0, list.length, ...before, bracket, ...after);
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The match with a few words either side: `…the [management/development] of «critical Internet» resources…`. */
function context(text: string, at: number, length: number): string {
  const from = Math.max(0, at - 30);
  const to = Math.min(text.length, at + length + 30);
  return `${from > 0 ? '…' : ''}${text.slice(from, at)}«${text.slice(at, at + length)}»${text.slice(at + length, to)}${to < text.length ? '…' : ''}`;
}
