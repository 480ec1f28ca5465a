import { describe, expect, it } from 'vitest';
import { letters, roman } from '../../src/importer/markdown-list-labels.js';
import { normalizeMarkdown } from '../../src/importer/normalize-markdown.js';
import { splitSourceLines } from '../../src/importer/split-source-lines.js';

const normalized = (text: string) => normalizeMarkdown(splitSourceLines(text));
const texts = (text: string): string[] => normalized(text).lines.map((l) => l.text);

describe('normalizeMarkdown', () => {
  it('headings and option lines lose their marks, keep their words', () => {
    expect(texts('## Article 2 *(Objective)*\n\n**Option 1:** Parties shall\n\n**Option 2**: No text\n\n### ARTICLE 3 ###')).toEqual([
      'Article 2 (Objective)',
      '',
      'Option 1: Parties shall',
      '',
      'Option 2: No text',
      '',
      'ARTICLE 3',
    ]);
  });

  it('escaped brackets are negotiation brackets; other escapes are undone too', () => {
    expect(texts('\\[Member States\\]/\\[Contracting Parties\\] \\[should\\]/\\[shall\\] under paragraph \\(1\\), 5 \\* 3 and \\_x\\_')).toEqual([
      '[Member States]/[Contracting Parties] [should]/[shall] under paragraph (1), 5 * 3 and _x_',
    ]);
  });

  it('an escaped star is never emphasis; real emphasis is', () => {
    expect(texts('\\*not emphasis\\* but *this* and __that__')).toEqual(['*not emphasis* but this and that']);
  });

  it('footnote references are cut out and listed; definitions become notes, with their continuation lines', () => {
    const result = normalized('1. The goal[^3] of the Parties[^a].\n\n[^3]: The Tunis \\[Agenda\\].\n    Second line.\n[^a]: Another note.\n2. Next');
    expect(result.lines.map((l) => l.text)).toEqual(['1. The goal of the Parties.', '', '2. Next']);
    expect(result.references).toEqual([{ marker: '3', line: 1, column: 12 }, { marker: 'a', line: 1, column: 31 }]);
    expect(result.notes).toEqual([
      { marker: '3', text: 'The Tunis [Agenda]. Second line.', line: 3, kind: 'footnote' },
      { marker: 'a', text: 'Another note.', line: 5, kind: 'footnote' },
    ]);
  });

  it('rebuilds legal labels from list depth: 1., then (a), then (i); a new list starts again', () => {
    const result = normalized('3. "Use" means:\n   1. in a product:\n      1. making; or\n      2. selling.\n   2. in a process:\n      - using;\n      - offering.\n4. Next\n\nHeading\n\n1. Restart\n   1. again');
    expect(result.lines.map((l) => l.text)).toEqual([
      '3. "Use" means:',
      '(a) in a product:',
      '(i) making; or',
      '(ii) selling.',
      '(b) in a process:',
      '(i) using;',
      '(ii) offering.',
      '4. Next',
      '',
      'Heading',
      '',
      '1. Restart',
      '(a) again',
    ]);
    expect(result.lines[2]).toEqual({ text: '(i) making; or', line: 3, column: 7 });
  });

  it('keeps a list open across an item\'s unindented continuation line, and nests ` 1.` restarting under a numbered item', () => {
    // COP21 Markdown copies: wrapped text pasted at column 1 inside a list item; sub-items indented by one space.
    expect(texts('15. When accounting:\n    1. Such resources\ntarget adaptation;\n    2. Any uncertainty;\n    3. Counted once.\n16. Next')).toEqual([
      '15. When accounting:',
      '(a) Such resources',
      'target adaptation;',
      '(b) Any uncertainty;',
      '(c) Counted once.',
      '16. Next',
    ]);
    expect(texts('7. Each Party shall provide:\n\n 1. A national inventory report;\n\n 2. Information to track progress.\n\n8. Each Party')).toEqual([
      '7. Each Party shall provide:',
      '',
      '(a) A national inventory report;',
      '',
      '(b) Information to track progress.',
      '',
      '8. Each Party',
    ]);
    // After a blank line, an unindented line ends the list.
    expect(texts('1. One\n   1. sub\n\nText\n   1. again')).toEqual(['1. One', '(a) sub', '', 'Text', '1. again']);
  });

  it('counts labels as drafts do', () => {
    expect([1, 2, 26, 27].map(letters)).toEqual(['a', 'b', 'z', 'aa']);
    expect([1, 4, 9, 14, 40].map(roman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl']);
  });
});
