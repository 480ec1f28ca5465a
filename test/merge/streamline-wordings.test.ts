import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyChoices } from '../../src/merge/apply-choices.js';
import { normalizeWhitespace } from '../../src/merge/normalize-whitespace.js';
import { streamlineWordings } from '../../src/merge/streamline-wordings.js';
import type { StreamlineResult } from '../../src/merge/types.js';
import { parseNotation } from '../../src/notation/parse-notation.js';
import { BUNDLED_DRAFT } from '../helpers/sandbox.js';
import { stripPositions } from '../notation/notation-helpers.js';

/** Streamlines and checks what every example must satisfy: the text reads back, each wording comes back. */
function streamline(...wordings: string[]): StreamlineResult {
  const result = streamlineWordings(wordings);
  expect(result.issues).toEqual([]);
  const reparsed = parseNotation(result.text);
  if (!reparsed.ok) throw new Error(`streamlined text does not parse: ${result.text}`);
  expect(stripPositions(reparsed.tree)).toEqual(result.tree);
  wordings.forEach((wording, k) => {
    expect(normalizeWhitespace(applyChoices(reparsed.tree, result.choices[k] ?? []))).toBe(normalizeWhitespace(wording));
  });
  return result;
}

const counts = (r: StreamlineResult) => ({ brackets: r.brackets, contestedWords: r.contestedWords, agreedWords: r.agreedWords });

describe('streamlineWordings: two wordings', () => {
  it('brackets only the word that differs', () => {
    const r = streamline('the importance', 'the necessity');
    expect(r.text).toBe('the [importance/necessity]');
    expect(r.choices).toEqual([[{ option: 0 }], [{ option: 1 }]]);
    expect(counts(r)).toEqual({ brackets: 1, contestedWords: 2, agreedWords: 1 });
  });

  it('keeps the white space outside the bracket', () => {
    expect(streamline('the importance of it', 'the necessity of it').text).toBe('the [importance/necessity] of it');
  });

  it('makes an insertion or deletion a keep-or-drop bracket, whichever wording comes first', () => {
    const deleted = streamline('the importance of', 'the of');
    expect(deleted.text).toBe('the [importance] of');
    expect(deleted.choices).toEqual([[{ option: 0 }], ['drop']]);
    const inserted = streamline('the of', 'the importance of');
    expect(inserted.text).toBe('the [importance] of');
    expect(inserted.choices).toEqual([['drop'], [{ option: 0 }]]);
  });

  it('brackets words at the start and at the end', () => {
    expect(streamline('We further underline', 'further underline').text).toBe('[We] further underline');
    expect(streamline('cooperation to this end.', 'cooperation.').text).toBe('cooperation [to this end].');
    expect(streamline('', 'some words').text).toBe('[some words]');
  });

  it('leaves identical wordings without a bracket', () => {
    const r = streamline('We call upon governments, inter alia, to act.', 'We call upon governments, inter alia, to act.');
    expect(r.text).toBe('We call upon governments, inter alia, to act.');
    expect(r.choices).toEqual([[], []]);
    expect(counts(r)).toEqual({ brackets: 0, contestedWords: 0, agreedWords: 8 });
  });

  it('treats white space as some or none, keeping the first wording’s', () => {
    expect(streamline('the\nimportance  of it', 'the necessity of it').text).toBe('the\n[importance/necessity]  of it');
    expect(streamline('the  same\ttext', 'the same text').text).toBe('the  same\ttext');
  });
});

describe('streamlineWordings: punctuation', () => {
  it('splits punctuation off words, mark by mark', () => {
    expect(streamline('mechanisms, at national level', 'mechanisms at national level').text).toBe(
      'mechanisms[,] at national level',
    );
    expect(streamline('a “b” c', 'a “d” c').text).toBe('a “[b/d]” c');
    expect(streamline('items a, b', 'items a; b', 'items a b').text).toBe('items a[,/;/] b');
  });

  it('keeps a space outside when one option starts with a comma', () => {
    const r = streamline('cooperation to this end', 'cooperation, inter alia');
    expect(r.text).toBe('cooperation [to this end/, inter alia]');
    expect(applyChoices(r.tree, [{ option: 1 }])).toBe('cooperation, inter alia');
  });

  it('keeps inner marks and document symbols inside one word', () => {
    const r = streamline('UNGA Resolutions 55/63 and 56/121', 'UNGA Resolution 55/63');
    expect(r.text).toBe('UNGA [Resolutions/Resolution] 55/63 [and 56/121]');
    expect(r.choices).toEqual([
      [{ option: 0 }, { option: 0 }],
      [{ option: 1 }, 'drop'],
    ]);
  });
});

describe('streamlineWordings: the slash rule', () => {
  it('spaces a joining slash that a digit or an address would swallow', () => {
    expect(streamline('resolution 2005 of', 'resolution 2006 of').text).toBe('resolution [2005 / 2006] of');
    expect(streamline('see A/60/L.1 here', 'see A/60/L.2 here').text).toBe('see [A/60/L.1 / A/60/L.2] here');
    expect(streamline('at https://un.org/a today', 'at https://un.org/b today').text).toBe(
      'at [https://un.org/a / https://un.org/b] today',
    );
    expect(streamline('in 2005 only', 'in 2006 only', 'only').text).toBe('[in 2005 /in 2006 /] only');
  });

  it('widens the bracket rather than leave a space that no choice removes', () => {
    // `x ([1 / 2]) y` would give back `x ( 2) y`; taking in the shared `(` keeps every wording exact.
    expect(streamline('x (1) y', 'x (2) y').text).toBe('x [(1 / (2]) y');
  });

  it('reports an option holding a slash the parser would read as a separator; the tree stays right', () => {
    const r = streamlineWordings(['x and/or y', 'x or y']);
    expect(r.text).toBe('x [and/or/or] y');
    expect(r.issues.map((i) => i.code)).toEqual(['SLASH_READ_AS_SEPARATOR']);
    expect(applyChoices(r.tree, r.choices[0] ?? [])).toBe('x and/or y');
    expect(applyChoices(r.tree, r.choices[1] ?? [])).toBe('x or y');
  });
});

