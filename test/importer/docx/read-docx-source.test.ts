import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocxSource, type DocxReadOptions } from '../../../src/importer/docx/read-docx-source.js';
import type { Draft, Paragraph } from '../../../src/model/schemas.js';
import { negotiationDocx } from '../../helpers/docx-fixtures.js';

let docx: Buffer;
beforeAll(async () => {
  docx = await negotiationDocx();
});

const read = (options: Partial<DocxReadOptions> = {}) => readDocxSource(docx, { file: '/drafts/adaptation.docx', fallbackTitle: 'adaptation', ...options });
const paragraph = (draft: Draft, section: number, number: string): Paragraph => {
  const found = draft.paragraphs.find((p) => p.number === number && p.address.startsWith(`s${section}-`));
  expect(found, `paragraph ${number} of section ${section}`).toBeDefined();
  return found as Paragraph;
};

describe('readDocxSource: numbering, headings and items as Word shows them', () => {
  it('numbers paragraphs from numbering.xml, restarting in the annex, and reads lower levels as items', () => {
    const { draft, summary } = read();
    expect(draft.meta.title).toBe('Draft outcome on adaptation');
    expect(draft.meta.sections.map((s) => s.label ?? s.title)).toEqual(['Principles', 'Meeting | Date', 'SB 64 | June 2026', 'Annex']);
    expect(draft.paragraphs.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '1', '2']);
    expect(paragraph(draft, 1, '2').items.map((i) => `${i.label} ${i.text}`)).toEqual([
      '(a) Planning;',
      '(b) Implementation, through:',
      '(i) finance;',
      '(ii) technology [and capacity-building];',
      '(c) Review.',
    ]);
    expect(paragraph(draft, 4, '2').text).toBe('They are reviewed every five years.');
    expect(summary.numbered).toBe(13);
    expect(summary.headings).toBe(2);
  });
});

describe('readDocxSource: tracked changes', () => {
  it('keeps each paragraph without the changes, and makes each author\'s changes an alternative proposed by them', () => {
    const { draft, summary } = read();
    const p2 = paragraph(draft, 1, '2');
    expect(p2.text).toBe('Decides that Parties should enhance national adaptation action by:');
    expect(p2.alternatives.slice(0, 2)).toEqual([
      { label: 'Alt 1', text: 'Decides that Parties should substantially enhance national adaptation action by:', proposedBy: ['EU'] },
      { label: 'Alt 2', text: 'Decides that Parties should enhance adaptation action by:', proposedBy: ['G77'] },
    ]);
    const p3 = paragraph(draft, 1, '3');
    expect(p3.alternatives).toEqual([
      { label: 'Alt 1', text: 'Urges developed countries to double adaptation finance;', proposedBy: ['EU'] },
      { label: 'Alt 2', text: 'Urges developed countries to at least double adaptation finance by 2030;', proposedBy: ['G77'] },
    ]);
    expect(Object.fromEntries(summary.tracked.authors)).toEqual({
      EU: { insertions: 2, deletions: 1, moves: 0, formatting: 0 },
      G77: { insertions: 1, deletions: 2, moves: 0, formatting: 0 },
    });
    expect(Object.fromEntries(summary.alternatives)).toEqual({ EU: 2, G77: 2 });
  });

  it('makes a paragraph inserted whole a bracketed new paragraph, and one deleted whole a bracketed one, each with a note from its author', () => {
    const { draft } = read();
    const inserted = paragraph(draft, 1, '4');
    expect(inserted).toMatchObject({ text: 'Invites the private sector to contribute;', bracketed: true, alternatives: [] });
    expect(inserted.notes).toEqual([{ text: 'Proposed as a new text (a tracked insertion in Word)', kind: 'comment', author: 'EU', date: '2026-11-20' }]);
    const deleted = paragraph(draft, 1, '5');
    expect(deleted).toMatchObject({ text: 'Notes the work of the Adaptation Committee;', bracketed: true });
    expect(deleted.notes).toEqual([{ text: 'Proposed for deletion (a tracked deletion in Word)', kind: 'comment', author: 'G77', date: '2026-11-21' }]);
  });

  it('names the delegation a Word user stands for when told how', () => {
    const { draft } = read({ delegationOf: (user) => (user === 'EU' ? 'European Union' : user) });
    expect(paragraph(draft, 1, '2').alternatives[0]?.proposedBy).toEqual(['European Union']);
    expect(paragraph(draft, 1, '4').notes?.[0]?.author).toBe('European Union');
  });

  it('--tracked-changes accept takes every change: the inserted paragraph is plain, the deleted one gone, and the numbers follow', () => {
    const { draft } = read({ trackedChanges: 'accept' });
    expect(paragraph(draft, 1, '2').text).toBe('Decides that Parties should substantially enhance adaptation action by:');
    expect(paragraph(draft, 1, '3').text).toBe('Urges developed countries to double adaptation finance by 2030;');
    expect(paragraph(draft, 1, '4')).toMatchObject({ text: 'Invites the private sector to contribute;', bracketed: false });
    expect(paragraph(draft, 1, '5').text).toBe('Welcomes the progress made.');
    expect(draft.paragraphs.flatMap((p) => p.alternatives.filter((a) => a.proposedBy?.includes('EU') || a.proposedBy?.includes('G77')))).toEqual([]);
  });

  it('--tracked-changes reject keeps the text as it was: the inserted paragraph gone, the deleted one plain', () => {
    const { draft } = read({ trackedChanges: 'reject' });
    expect(paragraph(draft, 1, '2').text).toBe('Decides that Parties should enhance national adaptation action by:');
    expect(paragraph(draft, 1, '4')).toMatchObject({ text: 'Notes the work of the Adaptation Committee;', bracketed: false });
    expect(paragraph(draft, 1, '5').text).toBe('Welcomes the progress made.');
  });
});

