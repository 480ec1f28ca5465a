import { describe, expect, it } from 'vitest';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { printNotation } from '../../src/notation/print-notation.js';
import { countSentences, splitAfterSentence } from '../../src/notation/split-sentences.js';
import type { NotationRoot } from '../../src/notation/types.js';

function tree(text: string): NotationRoot {
  const parsed = parseNotation(text);
  if (!parsed.ok) throw new Error(`does not parse: ${text}`);
  return parsed.tree;
}

function split(text: string, n: number): [string, string] | undefined {
  const result = splitAfterSentence(tree(text), n);
  return result && [printNotation(result.before), printNotation(result.after)];
}

describe('splitAfterSentence', () => {
  it('splits after a full stop followed by a new sentence', () => {
    expect(split('We underline this. We call upon them.', 1)).toEqual(['We underline this.', 'We call upon them.']);
    expect(split('One. Two? Three! Four.', 2)).toEqual(['One. Two?', 'Three! Four.']);
  });

  it('does not split after abbreviations, initials or in the middle of numbers', () => {
    expect(split('See e.g. UNGA Res. 55/63 and art. 5. Then more.', 1)).toEqual(['See e.g. UNGA Res. 55/63 and art. 5.', 'Then more.']);
    expect(split('As J. Smith and the U.N. said. Next.', 1)).toEqual(['As J. Smith and the U.N. said.', 'Next.']);
    expect(split('Version 2.1 of it. Next.', 1)).toEqual(['Version 2.1 of it.', 'Next.']);
  });

  it('keeps a closing quote or parenthesis with its sentence', () => {
    expect(split('They said “stop.” Then we left.', 1)).toEqual(['They said “stop.”', 'Then we left.']);
  });

  it('never splits inside a bracket: a contested sentence is not a place to insert at', () => {
    expect(split('We agree [to act. Now we go] here. Last one.', 1)).toEqual(['We agree [to act. Now we go] here.', 'Last one.']);
    expect(countSentences(tree('We agree [to act. Now we go] here.'))).toBe(1);
  });

  it('splits before a sentence that opens with a bracket', () => {
    expect(split('We agree. [We also note it.] Fine.', 1)).toEqual(['We agree.', '[We also note it.] Fine.']);
  });

  it('has nothing to split after the last sentence', () => {
    expect(split('Only one sentence.', 1)).toBeUndefined();
    expect(split('One. Two.', 2)).toBeUndefined();
    expect(countSentences(tree('One. Two.'))).toBe(2);
  });
});
