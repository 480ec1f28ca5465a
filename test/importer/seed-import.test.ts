import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/importer/decode-input.js';
import { importText } from '../../src/importer/import-text.js';
import type { Paragraph } from '../../src/model/schemas.js';
import { computeStatus } from '../../src/report/compute-status.js';

const SEED = fileURLToPath(new URL('../fixtures/wsis-tunis-internet-governance.txt', import.meta.url));
const text = decodeInput(readFileSync(SEED), SEED).text;
const result = importText(text, { file: SEED, title: 'WSIS' });
const paragraphs = new Map(result.draft.paragraphs.map((p) => [p.number, p]));
const para = (n: string): Paragraph => {
  const p = paragraphs.get(n);
  if (!p) throw new Error(`no paragraph ${n}`);
  return p;
};

describe('importing the WSIS seed', () => {
  it('finds sections 1 to 5 and subsections 3a and 3b with their titles', () => {
    const outline = result.draft.meta.sections.map((s) => ({
      number: s.number,
      title: s.title,
      subsections: (s.subsections ?? []).map((x) => [x.number, x.title]),
    }));
    expect(outline).toEqual([
      { number: '1', title: 'Introduction', subsections: [] },
      { number: '2', title: 'Stakeholders', subsections: [] },
      {
        number: '3',
        title: 'Public policy issues relevant to Internet Governance',
        subsections: [
          ['3a', 'Infrastructure and management of critical Internet resources'],
          ['3b', 'Public policy issues related to the use of the Internet'],
        ],
      },
      { number: '4', title: 'Measures to promote development', subsections: [] },
      { number: '5', title: 'Follow-up and Possible Future Arrangements', subsections: [] },
    ]);
  });

  it('finds the 38 paragraphs 39 to 76 in order, in the right sections', () => {
    expect(result.draft.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 38 }, (_, i) => String(39 + i)));
    const [s1, s2, s3, s4, s5] = result.draft.meta.sections;
    expect(s1?.paragraphs).toEqual(['39', '40', '41', '42', '43', '44']);
    expect(s2?.paragraphs).toEqual(['45', '46', '47']);
    expect(s3?.paragraphs).toEqual([]);
    expect(s3?.subsections?.[0]?.paragraphs).toEqual(['48', '49', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59']);
    expect(s3?.subsections?.[1]?.paragraphs).toEqual(['60', '61', '62', '63', '64', '65', '66', '67', '68', '69']);
    expect(s4?.paragraphs).toEqual(['70', '71', '72', '73', '74', '75']);
    expect(s5?.paragraphs).toEqual(['76']);
  });

  it('reads "39.⏎Text" and "40. Text" alike', () => {
    expect(para('39').text).toMatch(/^We reaffirm the principles enunciated/);
    expect(para('40').text).toMatch(/^We acknowledge that the Internet/);
  });

  it('reads the 23 (Agreed) markers: 22 paragraphs and item e) of 71 alone', () => {
    expect(result.markers).toBe(23);
    const agreed = result.draft.paragraphs.filter((p) => p.status === 'agreed').map((p) => p.number);
    expect(agreed).toEqual(['39', '40', '41', '42', '43', '44', '45', '46', '47', '60', '62', '63', '64', '65', '66', '67', '68', '69', '72', '73', '74', '75']);
    expect(para('71').status).toBe('open');
    expect(para('71').items.map((i) => i.status)).toEqual([undefined, undefined, undefined, undefined, 'agreed', undefined]);
    // A marker after the last item marks the paragraph, not the item.
    expect(para('45').items.every((i) => i.status === undefined)).toBe(true);
    expect(para('74').items.every((i) => i.status === undefined)).toBe(true);
    // and the marker is not left in the text
    expect(result.draft.paragraphs.some((p) => [p.text, ...p.items.map((i) => i.text)].some((t) => t.includes('(Agreed)')))).toBe(false);
  });

  it('reads the lettered items and the bullets of 76', () => {
    expect(para('45').items.map((i) => i.label)).toEqual(['a)', 'b)', 'c)', 'd)', 'e)']);
    expect(para('50').items.map((i) => i.label)).toEqual(['a)', 'b)', 'c)', 'd)', 'e)']);
    expect(para('50').items[4]?.text).toBe(
      'Establishment of a global mechanism for participation by governments, especially from developing countries, in addressing multi-sectoral issues related to global Internet policy development.',
    );
    expect(para('74').items.map((i) => i.label)).toEqual(['a)', 'b)', 'c)']);
    expect(para('76').items.map((i) => [i.label, i.text])).toEqual([
      ['·', 'Approach: evolutionary; incremental'],
      ['·', 'Framework for interface between existing and future arrangements'],
      ['·', 'Governance/oversight function: (models)'],
      ['·', 'Recommended mandate and structure, subject to agreement on the interface.'],
      ['·', 'Possible forum.'],
    ]);
  });

  it('imports 61 bracketed as a whole, repaired, with a warning naming line 80', () => {
    const p = para('61');
    expect(p.bracketed).toBe(true);
    expect(p.text).toMatch(/^We underline the importance of the prosecution of cybercrime/);
    expect(p.text).toMatch(/Convention on Cybercrime\.$/);
    const warning = result.warnings.find((w) => w.code === 'UNCLOSED_PARAGRAPH');
    expect(warning).toMatchObject({ line: 80, column: 1, sourceLine: '[61.' });
    expect(warning?.message).toContain('paragraph 61');
  });

  it('finds the three alternatives of 61 and the two of 71 with their labels verbatim', () => {
    expect(para('61').alternatives.map((a) => a.label)).toEqual(['Alt 1', 'Alt 2', 'Alt 3']);
    expect(para('61').alternatives[0]?.text).toBe(
      'We further underline the necessity of effective instruments and efficient mechanisms at national and international levels, and the importance to promote international cooperation to this end.',
    );
    const f = para('71').items[5];
    expect(f?.label).toBe('f)');
    expect(f?.alternatives?.map((a) => a.label)).toEqual(['Alt 71g1', 'Alt 71g2']);
    expect(f?.alternatives?.[1]?.text).toBe(
      'Encouraging relevant parties to negotiate special and reduced interconnection costs for LDCs, in accordance with relevant multilateral trade rules.',
    );
    expect(para('71').alternatives).toEqual([]);
  });

  it('keeps the inline brackets of 56, 70, 76 and Alt 2 of 61', () => {
    expect(para('56').text).toContain('technical [management/development] of the Internet');
    expect(para('70').text).toMatch(/\[and we support the development of software .* proprietary software\]\.$/);
    expect(para('76').text).toContain('we agree that [some] adjustments');
    expect(para('61').alternatives[1]?.text).toContain('underline [the importance of efficient mechanisms and effective instruments at national and international levels, and] the necessity');
  });

  it('keeps the footnote digit, curly quotes, non-breaking spaces and the closing rule as text', () => {
    expect(para('58').text).toMatch(/Declaration of Principles\.2$/);
    expect(para('43').text).toContain('WGIG\u2019s report');
    expect(para('46').text).toContain('para\u00a043');
    expect(result.draft.meta.closing).toBe('___');
  });

  it('warns about unbracketed choices without guessing, naming line and column', () => {
    const choices = result.warnings.filter((w) => w.code === 'UNBRACKETED_CHOICE').map((w) => [w.line, w.column, w.message.split('"')[1]]);
    expect(choices).toEqual([
      [68, 14, 'enhance/establish'],
      [68, 38, 'model/mechanism'],
      [108, 364, 'technology / know-how'],
      [147, 3, 'Governance/oversight'],
    ]);
    expect(para('57').text).toContain('enhance/establish a new model/mechanism');
  });

  it('counts what the summary reports', () => {
    const status = computeStatus(result.draft);
    expect(status.paragraphs).toEqual({ total: 38, agreed: 22, agreedAdRef: 0, open: 16, deleted: 0 });
    expect(status.brackets).toBe(4);
    expect(status.bracketedParagraphs).toBe(1);
    expect(status.alternatives).toBe(5);
    expect(status.itemsAgreed).toBe(1);
  });
});
