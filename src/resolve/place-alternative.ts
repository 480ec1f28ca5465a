import type { AlternativeScope } from '../model/schemas.js';
import { parseNotation } from '../notation/parse-notation.js';
import { printNotation } from '../notation/print-notation.js';
import { countSentences, splitAfterSentence } from '../notation/split-sentences.js';
import type { InlineNode, NotationRoot, RootChild } from '../notation/types.js';

/** How `accept` places a wording: by the alternative's scope, or as the user overrides it. */
export type Placement = 'scope' | 'replace' | 'append';

/**
 * Why the scope does not fit the text it belongs to, or undefined when it does: the text must
 * have the sentence to insert after, and the words replaced must occur in it exactly once,
 * within one run of plain words (not across a bracket's edge).
 */
export function scopeProblem(text: string, scope: AlternativeScope | undefined): string | undefined {
  if (scope === undefined || 'insertAt' in scope) return undefined;
  const parsed = parseNotation(text);
  if (!parsed.ok) return undefined; // the notation error is reported on its own
  if ('insertAfterSentence' in scope) {
    const n = scope.insertAfterSentence;
    if (splitAfterSentence(parsed.tree, n) === undefined) {
      const count = countSentences(parsed.tree);
      return `the text has ${count} sentence${count === 1 ? '' : 's'} outside brackets, so nothing follows sentence ${n} to insert before`;
    }
    return undefined;
  }
  const found = findWords(parsed.tree.children, scope.replaces);
  if (found === 0) return `"${scope.replaces}" is not in the text (outside a bracket's edges)`;
  if (found > 1) return `"${scope.replaces}" occurs ${found} times in the text; give more words so that it occurs once`;
  return undefined;
}

/**
 * The text with the wording put where its scope says: in place of the whole text, at a point of
 * it, or in place of the words it replaces. Throws an Error with a reason when the scope does not
 * fit the text (see `scopeProblem`); callers turn it into an input error naming the paragraph.
 */
export function placeWording(text: string, wording: string, scope: AlternativeScope | undefined, placement: Placement = 'scope'): string {
  if (placement === 'replace' || (placement === 'scope' && scope === undefined)) return wording;
  const parsed = parseNotation(text);
  if (!parsed.ok) throw new Error('the text does not parse');
  const tree = parsed.tree;
  if (placement === 'append' || (scope !== undefined && 'insertAt' in scope && scope.insertAt === 'end')) return join(printNotation(tree), wording);
  if (scope !== undefined && 'insertAt' in scope) return join(wording, printNotation(tree));
  const problem = scopeProblem(text, scope);
  if (problem !== undefined) throw new Error(problem);
  if (scope !== undefined && 'insertAfterSentence' in scope) {
    const split = splitAfterSentence(tree, scope.insertAfterSentence);
    if (split === undefined) throw new Error('no such sentence');
    return join(join(printNotation(split.before), wording), printNotation(split.after));
  }
  return printNotation(replaceWords(tree, (scope as { replaces: string }).replaces, wording));
}

function join(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  return `${left} ${right}`;
}

function findWords(children: readonly RootChild[], words: string): number {
  let count = 0;
  for (const child of children) {
    if (child.type === 'text') count += occurrences(child.value, words);
    else if (child.type === 'bracket') for (const option of child.options) count += findWords(option.children, words);
  }
  return count;
}

/** Where `needle` stands in `haystack` as whole words ("all" is not in "call"). */
function wordMatches(haystack: string, needle: string): number[] {
  const found: number[] = [];
  const wordy = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const edgeBefore = !(wordy(haystack[at - 1]) && wordy(needle[0]));
    const edgeAfter = !(wordy(haystack[at + needle.length]) && wordy(needle[needle.length - 1]));
    if (edgeBefore && edgeAfter) found.push(at);
  }
  return found;
}

function occurrences(haystack: string, needle: string): number {
  return wordMatches(haystack, needle).length;
}

function replaceWords(tree: NotationRoot, words: string, wording: string): NotationRoot {
  const swap = <T extends RootChild>(children: readonly T[]): T[] =>
    children.map((child): T => {
      if (child.type === 'text') {
        const [at] = wordMatches(child.value, words);
        return (at === undefined ? child : { type: 'text', value: child.value.slice(0, at) + wording + child.value.slice(at + words.length) }) as T;
      }
      if (child.type !== 'bracket') return child;
      return { ...child, options: child.options.map((o) => ({ ...o, children: swap<InlineNode>(o.children) })) };
    });
  return { type: 'root', children: swap(tree.children) };
}
