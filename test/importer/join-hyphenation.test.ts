import { describe, expect, it } from 'vitest';
import { joinHyphenation } from '../../src/importer/join-hyphenation.js';
import { splitSourceLines } from '../../src/importer/split-source-lines.js';

const joined = (text: string) => joinHyphenation(splitSourceLines(text));
const texts = (text: string): string[] => joined(text).map((l) => l.text);

describe('joinHyphenation', () => {
  it('joins a word broken at the end of a line, dropping the hyphen; the next line keeps its place', () => {
    expect(joined('protect the envi-\nronment and health')).toEqual([
      { text: 'protect the environment', line: 1, column: 1 },
      { text: 'and health', line: 2, column: 9 },
    ]);
  });

  it('drops the next line when the fragment was all of it', () => {
    expect(texts('the envi-\nronment.\n2. Next')).toEqual(['the environment.', '2. Next']);
  });

  it('keeps the hyphen after a prefix that keeps it, or when the text writes the word hyphenated elsewhere', () => {
    expect(texts('other than non-\nbiological processes')).toEqual(['other than non-biological', 'processes']);
    expect(texts('a profit-making body and a profit-\nmaking one')).toEqual(['a profit-making body and a profit-making', 'one']);
    expect(texts('the non-\nderogation clause; nonderogation again')).toEqual(['the nonderogation', 'clause; nonderogation again']);
  });

  it('does not join when the next line starts with a capital, a number or a label', () => {
    expect(texts('the Asia-\nPacific region')).toEqual(['the Asia-', 'Pacific region']);
    expect(texts('text-\n2. Next')).toEqual(['text-', '2. Next']);
  });

  it('removes soft hyphens, joining at the end of a line', () => {
    expect(texts('nego\u00adtiation of the docu\u00ad\nment')).toEqual(['negotiation of the document']);
    expect(texts('end\u00ad\nNext')).toEqual(['end', 'Next']);
  });

  it('joins "profit- making" within a line (corpus 07), but not a suspended hyphen', () => {
    expect(texts('leading to profit- making or commercial purposes; capacity- building projects')).toEqual(['leading to profit-making or commercial purposes; capacity-building projects']);
    expect(texts('not over- or under-inclusive; short- and long-term')).toEqual(['not over- or under-inclusive; short- and long-term']);
  });
});
