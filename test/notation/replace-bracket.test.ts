import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import { replaceBracket } from '../../src/notation/replace-bracket.js';
import type { InlineNode, NotationRoot } from '../../src/notation/types.js';
import { listBrackets } from '../../src/notation/visit-brackets.js';
import { allNodes, expectTree } from './notation-helpers.js';

/** The n-th bracket (1-based, outer before inner, as `show` numbers them) of a parsed text. */
function nth(tree: NotationRoot, n: number) {
  const visit = listBrackets(tree.children)[n - 1];
  if (!visit) throw new Error(`no bracket ${n}`);
  return visit.bracket;
}

const parse = (source: string): NotationRoot => expectTree(parseNotation(source));

/** The text after dropping bracket n. */
function drop(source: string, n = 1): string {
  const tree = parse(source);
  return printNotation(replaceBracket(tree, nth(tree, n), []));
}

/** The text after keeping the words of bracket n (its only option). */
function keep(source: string, n = 1): string {
  const tree = parse(source);
  const bracket = nth(tree, n);
  return printNotation(replaceBracket(tree, bracket, bracket.options[0]?.children ?? []));
}

/** The text after choosing option k (1-based) of bracket n. */
function choose(source: string, n: number, k: number): string {
  const tree = parse(source);
  const bracket = nth(tree, n);
  const option = bracket.options[k - 1];
  if (!option) throw new Error(`no option ${k}`);
  return printNotation(replaceBracket(tree, bracket, option.children));
}

describe('replaceBracket: dropping a bracket tidies the whitespace around it', () => {
  it('keeps one space between the words on either side', () => {
    expect(drop('we agree that [some] adjustments need to be made')).toBe('we agree that adjustments need to be made');
  });

  it('leaves no space before the punctuation that follows', () => {
    expect(drop('the end [of it].')).toBe('the end.');
    expect(drop('the end [of it], and more')).toBe('the end, and more');
    expect(drop('the end [of it]; then')).toBe('the end; then');
    expect(drop('(see the annex [below]) too')).toBe('(see the annex) too');
  });

  it('leaves no space at the start of the text', () => {
    expect(drop('[Also,] we agree')).toBe('we agree');
  });

  it('leaves no space at the end of the text', () => {
    expect(drop('we agree [to this]')).toBe('we agree');
  });

  it('leaves nothing when the bracket was the whole text', () => {
    expect(drop('[all of it]')).toBe('');
  });

  it('leaves the spacing alone when the bracket was glued to a word', () => {
    expect(drop('member[s] agree')).toBe('member agree');
    expect(drop('a [x]b')).toBe('a b');
  });

  it('keeps the punctuation outside the bracket: it belongs to the text, not to the bracket', () => {
    expect(drop('in the environment, [and we support software].')).toBe('in the environment,.');
  });

  it('leaves no space after an opening parenthesis', () => {
    expect(drop('see ([a] b)')).toBe('see (b)');
  });
});

describe('replaceBracket: keeping and choosing', () => {
  it('keeps the words of a one-option bracket, without the brackets', () => {
    expect(keep('we agree that [some] adjustments')).toBe('we agree that some adjustments');
    expect(keep('[Also,] we')).toBe('Also, we');
  });

  it('chooses one option of [a/b]', () => {
    const source = 'in the technical [management/development] of the Internet.';
    expect(choose(source, 1, 1)).toBe('in the technical management of the Internet.');
    expect(choose(source, 1, 2)).toBe('in the technical development of the Internet.');
  });

  it('chooses among three options', () => {
    expect(choose('we [shall/should/may] act', 1, 3)).toBe('we may act');
  });
});

describe('replaceBracket: nested brackets', () => {
  const nested = 'we [further [and strongly] underline] the need';

  it('numbers the outer bracket before the inner one', () => {
    const tree = parse(nested);
    expect(printNotation(nth(tree, 1))).toBe('[further [and strongly] underline]');
    expect(printNotation(nth(tree, 2))).toBe('[and strongly]');
  });

  it('dropping the outer bracket removes the inner one with it', () => {
    expect(drop(nested, 1)).toBe('we the need');
  });

  it('keeping the outer bracket leaves the inner one open', () => {
    expect(keep(nested, 1)).toBe('we further [and strongly] underline the need');
  });

  it('resolving the inner bracket keeps the outer one', () => {
    expect(drop(nested, 2)).toBe('we [further underline] the need');
    expect(keep(nested, 2)).toBe('we [further and strongly underline] the need');
  });

  it('tidies the whitespace at the start and the end of an option', () => {
    expect(drop('a [[x] y] b', 2)).toBe('a [y] b');
    expect(drop('a [y [x]] b', 2)).toBe('a [y] b');
  });

  it('choosing an option that holds a bracket keeps that bracket open', () => {
    expect(choose('[the [effective] tools/the means] exist', 1, 1)).toBe('the [effective] tools exist');
  });

  it('resolving a bracket inside one option of [a/b] leaves the other options alone', () => {
    expect(choose('[the [effective/efficient] tools/the means] exist', 2, 2)).toBe('[the efficient tools/the means] exist');
  });
});

