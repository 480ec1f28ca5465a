import { describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/import-text.js';
import type { Paragraph } from '../../src/model/schemas.js';

const read = (text: string) => importText(text, { file: '/in/draft.txt', title: 'Test' });
const only = (text: string): Paragraph => {
  const paragraphs = read(text).draft.paragraphs;
  expect(paragraphs).toHaveLength(1);
  return paragraphs[0] as Paragraph;
};

describe('importText conventions', () => {
  it('accepts "Alt." and "Alternative" labels', () => {
    const p = only('12. Base text.\nAlt. 1 First wording.\nAlternative 2 Second wording.\n');
    expect(p.text).toBe('Base text.');
    expect(p.alternatives).toEqual([
      { label: 'Alt. 1', text: 'First wording.' },
      { label: 'Alternative 2', text: 'Second wording.' },
    ]);
  });

  // "Option N:" lines are option blocks now; where every option of a numbered paragraph is one
  // wording, they are that paragraph's alternatives (before, a lone "Option 3:" was read as one).
  it('reads "12. Option 1: … Option 2: …" as paragraph 12 with two competing wordings', () => {
    for (const text of ['12. Option 1: First wording.\nOption 2: Second wording.\n', '12.\nOption 1: First wording.\nOption 2: Second wording.\n']) {
      const p = only(text);
      expect(p).toMatchObject({ address: '12', number: '12', text: '' });
      expect(p.alternatives).toEqual([
        { label: 'Option 1', text: 'First wording.' },
        { label: 'Option 2', text: 'Second wording.' },
      ]);
    }
  });

  it('does not take sentences that start with "Alternative" or "Optional" for labels', () => {
    const p = only('12. Base text\nAlternative development is encouraged.\nOptional protocols apply.\n');
    expect(p.alternatives).toEqual([]);
    expect(p.text).toBe('Base text Alternative development is encouraged. Optional protocols apply.');
  });

  it('reads "agreed ad ref" in its spellings', () => {
    const draft = read('1. One. (Agreed ad ref)\n2. Two. [Agreed ad ref]\n3. Three agreed ad ref\n4. Four. (Agreed)\n5. Five.\n').draft;
    expect(draft.paragraphs.map((p) => [p.number, p.status, p.text])).toEqual([
      ['1', 'agreed-ad-ref', 'One.'],
      ['2', 'agreed-ad-ref', 'Two.'],
      ['3', 'agreed-ad-ref', 'Three'],
      ['4', 'agreed', 'Four.'],
      ['5', 'open', 'Five.'],
    ]);
  });

  it('reads a marker before the last punctuation, keeping it, and one first, before the words', () => {
    const draft = read('1. We note the report (Agreed ad ref);\n2. (Agreed) We decide to act.\n3. [Deleted] words (deleted).\n4. We agree, (agreed) in part.\n').draft;
    expect(draft.paragraphs.map((p) => [p.number, p.status, p.text])).toEqual([
      ['1', 'agreed-ad-ref', 'We note the report;'],
      ['2', 'agreed', 'We decide to act.'],
      ['3', 'deleted', '[Deleted] words.'],
      ['4', 'open', 'We agree, (agreed) in part.'],
    ]);
  });

  it('keeps warnings on their place after a marker first in the text', () => {
    const { warnings } = read('1. (Agreed ad ref) We note enhance/establish.\n');
    expect(warnings.map((w) => [w.line, w.column, w.code])).toEqual([[1, 28, 'UNBRACKETED_CHOICE']]);
  });

  it('reads PP1 and OP 2 as paragraph numbers, with or without a period, and a bracketed [OP3', () => {
    const draft = read('PP1 Recalling its resolution 70/1,\nPP2bis. Noting,\nOP1: Decides to act;\nOP 2 Requests a report;\n[OP3 Invites States to contribute;]\n').draft;
    expect(draft.paragraphs.map((p) => [p.number, p.address, p.bracketed, p.text])).toEqual([
      ['PP1', 'pp1', false, 'Recalling its resolution 70/1,'],
      ['PP2bis', 'pp2bis', false, 'Noting,'],
      ['OP1', 'op1', false, 'Decides to act;'],
      ['OP 2', 'op2', false, 'Requests a report;'],
      ['OP3', 'op3', true, 'Invites States to contribute;'],
    ]);
  });

  it('imports as open, with a warning, what is marked agreed but still holds brackets or alternatives', () => {
    const { draft, warnings } = read('1. We [agree] to act. (Agreed)\n2. We note:\n(a) the [first] report; (Agreed ad ref)\n(b) the second; (Agreed)\n(c) the third.\n3. We act. (Agreed)\n[Alt 1 3. We act now.]\n');
    expect(draft.paragraphs.map((p) => [p.number, p.status, p.items.map((i) => i.status ?? 'open')])).toEqual([
      ['1', 'open', []],
      ['2', 'open', ['open', 'agreed', 'open']],
      ['3', 'open', []],
    ]);
    expect(warnings.filter((w) => w.code === 'AGREED_BUT_OPEN').map((w) => [w.line, w.message])).toEqual([
      [1, 'paragraph 1 is marked (Agreed) but its text holds brackets; imported as open'],
      [3, 'item (a) of paragraph 2 is marked (Agreed ad ref) but holds brackets; imported as open'],
      [6, 'paragraph 3 is marked (Agreed) but an alternative is on the table; imported as open'],
    ]);
  });

  it('reads the title after "Article 1.", "Article 2:" or "Article 3 –", and text that only starts there as text', () => {
    const draft = read('Article 1. Use of terms\n1. For the purposes of this Agreement.\nArticle 2: Objective\n1. To act.\nArticle 3 – Principles\n1. Equity.\nArticle 4: Each Party shall provide applicants with at least one\nopportunity to amend.\nArticle 5. Amendments to the\nannexes are adopted by consensus.\n').draft;
    expect(draft.meta.sections.flatMap((s) => s.subsections ?? [s]).map((s) => [s.label, s.title])).toEqual([
      ['Article 1', 'Use of terms'],
      ['Article 2', 'Objective'],
      ['Article 3', 'Principles'],
      ['Article 4', undefined],
      ['Article 5', undefined],
    ]);
    expect(draft.paragraphs.slice(3).map((p) => p.text)).toEqual(['Each Party shall provide applicants with at least one opportunity to amend.', 'Amendments to the annexes are adopted by consensus.']);
  });

  it('reads "[deleted]" as a whole text and "(moved to 5)" as what they say', () => {
    const draft = read('1. [deleted]\n2. (moved to 5)\n3. We [deleted] it.\n4. We note. (Moved from 2).\n5. We act.\n').draft;
    expect(draft.paragraphs.map((p) => [p.number, p.status, p.text, p.notes?.map((n) => `${n.kind}: ${n.text}`)])).toEqual([
      ['1', 'deleted', '', undefined],
      ['2', 'deleted', '', ['editorial: Moved to 5']],
      ['3', 'open', 'We [deleted] it.', undefined],
      ['4', 'open', 'We note.', ['editorial: Moved from 2']],
      ['5', 'open', 'We act.', undefined],
    ]);
  });

  it('keeps 61bis and 61 ter as printed, with addresses a user can type', () => {
    const draft = read('61. A.\n61bis. B.\n61 ter. C.\n62. D.\n').draft;
    expect(draft.paragraphs.map((p) => p.number)).toEqual(['61', '61bis', '61 ter', '62']);
    expect(draft.paragraphs.map((p) => p.address)).toEqual(['61', '61bis', '61ter', '62']);
  });

  it('keeps both paragraphs of a number printed twice in the same section, the second under an address of its own, with a warning naming both lines', () => {
    const result = read('7. A.\n8. B.\n7. C.\n');
    expect(result.draft.paragraphs.map((p) => [p.address, p.number, p.text])).toEqual([
      ['7', '7', 'A.'],
      ['8', '8', 'B.'],
      ['7-2', '7', 'C.'],
    ]);
    expect(result.warnings.map((w) => [w.code, w.line, w.column, w.message])).toEqual([
      ['DUPLICATE_NUMBER', 3, 1, 'paragraph 7 appears twice in the same section (first at line 1): both are kept, under different addresses ("ndraft show 7" lists them); give one of them another number, e.g. 7bis'],
    ]);
  });

  it('reads `[Alt 2 61.` after lines that are not 61\'s as another wording of the 61 before them, not a second 61', () => {
    const result = read('61. We underline.\n[Alt 1 61. We further underline A.]\n\nA remark that is no part of 61.\n\n[Alt 2 61. We further underline B.]\n62. Next.\n');
    expect(result.draft.paragraphs.map((p) => [p.address, p.text, (p.alternatives ?? []).map((a) => a.label)])).toEqual([
      ['61', 'We underline.', ['Alt 1', 'Alt 2']],
      ['pp1', 'A remark that is no part of 61.', []],
      ['62', 'Next.', []],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps text it does not understand, before the first paragraph and inside paragraphs', () => {
    const result = read('Chair\'s draft, 3 May\nfor discussion only\n\n1. First line\ncontinued here\n(note: moved from 63)\n');
    expect(result.draft.meta.preamble).toBe("Chair's draft, 3 May for discussion only");
    expect(result.draft.paragraphs[0]?.text).toBe('First line continued here (note: moved from 63)');
  });

  it('repairs a stray closing bracket and an unclosed one, each with a warning at its place', () => {
    const result = read('1. Keep that] too\n2. and [this\n');
    const [one, two] = result.draft.paragraphs;
    expect(one?.text).toBe('[Keep that] too');
    expect(two?.text).toBe('and [this]');
    expect(result.warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ['UNEXPECTED_CLOSING_BRACKET', 1, 13],
      ['UNCLOSED_BRACKET', 2, 8],
    ]);
  });

  it('keeps a "[" closed in the next paragraph as one bracket over both, with a warning naming both lines, and adds nothing', () => {
    const result = read('1. Keep [this\n2. and that] too\n');
    const [one, two] = result.draft.paragraphs;
    expect(one?.text).toBe('Keep [this');
    expect(one?.spans).toEqual([{ span: 1, edge: 'opens' }]);
    expect(two?.text).toBe('and that] too');
    expect(two?.spans).toEqual([{ span: 1, edge: 'closes' }]);
    expect(result.warnings.map((w) => [w.code, w.line, w.column])).toEqual([['BRACKET_SPANS_UNITS', 1, 9]]);
    expect(result.warnings[0]?.message).toBe('"[" in paragraph 1 closes in paragraph 2, at line 2, column 12: kept as one bracket over them (bracket span 1), nothing added');
  });

  it('closes a bracketed paragraph whose bracket ends after its last item', () => {
    const p = only('[5. Chapeau:\na) one;\nb) two.]\n');
    expect(p.bracketed).toBe(true);
    expect(p.items.map((i) => i.text)).toEqual(['one;', 'two.']);
  });

  it('takes "]]" at the end of the last alternative as closing the paragraph too', () => {
    const result = read('[5. Text.\n[Alt 1 5. Other.]\n[Alt 2 5. Third.]]\n');
    const p = result.draft.paragraphs[0];
    expect(p?.bracketed).toBe(true);
    expect(p?.text).toBe('Text.');
    expect(p?.alternatives.map((a) => a.text)).toEqual(['Other.', 'Third.']);
    expect(result.warnings).toEqual([]);
  });

  it('makes a paragraph for alternatives that have no base text', () => {
    const draft = read('4. Four.\n[Alt 1 5. Five one.]\n[Alt 2 5. Five two.]\n').draft;
    expect(draft.paragraphs.map((p) => [p.number, p.text, p.alternatives.length])).toEqual([
      ['4', 'Four.', 0],
      ['5', '', 2],
    ]);
  });

  it('reads (a) items, roman headings and letter subsections', () => {
    const draft = read('I.\nGeneral\n\nA. Scope\n\n1. Chapeau:\n(a) first;\n(b) second.\n\nII. Finance\n\n2. Text.\n').draft;
    expect(draft.meta.sections.map((s) => [s.number, s.title, s.paragraphs, (s.subsections ?? []).map((x) => [x.number, x.label, x.title, x.paragraphs])])).toEqual([
      ['I', 'General', [], [['A', 'A.', 'Scope', ['1']]]],
      ['II', 'Finance', ['2'], []],
    ]);
    expect(draft.paragraphs[0]?.items.map((i) => i.label)).toEqual(['(a)', '(b)']);
  });

  it('puts paragraphs before any heading in a section without a number or title', () => {
    const draft = read('1. One.\n2. Two.\n').draft;
    expect(draft.meta.sections).toEqual([{ paragraphs: ['1', '2'] }]);
  });

  it('tells a section heading from a paragraph with a short text', () => {
    const draft = read('1.\nIntroduction\n\n10. We agree.\n11.\nPossible forum\n2.\nFinance\n12. Text.\n').draft;
    expect(draft.meta.sections.map((s) => [s.number, s.title, s.paragraphs])).toEqual([
      ['1', 'Introduction', ['10', '11']],
      ['2', 'Finance', ['12']],
    ]);
    expect(draft.paragraphs.find((p) => p.number === '11')?.text).toBe('Possible forum');
  });

  it('keeps a rule line in the middle as text and only a final one as closing matter', () => {
    const result = read('1. A.\n---\n2. B.\n***\nSigned, the Chair\n');
    expect(result.draft.paragraphs[0]?.text).toBe('A. ---');
    expect(result.draft.meta.closing).toBe('***\nSigned, the Chair');
  });

  it('reads a bracketed item as an item whose text is in brackets', () => {
    const p = only('3. Chapeau:\na) kept;\n[b) contested;]\nc) last.\n');
    expect(p.items.map((i) => [i.label, i.text])).toEqual([
      ['a)', 'kept;'],
      ['b)', '[contested;]'],
      ['c)', 'last.'],
    ]);
  });
});
