import type { NotationRoot, RootChild } from './types.js';

/**
 * Where the text's sentences end: a full stop, question or exclamation mark (with any closing
 * quote or parenthesis after it) in plain text, outside every bracket, followed by a blank and
 * something that starts a sentence (a capital, a digit, an opening quote or bracket). A sentence
 * ending inside a bracket is contested: it is not a place to insert at.
 */
export interface SentenceEnd {
  /** Index of the top-level text node the sentence ends in. */
  node: number;
  /** Offset just after the closing punctuation, within that node's value. */
  offset: number;
}

/** Words that end in a full stop without ending a sentence ("e.g. UNGA", "No. 5", "Art. 3"). */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'cf', 'viz', 'vs', 'no', 'nos', 'art', 'arts', 'para', 'paras', 'res', 'doc', 'vol', 'p', 'pp', 'ch', 'sect', 'mr', 'mrs', 'ms', 'dr', 'st', 'inc', 'ltd', 'co', 'approx', 'fig', 'op', 'al',
]);

const END = /([.!?])["'”’)]*(?=\s)/g;

export function sentenceEnds(tree: NotationRoot): SentenceEnd[] {
  const ends: SentenceEnd[] = [];
  tree.children.forEach((child, node) => {
    if (child.type !== 'text') return;
    for (const match of child.value.matchAll(END)) {
      const offset = (match.index ?? 0) + match[0].length;
      if (match[1] === '.' && isAbbreviation(child.value.slice(0, match.index))) continue;
      if (!startsSentence(tree.children, node, offset)) continue;
      ends.push({ node, offset });
    }
  });
  return ends;
}

/**
 * The text split after its `n`th sentence (1-based): the nodes before and after, the blank
 * between them dropped. Undefined when the text has no `n`th sentence followed by more text.
 */
export function splitAfterSentence(tree: NotationRoot, n: number): { before: RootChild[]; after: RootChild[] } | undefined {
  const end = sentenceEnds(tree)[n - 1];
  if (end === undefined) return undefined;
  const split = tree.children[end.node];
  if (split?.type !== 'text') return undefined;
  const head = split.value.slice(0, end.offset);
  const tail = split.value.slice(end.offset).replace(/^\s+/, '');
  return {
    before: [...tree.children.slice(0, end.node), { type: 'text', value: head }],
    after: [...(tail === '' ? [] : [{ type: 'text' as const, value: tail }]), ...tree.children.slice(end.node + 1)],
  };
}

/** How many sentences the text has, counting a last one that ends without punctuation. */
export function countSentences(tree: NotationRoot): number {
  return sentenceEnds(tree).length + 1;
}

function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^[(“"‘']+/, '').toLowerCase();
  // A lone letter is an initial ("J. Smith"); a word with dots inside is an abbreviation ("U.N").
  return ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || /\p{L}\.\p{L}/u.test(bare);
}

function startsSentence(children: readonly RootChild[], node: number, offset: number): boolean {
  const here = children[node];
  const rest = here?.type === 'text' ? here.value.slice(offset).replace(/^\s+/, '') : '';
  if (rest !== '') return /^[\p{Lu}\p{N}“"‘'([]/u.test(rest);
  // The blank ends the node: a bracket (or a bracket span) follows, and a contested sentence starts; or nothing does.
  const next = children[node + 1]?.type;
  return next === 'bracket' || next === 'spanOpen';
}