describe('replaceBracket: adjacent brackets', () => {
  it('drops either of two brackets that touch', () => {
    expect(drop('we [shall][agree to] act', 1)).toBe('we [agree to] act');
    expect(drop('we [shall][agree to] act', 2)).toBe('we [shall] act');
  });

  it('drops either of two brackets separated by a space', () => {
    expect(drop('we [shall] [agree to] act', 1)).toBe('we [agree to] act');
    expect(drop('we [shall] [agree to] act', 2)).toBe('we [shall] act');
    expect(drop('[shall] [agree to] act', 1)).toBe('[agree to] act');
    expect(drop('we [shall] [agree to]', 2)).toBe('we [shall]');
  });

  it('keeps one of two brackets that touch', () => {
    expect(keep('we [shall][agree to] act', 2)).toBe('we [shall]agree to act');
  });
});

describe('replaceBracket: the input tree', () => {
  it('is not changed, whichever way a bracket is resolved', () => {
    const sources = ['we agree that [some] adjustments', '[Also,] we', 'the end [of it].', 'a [b [c] d] e', 'x [m/n] y', 'we [shall] [agree to] act'];
    for (const source of sources) {
      const tree = parse(source);
      const pristine = structuredClone(tree);
      for (const visit of listBrackets(tree.children)) {
        replaceBracket(tree, visit.bracket, []);
        for (const option of visit.bracket.options) replaceBracket(tree, visit.bracket, option.children);
      }
      expect(tree).toEqual(pristine);
      expect(printNotation(tree)).toBe(source);
    }
  });

  it('shares no node with the result, so changing the result leaves the input as it was', () => {
    const tree = parse('we agree that [some [more]] adjustments [now]');
    const pristine = structuredClone(tree);
    const outer = nth(tree, 1);
    const result = replaceBracket(tree, outer, outer.options[0]?.children ?? []);
    const inputNodes = new Set(allNodes(tree));
    for (const node of allNodes(result)) expect(inputNodes.has(node)).toBe(false);
    for (const node of allNodes(result)) if (node.type === 'text') node.value = 'CHANGED';
    expect(tree).toEqual(pristine);
  });

  it('gives a tree whose nodes carry no positions (they are generated)', () => {
    const tree = parse('we agree that [some] adjustments [now]');
    const result = replaceBracket(tree, nth(tree, 1), []);
    expect(allNodes(result).every((node) => !('position' in node))).toBe(true);
    expect(result).toEqual({
      type: 'root',
      children: [
        { type: 'text', value: 'we agree that adjustments ' },
        { type: 'bracket', options: [{ type: 'option', children: [{ type: 'text', value: 'now' }] }] },
      ],
    });
  });

  it('merges the kept words into the text around them', () => {
    const tree = parse('agree that [some] adjustments');
    const result = replaceBracket(tree, nth(tree, 1), nth(tree, 1).options[0]?.children ?? []);
    expect(result.children).toEqual([{ type: 'text', value: 'agree that some adjustments' }]);
  });
});

describe('replaceBracket: property', () => {
  /** A word, or one to three words in brackets. */
  const token = fc.oneof(
    fc.constantFrom('we', 'agree', 'that', 'some', 'adjustments', 'need', 'to', 'be', 'made'),
    fc.array(fc.constantFrom('shall', 'also', 'further', 'and'), { minLength: 1, maxLength: 3 }).map((words) => `[${words.join(' ')}]`),
  );
  const sentence = fc.record({
    tokens: fc.array(token, { minLength: 1, maxLength: 8 }),
    end: fc.constantFrom('', '.', ',', ';'),
  });

  it('dropping any bracket of a spaced sentence gives the sentence without it, single-spaced', () => {
    fc.assert(
      fc.property(sentence, ({ tokens, end }) => {
        const source = tokens.join(' ') + end;
        const tree = parse(source);
        const count = listBrackets(tree.children).length;
        let seen = 0;
        tokens.forEach((t, i) => {
          if (!t.startsWith('[')) return;
          seen++;
          const expected = tokens.filter((_, j) => j !== i).join(' ') + end;
          expect(printNotation(replaceBracket(tree, nth(tree, seen), []))).toBe(expected);
        });
        expect(seen).toBe(count);
      }),
    );
  });

  it('keeping any bracket of a sentence only removes its two bracket characters', () => {
    fc.assert(
      fc.property(sentence, ({ tokens, end }) => {
        const source = tokens.join(' ') + end;
        const tree = parse(source);
        let seen = 0;
        tokens.forEach((t, i) => {
          if (!t.startsWith('[')) return;
          seen++;
          const expected = tokens.map((u, j) => (j === i ? u.slice(1, -1) : u)).join(' ') + end;
          const bracket = nth(tree, seen);
          expect(printNotation(replaceBracket(tree, bracket, bracket.options[0]?.children as InlineNode[]))).toBe(expected);
        });
      }),
    );
  });
});
