import { describe, expect, it } from 'vitest';
import { parseXmlPart } from '../../../src/importer/docx/parse-xml-part.js';
import { WordNumbering } from '../../../src/importer/docx/word-numbering.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const level = (ilvl: number, format: string, text: string, start = 1, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = (xml: string) => new WordNumbering(parseXmlPart(Buffer.from(`<w:numbering ${W}>${xml}</w:numbering>`), 'n.docx', 'word/numbering.xml'));

describe('WordNumbering: the numbers Word prints', () => {
  it('counts levels, resets the levels below, and writes each format through lvlText', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}${level(1, 'lowerLetter', '(%2)')}${level(2, 'lowerRoman', '(%3)')}${level(3, 'upperRoman', '%4.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    const labels = [[0], [1], [1], [2], [2], [2], [2], [1], [0], [1], [3]].map(([l]) => n.next('1', l as number));
    expect(labels).toEqual(['1.', '(a)', '(b)', '(i)', '(ii)', '(iii)', '(iv)', '(c)', '2.', '(a)', 'I.']);
  });

  it('starts where a level says, and at a startOverride at the first paragraph of the instance that has one', () => {
    const n = numbering(
      `<w:abstractNum w:abstractNumId="4">${level(0, 'decimal', '%1.', 3)}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="4"/></w:num>' +
        '<w:num w:numId="2"><w:abstractNumId w:val="4"/></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>',
    );
    // Instances of one abstract list without an override count on from each other.
    expect([n.next('1', 0), n.next('1', 0), n.next('2', 0), n.next('3', 0), n.next('3', 0), n.next('1', 0)]).toEqual(['3.', '4.', '5.', '10.', '11.', '12.']);
  });

  it('uses a level an override redefines, and multi-level texts such as %1.%2', () => {
    const n = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}${level(1, 'decimal', '%1.%2')}</w:abstractNum>` +
        `<w:num w:numId="7"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${level(0, 'upperLetter', '%1)')}</w:lvlOverride></w:num>`,
    );
    expect([n.next('7', 0), n.next('7', 1), n.next('7', 1), n.next('7', 0), n.next('7', 1)]).toEqual(['A)', 'A.1', 'A.2', 'B)', 'B.1']);
  });

  it('keeps counting a level whose lvlRestart is 0, writes letters past z as Word does, and pads decimalZero', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'decimalZero', '%1')}${level(1, 'lowerLetter', '%2)', 26, '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    expect([n.next('1', 0), n.next('1', 1), n.next('1', 0), n.next('1', 1)]).toEqual(['01', 'z)', '02', 'aa)']);
  });

  it('prints nothing for a bullet\'s number and "none", reads unknown formats as decimal and says so', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'bullet', '•')}${level(1, 'none', '%2.')}${level(2, 'chineseCounting', '%3.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    expect([n.next('1', 0), n.next('1', 1), n.next('1', 2), n.next('9', 0)]).toEqual(['•', '', '1.', undefined]);
    expect([...n.unknownFormats]).toEqual(['chineseCounting']);
  });
});