describe('readDocxSource: comments, footnotes, formatting and tables', () => {
  it('makes comments notes of the paragraph or item they are anchored to, with author and date', () => {
    const { draft, summary } = read();
    expect(paragraph(draft, 1, '3').notes).toEqual([{ text: 'Is "substantially" agreed language?', kind: 'comment', author: 'Ana Ruiz', date: '2026-11-22T10:00:00Z' }]);
    expect(paragraph(draft, 1, '2').items[1]?.notes).toEqual([{ text: 'We cannot accept this item.', kind: 'comment', author: 'G77', date: '2026-11-22T11:00:00Z' }]);
    expect(summary.comments).toBe(2);
  });

  it('makes a footnote a note of the paragraph citing it, numbered as Word prints it', () => {
    const { draft, summary } = read();
    const p1 = paragraph(draft, 1, '1');
    expect(p1.text).toBe('Recalls the Paris Agreement and its goal on adaptation;');
    expect(p1.notes).toEqual([{ text: 'See decision 1/CP.21, paragraph 17.', kind: 'footnote', marker: '1' }]);
    expect(summary.footnotes).toBe(1);
  });

  it('reads highlight colours as status only where the conventions say so', () => {
    expect(paragraph(read().draft, 1, '6').status).toBe('open');
    const { draft } = read({ conventions: { wordFormatting: { highlight: { green: 'agreed' } } } });
    expect(paragraph(draft, 1, '6').status).toBe('agreed');
  });

  it('keeps struck words as plain text when the conventions switch strikethrough off', () => {
    const { draft } = read({ conventions: { wordFormatting: { strikethrough: 'none' } } });
    expect(paragraph(draft, 1, '2').items[3]?.text).toBe('technology and capacity-building;');
  });

  it('reads a Paragraph | Proposal | Delegation table as alternatives, and keeps other tables as text with a warning', () => {
    const { draft, allWarnings, summary } = read();
    expect(paragraph(draft, 1, '2').alternatives[2]).toEqual({ label: 'Alt 3', text: 'Decides that all Parties shall enhance adaptation action by:', proposedBy: ['AOSIS', 'LDCs'] });
    expect(draft.meta.notes).toEqual([{ text: 'Proposal for paragraph 12 by EU: Requests a review.', kind: 'editorial' }]);
    expect(summary).toMatchObject({ compilationTables: 1, tableProposals: 1 });
    expect(allWarnings.map((w) => [w.code, w.message])).toEqual([
      ['TABLE_AS_TEXT', 'paragraph 14 (word/document.xml): table 1 is kept as text, row by row, cell by cell: it is not laid out as a compilation (a heading row "Paragraph | Proposal | Delegation")'],
      ['TABLE_PARAGRAPH_UNKNOWN', 'paragraph 28 (word/document.xml): the compilation table proposes text for paragraph 12, which the document does not have; kept as a note of the draft'],
    ]);
  });
});

