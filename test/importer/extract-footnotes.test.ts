import { describe, expect, it } from 'vitest';
import { extractFootnotes } from '../../src/importer/extract-footnotes.js';
import { removePageFurniture } from '../../src/importer/remove-page-furniture.js';
import { splitSourceLines } from '../../src/importer/split-source-lines.js';

function extract(text: string) {
  const paged = removePageFurniture(splitSourceLines(text));
  return extractFootnotes(paged.lines, paged.furniture);
}

const FOLIO = `\n\n${' '.repeat(40)}`;

describe('extractFootnotes: page-bottom blocks (pdftotext -layout)', () => {
  const page = [
    'Article 3:            {Objectives}4',
    '',
    '[NZ/CL/CA5/MX6 propose; US oppose: The objectives of this',
    'Chapter are a goal.7 and ]8[ that shall89 be met.]',
    '4',
    '    Negotiators\' Note: AU supports including objectives but is still considering the drafting and',
    '    scope of this article.',
    '5   Negotiators\' Note: CA supports this provision in principle.',
    '6   Negotiators\' Note: MX will reflect further on the general non-',
    '    derogation provision.',
    '7   A note on the goal.',
    '8   A note on the bracket.',
  ].join('\n');

  it('moves the block out as notes, joins wrapped lines, and cuts only the references that have a note', () => {
    const result = extract(`${page}${FOLIO}2\n\fNext page.\n`);
    expect(result.notes.map((n) => [n.marker, n.line, n.text])).toEqual([
      ['4', 5, "Negotiators' Note: AU supports including objectives but is still considering the drafting and scope of this article."],
      ['5', 8, "Negotiators' Note: CA supports this provision in principle."],
      ['6', 9, "Negotiators' Note: MX will reflect further on the general non-derogation provision."],
      ['7', 11, 'A note on the goal.'],
      ['8', 12, 'A note on the bracket.'],
    ]);
    expect(result.lines.map((l) => l.text).slice(0, 4)).toEqual([
      'Article 3:            {Objectives}',
      '',
      '[NZ/CL/CA/MX propose; US oppose: The objectives of this',
      'Chapter are a goal. and ][ that shall89 be met.]',
    ]);
    expect(result.references).toEqual([
      { marker: '4', line: 1, column: 35 },
      { marker: '5', line: 3, column: 10 },
      { marker: '6', line: 3, column: 14 },
      { marker: '7', line: 4, column: 20 },
      { marker: '8', line: 4, column: 27 },
    ]);
    expect(result.lines.map((l) => l.text)).toContain('Next page.');
    expect(result.warnings).toEqual([]);
  });

  it('reads bracketed and standing-apart references: [3], disclosure[ 90], "application. 87 [US"', () => {
    const fixed = ['of the TRIPS Agreement [3]. The public disclosure[ 90]', 'industrial application. 87 [US/AU propose; paragraph 3 applies', '3   First note.', '4   Second note.'].join('\n');
    const found = extract(`${fixed}${FOLIO}5\n\fMore.`);
    expect(found.notes.map((n) => n.marker)).toEqual(['3', '4']);
    expect(found.lines[0]?.text).toBe('of the TRIPS Agreement. The public disclosure[ 90]');
    expect(found.lines[1]?.text).toBe('industrial application. 87 [US/AU propose; paragraph 3 applies');
    expect(found.warnings).toEqual([{ code: 'FOOTNOTE_UNREFERENCED', severity: 'warning', message: 'footnote 4 was moved to the notes, but no reference to it was found in the text of its page', line: 4 }]);
    const apart = extract(`of the TRIPS Agreement. The public disclosure[ 90]\nindustrial application. 89 [US/AU propose;\n89  For purposes of this Article.\n90  A bracketed reference.${FOLIO}28\n\fMore.`);
    expect(apart.lines.slice(0, 2).map((l) => l.text)).toEqual(['of the TRIPS Agreement. The public disclosure', 'industrial application. [US/AU propose;']);
    expect(apart.references.map((r) => r.marker)).toEqual(['90', '89']);
  });

  it('cuts a marker pdftotext glued to a paragraph number where the number cut short goes on from the one before, not a real 116', () => {
    // TPP chapter: `116.` is paragraph 1 with note 16, `430.` paragraph 4 (3 was printed otherwise) with note 30; here 417.
    const page = ['Article QQ.A.7:             {National Treatment}', '', '116. In respect of all categories of intellectual property, each', 'Party shall accord national treatment.', '', '2. Each Party may derogate.', '', '[US/MX propose; BN oppose: 417. Nothing in this Chapter shall require a Party to disclose.]', '16   Negotiators\' Note: JP reserves its position.', '17   Negotiators note: AU supports inclusion.'].join('\n');
    const result = extract(`${page}${FOLIO}9\n\fNext page.\n`);
    expect(result.lines.map((l) => l.text).filter((t) => /^\S/.test(t)).slice(1, 4)).toEqual([
      '1. In respect of all categories of intellectual property, each',
      'Party shall accord national treatment.',
      '2. Each Party may derogate.',
    ]);
    expect(result.lines.find((l) => l.text.startsWith('[US/MX'))?.text).toBe('[US/MX propose; BN oppose: 4. Nothing in this Chapter shall require a Party to disclose.]');
    expect(result.references.map((r) => [r.marker, r.line, r.column])).toEqual([['16', 3, 2], ['17', 8, 29]]);
    expect(result.warnings).toEqual([]);
    // A long decision's own 116, after 115, with a footnote 16 on the page: a number, not a reference.
    const real = extract(`115. Decides to continue;\n116. Requests the secretariat to act.16\n16   A note.${FOLIO}40\n\fNext page.\n`);
    expect(real.lines[1]?.text).toBe('116. Requests the secretariat to act.');
    expect(real.references.map((r) => [r.marker, r.line])).toEqual([['16', 2]]);
  });

  it('a numbered paragraph at the foot of a page is not a footnote block', () => {
    const text = `Article QQ.E.6: {Patent filing}\n\n1      Each Party shall provide that where an invention is made\nmore than one inventor, any patent granted${FOLIO}31\n\fMore.`;
    expect(extract(text).notes).toEqual([]);
  });

  it('leaves the last page alone when no page break ends it, and digits with no note stay as written', () => {
    const text = 'as clarified in paragraph 49 of the Geneva Declaration of Principles.2\n2   Looks like a note.';
    expect(extract(text)).toEqual({ lines: splitSourceLines(text), notes: [], references: [], warnings: [] });
  });
});

