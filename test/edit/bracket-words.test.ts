import { describe, expect, it } from 'vitest';
import { bracketWords } from '../../src/edit/bracket-words.js';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import type { NotationRoot } from '../../src/notation/types.js';
import { failure } from '../helpers/sandbox.js';

function tree(text: string): NotationRoot {
  const parsed = parseNotation(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.tree;
}
const bracketed = (text: string, words: string, occurrence?: number) => printNotation(bracketWords(tree(text), words, occurrence));

describe('bracketWords', () => {
  it('puts whole words in a keep-or-drop bracket, whatever the spacing typed', () => {
    expect(bracketed('We agree that some adjustments are needed.', 'some  adjustments')).toBe('We agree that [some adjustments] are needed.');
    expect(bracketed('Adjustments are needed.', 'Adjustments')).toBe('[Adjustments] are needed.');
    expect(bracketed('We agree, in particular.', 'in particular')).toBe('We agree, [in particular].');
  });

  it('matches whole words only', () => {
    expect(failure(() => bracketed('the themes', 'the them')).message).toMatch(/is not in the text as whole words/);
    expect(bracketed('theme and the', 'the')).toBe('theme and [the]');
  });

  it('may hold whole brackets, and finds words inside a bracket', () => {
    expect(bracketed('the [efficient] mechanisms work', 'the [efficient] mechanisms')).toBe('[the [efficient] mechanisms] work');
    expect(bracketed('we [agree to act now] today', 'act now')).toBe('we [agree to [act now]] today');
    expect(bracketed('the [management/development of resources] now', 'of resources')).toBe('the [management/development [of resources]] now');
  });

  it('never cuts a bracket', () => {
    expect(failure(() => bracketed('the [efficient] mechanisms', 'the [efficient')).message).toMatch(/without cutting another/);
  });

  it('refuses words already in brackets on their own', () => {
    expect(failure(() => bracketed('we agree that [some] adjustments', 'some')).message).toBe('"some" is in brackets already: [some]');
  });

  it('lists every occurrence with its context, and --occurrence picks one', () => {
    const text = 'The States shall act. The States shall report.';
    const error = failure(() => bracketed(text, 'shall'));
    expect(error.message).toBe('"shall" is found 2 times; pick one with --occurrence N:\n  1: The States «shall» act. The States shall report.\n  2: … States shall act. The States «shall» report.');
    expect(bracketed(text, 'shall', 2)).toBe('The States shall act. The States [shall] report.');
    expect(failure(() => bracketed(text, 'shall', 3)).message).toBe('--occurrence 3: "shall" is found 2 times');
  });

  it('counts an occurrence inside a bracket in reading order', () => {
    expect(bracketed('act [and act] and act', 'act', 2)).toBe('act [and [act]] and act');
  });

  it('refuses empty words and leaves the tree it was given alone', () => {
    const original = tree('some words');
    expect(failure(() => bracketWords(original, '  ')).message).toBe('--words is empty; give the words to put in brackets');
    bracketWords(original, 'some');
    expect(printNotation(original)).toBe('some words');
  });
});