describe('readDocxSource: a document written by hand (styles, outline levels, moves, formatting changes)', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Para"><w:name w:val="UN Para"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ParaSub"><w:name w:val="UN Para Sub"/><w:basedOn w:val="Para"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const p = (style: string, runs: string, props = '') => `<w:p><w:pPr>${style !== '' ? `<w:pStyle w:val="${style}"/>` : ''}${props}</w:pPr>${runs}</w:p>`;
  const r = (text: string, props = '') => `<w:r>${props !== '' ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const body = [
    p('', r('General matters'), '<w:outlineLvl w:val="0"/>'),
    p('Para', r('Parties shall cooperate.')),
    p('Para', `${r('Parties ')}<w:moveFrom w:id="1" w:author="AOSIS" w:date="2026-11-25T08:00:00Z">${r('promptly ')}</w:moveFrom>${r('shall report ')}<w:moveTo w:id="2" w:author="AOSIS" w:date="2026-11-25T08:00:00Z">${r('promptly')}</w:moveTo>${r(':')}`),
    p('ParaSub', r('on finance;', '<w:rPrChange w:id="3" w:author="Chile" w:date="2026-11-25T09:00:00Z"><w:rPr/></w:rPrChange><w:b/>')),
    p('ParaSub', `${r('on technology ')}${r('and transfer', '<w:u w:val="single"/>')}${r(';')}`),
  ].join('');
  const bytes = () =>
    zipSync({
      'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
      'word/styles.xml': strToU8(styles),
      'word/numbering.xml': strToU8(numbering),
    });

  it('numbers through a paragraph style and its basedOn chain, and reads an outline level as a heading', () => {
    const { draft } = readDocxSource(bytes(), { file: '/x/hand.docx', fallbackTitle: 'hand' });
    expect(draft.meta.sections.map((s) => s.label)).toEqual(['General matters']);
    expect(draft.paragraphs.map((q) => q.number)).toEqual(['7', '8']);
    expect(draft.paragraphs[1]?.items.map((i) => i.label)).toEqual(['a)', 'b)']);
  });

  it('makes a move its author\'s alternative, and reports a formatting change without importing it', () => {
    const { draft, summary } = readDocxSource(bytes(), { file: '/x/hand.docx', fallbackTitle: 'hand' });
    expect(draft.paragraphs[1]?.text).toBe('Parties promptly shall report :');
    expect(draft.paragraphs[1]?.alternatives).toEqual([{ label: 'Alt 1', text: 'Parties shall report promptly:', proposedBy: ['AOSIS'] }]);
    expect(Object.fromEntries(summary.tracked.authors)).toEqual({ AOSIS: { insertions: 0, deletions: 0, moves: 2, formatting: 0 }, Chile: { insertions: 0, deletions: 0, moves: 0, formatting: 1 } });
  });

  it('reads bold and underlined words as proposed insertions only where the conventions declare it', () => {
    expect(readDocxSource(bytes(), { file: '/x/hand.docx', fallbackTitle: 'hand' }).draft.paragraphs[1]?.items.map((i) => i.text)).toEqual(['on finance;', 'on technology and transfer;']);
    const declared = readDocxSource(bytes(), { file: '/x/hand.docx', fallbackTitle: 'hand', conventions: { wordFormatting: { bold: 'proposed-insertion', underline: 'proposed-insertion' } } });
    expect(declared.draft.paragraphs[1]?.items.map((i) => i.text)).toEqual(['[on finance;]', 'on technology [and transfer];']);
  });
});