describe('extractFootnotes: after a rule line', () => {
  it('takes the notes after the rule to the end, cutting their references', () => {
    const text = '58. We recall the Tunis goal.3 of 2005.\n59. Text of ]4[ here.\n____________\n3 The Tunis Agenda.\n4 A second note\n  that wraps.';
    const result = extract(text);
    expect(result.notes.map((n) => [n.marker, n.text, n.line])).toEqual([['3', 'The Tunis Agenda.', 4], ['4', 'A second note that wraps.', 5]]);
    expect(result.lines.map((l) => l.text)).toEqual(['58. We recall the Tunis goal. of 2005.', '59. Text of ][ here.', '____________']);
  });

  it('a separator followed by numbered paragraphs, or by notes nobody refers to, is not a footnote area', () => {
    const paragraphs = '1. Text of 2005.\n-----\n2. More text.\n3. And more.';
    expect(extract(paragraphs).notes).toEqual([]);
    const unreferenced = '1. Text with no reference.\n___\n2 A line that looks like a note.';
    expect(extract(unreferenced).notes).toEqual([]);
  });

  it('the notes end at a blank line followed by text that is not a note', () => {
    const text = '1. The goal.3 of the text.\n___\n3 The note.\n\n[4] Another.\n\n2. Text goes on.';
    const result = extract(text);
    expect(result.notes.map((n) => [n.marker, n.text])).toEqual([['3', 'The note.'], ['4', 'Another.']]);
    expect(result.lines.map((l) => l.text)).toEqual(['1. The goal. of the text.', '___', '', '2. Text goes on.']);
  });

  it('a closing rule with nothing after it (the seed) changes nothing', () => {
    const text = '76. Text of Principles.2\n· Possible forum.\n___\n';
    expect(extract(text)).toEqual({ lines: splitSourceLines(text), notes: [], references: [], warnings: [] });
  });
});
