/**
 * Word documents for the import tests, made with the `docx` package (never copied from real
 * documents): automatic numbering at three levels with a restart, tracked insertions and
 * deletions by two authors, a paragraph inserted whole and one deleted whole, comments, a
 * footnote, highlights, strikethrough and tables.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from 'docx';

const EU = { author: 'EU', date: '2026-11-20T09:00:00Z' };
const G77 = { author: 'G77', date: '2026-11-21T15:30:00Z' };
let revision = 100;
const ins = (text: string, who = EU) => new InsertedTextRun({ text, id: revision++, ...who });
const del = (text: string, who = G77) => new DeletedTextRun({ text, id: revision++, ...who });

const numbered = (level: number, children: ParagraphChild[], extra: { instance?: number; insertion?: typeof EU; deletion?: typeof EU } = {}) =>
  new Paragraph({
    numbering: { reference: 'un-paragraphs', level, ...(extra.instance !== undefined ? { instance: extra.instance } : {}) },
    ...(extra.insertion ? { run: { insertion: { id: revision++, ...extra.insertion } } } : {}),
    ...(extra.deletion ? { run: { deletion: { id: revision++, ...extra.deletion } } } : {}),
    children,
  });
const text = (words: string, style: { strike?: boolean; highlight?: 'green' | 'yellow' | 'cyan'; bold?: boolean } = {}) => new TextRun({ text: words, ...style });
const cell = (words: string) => new TableCell({ children: [new Paragraph(words)] });
const row = (...words: string[]) => new TableRow({ children: words.map(cell) });

/** The negotiation draft every Word import test reads (see the expectations in read-docx-source.test.ts). */
export async function negotiationDocx(): Promise<Buffer> {
  const document = new Document({
    creator: 'Secretariat',
    numbering: {
      config: [
        {
          reference: 'un-paragraphs',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', start: 1 },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', start: 1 },
          ],
        },
      ],
    },
    comments: {
      children: [
        { id: 1, author: 'Ana Ruiz', date: new Date('2026-11-22T10:00:00Z'), children: [new Paragraph('Is "substantially" agreed language?')] },
        { id: 2, author: 'G77', date: new Date('2026-11-22T11:00:00Z'), children: [new Paragraph('We cannot accept this item.')] },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('See decision 1/CP.21, paragraph 17.')] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: 'Draft outcome on adaptation' }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Principles' }),
          numbered(0, [text('Recalls the Paris Agreement'), new FootnoteReferenceRun(1), text(' and its goal on adaptation;')]),
          numbered(0, [text('Decides that Parties should '), ins('substantially ', EU), text('enhance '), del('national ', G77), text('adaptation action by:')]),
          numbered(1, [text('Planning;')]),
          numbered(1, [new CommentRangeStart(2), text('Implementation, through:'), new CommentRangeEnd(2), new TextRun({ children: [new CommentReference(2)] })]),
          numbered(2, [text('finance;')]),
          numbered(2, [text('technology '), text('and capacity-building', { strike: true }), text(';')]),
          numbered(1, [text('Review.')]),
          numbered(0, [new CommentRangeStart(1), text('Urges developed countries to '), del('at least ', EU), text('double adaptation finance'), ins(' by 2030', G77), text(';'), new CommentRangeEnd(1), new TextRun({ children: [new CommentReference(1)] })]),
          numbered(0, [ins('Invites the private sector to contribute;', EU)], { insertion: EU }),
          numbered(0, [del('Notes the work of the Adaptation Committee;', G77)], { deletion: G77 }),
          numbered(0, [text('Welcomes the progress made.', { highlight: 'green' })]),
          new Table({ rows: [row('Meeting', 'Date'), row('SB 64', 'June 2026')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Annex' }),
          numbered(0, [text('The guidelines apply to all Parties.')], { instance: 2 }),
          numbered(0, [text('They are reviewed every five years.')], { instance: 2 }),
          new Table({ rows: [row('Paragraph', 'Proposal', 'Delegation'), row('2', 'Decides that all Parties shall enhance adaptation action by:', 'AOSIS, LDCs'), row('12', 'Requests a review.', 'EU')] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
