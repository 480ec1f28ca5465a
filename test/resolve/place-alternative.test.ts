import { describe, expect, it } from 'vitest';
import { placeWording, scopeProblem } from '../../src/resolve/place-alternative.js';

const TEXT = 'We underline the prosecution of cybercrime. We call upon [all] governments to act.';

describe('placeWording', () => {
  it('replaces the whole text when the alternative has no scope', () => {
    expect(placeWording(TEXT, 'New text.', undefined)).toBe('New text.');
  });

  it('inserts after a sentence, at the start or at the end', () => {
    expect(placeWording(TEXT, 'We further underline it.', { insertAfterSentence: 1 })).toBe(
      'We underline the prosecution of cybercrime. We further underline it. We call upon [all] governments to act.',
    );
    expect(placeWording(TEXT, 'First.', { insertAt: 'start' })).toBe(`First. ${TEXT}`);
    expect(placeWording(TEXT, 'Last.', { insertAt: 'end' })).toBe(`${TEXT} Last.`);
  });

  it('replaces the words it names, inside brackets too', () => {
    expect(placeWording(TEXT, 'prosecution and prevention', { replaces: 'prosecution' })).toBe(
      'We underline the prosecution and prevention of cybercrime. We call upon [all] governments to act.',
    );
    expect(placeWording(TEXT, 'most', { replaces: 'all' })).toBe('We underline the prosecution of cybercrime. We call upon [most] governments to act.');
  });

  it('is overridden by --replace and --append', () => {
    expect(placeWording(TEXT, 'New.', { insertAfterSentence: 1 }, 'replace')).toBe('New.');
    expect(placeWording(TEXT, 'New.', { insertAfterSentence: 1 }, 'append')).toBe(`${TEXT} New.`);
    expect(placeWording(TEXT, 'New.', undefined, 'append')).toBe(`${TEXT} New.`);
  });

  it('refuses a scope that does not fit the text, saying why', () => {
    expect(() => placeWording(TEXT, 'x', { insertAfterSentence: 2 })).toThrow('the text has 2 sentences outside brackets, so nothing follows sentence 2 to insert before');
    expect(() => placeWording(TEXT, 'x', { replaces: 'nowhere' })).toThrow('"nowhere" is not in the text');
    expect(scopeProblem('the cat and the cat', { replaces: 'cat' })).toBe('"cat" occurs 2 times in the text; give more words so that it occurs once');
    expect(scopeProblem(TEXT, { insertAt: 'end' })).toBeUndefined();
  });
});