describe('streamlineWordings: three or more wordings', () => {
  it('lists distinct segments once, in the order of the first wording that has each', () => {
    const r = streamline('to enhance the forum', 'to establish the forum', 'to enhance the forum');
    expect(r.text).toBe('to [enhance/establish] the forum');
    expect(r.choices).toEqual([[{ option: 0 }], [{ option: 1 }], [{ option: 0 }]]);
    expect(streamline('to enhance the forum', 'to establish the forum', 'to strengthen the forum').text).toBe(
      'to [enhance/establish/strengthen] the forum',
    );
  });

  it('gives wordings with nothing there an empty last option', () => {
    const r = streamline('a x c', 'a y c', 'a c', 'a x c');
    expect(r.text).toBe('a [x/y/] c');
    expect(r.choices).toEqual([[{ option: 0 }], [{ option: 1 }], [{ option: 2 }], [{ option: 0 }]]);
  });

  it('uses a keep-or-drop bracket when all wordings with words there agree', () => {
    const r = streamline('a x c', 'a c', 'a x c');
    expect(r.text).toBe('a [x] c');
    expect(r.choices).toEqual([[{ option: 0 }], ['drop'], [{ option: 0 }]]);
  });

  it('leaves plain only what all wordings share', () => {
    expect(streamline('a b', 'a b c', 'a c').text).toBe('a [b/b c/c]');
  });
});

describe('streamlineWordings: wordings that already have brackets', () => {
  it('nests a wording’s own bracket inside an option', () => {
    const r = streamline('the [new] rules', 'the [old] rules');
    expect(r.text).toBe('the [[new]/[old]] rules');
    expect(streamline('the [new] rules', 'the rules').text).toBe('the [[new]] rules');
    expect(streamline('x [a/b] y', 'x z y').text).toBe('x [[a/b]/z] y');
  });

  it('leaves a bracket every wording has plain, resolved by keep', () => {
    const r = streamline('the [new] rules', 'the [new] rules apply');
    expect(r.text).toBe('the [new] rules [apply]');
    expect(r.choices).toEqual([
      ['keep', 'drop'],
      ['keep', { option: 0 }],
    ]);
    expect(counts(r)).toEqual({ brackets: 1, contestedWords: 1, agreedWords: 3 });
  });
});

describe('streamlineWordings: errors', () => {
  it('needs two wordings', () => {
    expect(() => streamlineWordings([])).toThrow('at least 2 wordings, got 0');
    expect(() => streamlineWordings(['only one'])).toThrow('at least 2 wordings, got 1');
  });

  it('says which wording is not valid notation', () => {
    expect(() => streamlineWordings(['fine', 'not [closed'])).toThrow(/^wording 2: not valid bracket notation/);
  });
});

describe('streamlineWordings: paragraph 61 of the bundled draft', () => {
  const paragraph = parse(readFileSync(join(BUNDLED_DRAFT, 'paragraphs', '061.yaml'), 'utf8')) as {
    alternatives: { label: string; text: string }[];
  };
  const [alt1, alt2, alt3] = paragraph.alternatives.map((a) => a.text) as [string, string, string];

  it('Alt 1 + Alt 2: Alt 2’s own bracket moves as one and is nested', () => {
    const r = streamline(alt1, alt2);
    expect(r.text).toBe(
      'We further underline [[the importance of efficient mechanisms and effective instruments at national and ' +
        'international levels, and]] the necessity [of effective instruments and efficient mechanisms at national and ' +
        'international levels, and the importance] to promote international cooperation to this end.',
    );
    expect(counts(r)).toEqual({ brackets: 2, contestedWords: 28, agreedWords: 12 });
    expect(r.choices).toEqual([
      ['drop', { option: 0 }],
      [{ option: 0 }, 'drop'],
    ]);
  });

  it('Alt 1 + Alt 2 + Alt 3', () => {
    const r = streamline(alt1, alt2, alt3);
    expect(r.text).toBe(
      'We further underline [[the importance of efficient mechanisms and effective instruments at national and ' +
        'international levels, and]] the necessity [of effective instruments and efficient mechanisms at national and ' +
        'international levels, and the importance/of effective and efficient tools and mechanisms, at national and ' +
        'international levels,/] to promote international cooperation [to this end/, inter alia, among law ' +
        'enforcement agencies on cybercrime].',
    );
    expect(counts(r)).toEqual({ brackets: 3, contestedWords: 51, agreedWords: 9 });
    expect(r.choices).toEqual([
      ['drop', { option: 0 }, { option: 0 }],
      [{ option: 0 }, { option: 2 }, { option: 0 }],
      ['drop', { option: 1 }, { option: 1 }],
    ]);
  });

  it('Alt 1 + Alt 3: the brackets narrow to the words that really differ', () => {
    const r = streamline(alt1, alt3);
    expect(r.text).toBe(
      'We further underline the necessity of effective [instruments] and efficient [tools and] mechanisms[,] at ' +
        'national and international levels, [and the importance] to promote international cooperation [to this ' +
        'end/, inter alia, among law enforcement agencies on cybercrime].',
    );
    expect(counts(r)).toEqual({ brackets: 5, contestedWords: 17, agreedWords: 19 });
  });
});
