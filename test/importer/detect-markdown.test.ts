import { describe, expect, it } from 'vitest';
import { detectMarkdown } from '../../src/importer/detect-markdown.js';
import { splitSourceLines } from '../../src/importer/split-source-lines.js';
import { corpusText } from '../helpers/corpus.js';

const corpus = (name: string) => splitSourceLines(corpusText(name));
const md = (text: string) => detectMarkdown(splitSourceLines(text));

describe('detectMarkdown', () => {
  it('needs two kinds of sign', () => {
    expect(md('## Article 2 *(Objective)*\n\n**Option 1:** text\n\n**Option 2**: other')).toBe(true);
    expect(md('1. \\[Member States\\]/\\[Parties\\] shall\n   1. item \\(a\\)\n   2. item\n')).toBe(true);
    expect(md('Text with a note[^3].\n\n# Title\n')).toBe(true);
    expect(md('1. [Member States] shall\n   1. item\n   2. item\n')).toBe(false);
    expect(md('Only \\[escapes\\] \\[here\\]')).toBe(false);
  });

  it('tells the corpus apart: 08 is Markdown, 07 and the TPP text are not', () => {
    expect(detectMarkdown(corpus('08-wipo-igc-tce-draft-articles-markdown.txt'))).toBe(true);
    expect(detectMarkdown(corpus('07-wipo-igc-tce-draft-articles-plain.txt'))).toBe(false);
    expect(detectMarkdown(corpus('05-tpp-ip-chapter-2013-general-provisions.txt'))).toBe(false);
  });
});
