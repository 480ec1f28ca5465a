import { describe, expect, it } from 'vitest';
import { mergeConventions } from '../../src/importer/merge-conventions.js';

describe('mergeConventions', () => {
  it('adds a file\'s words to those the draft was imported with, each once; the file\'s scope wins', () => {
    expect(mergeConventions({ agreedMarkers: ['(Acordado)'], alternativeScope: { insertAt: 'end' } }, { agreedMarkers: ['(Acordado)', '[acordado]'], optionWords: ['Opción'], alternativeScope: { insertAfterSentence: 1 } })).toEqual({
      agreedMarkers: ['(Acordado)', '[acordado]'],
      optionWords: ['Opción'],
      alternativeScope: { insertAfterSentence: 1 },
    });
  });

  it('is either one alone, or nothing', () => {
    expect(mergeConventions(undefined, { optionWords: ['Opción'] })).toEqual({ optionWords: ['Opción'] });
    expect(mergeConventions({ optionWords: ['Opción'] }, undefined)).toEqual({ optionWords: ['Opción'] });
    expect(mergeConventions(undefined, undefined)).toBeUndefined();
  });
});
