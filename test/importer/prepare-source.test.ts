import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/importer/decode-input.js';
import { prepareSource } from '../../src/importer/prepare-source.js';
import type { PreparedSource } from '../../src/importer/source-lines.js';
import { CORPUS_DIR, CORPUS_FILES, corpusText } from '../helpers/corpus.js';

const SEED = fileURLToPath(new URL('../fixtures/wsis-tunis-internet-governance.txt', import.meta.url));
const seedText = decodeInput(readFileSync(SEED), SEED).text;
const prepared = (name: string): PreparedSource => prepareSource(corpusText(name), { file: `${CORPUS_DIR}${name}` });
const file = (prefix: string): string => CORPUS_FILES.find((f) => f.startsWith(prefix)) as string;

/** Words as letter runs and digit runs apart, so that `CA5` is `CA` and the reference `5`. */
const words = (text: string): string[] => text.match(/\p{L}+|\p{N}+/gu) ?? [];

function countKinds(result: PreparedSource): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of result.furniture) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

describe('prepareSource on the seed', () => {
  it('gives back the same lines, with nothing removed', () => {
    const result = prepareSource(seedText, { file: SEED });
    expect(result.lines.map((l) => l.text).join('\n')).toBe(seedText);
    expect(result.lines.every((l, i) => l.line === i + 1 && l.column === 1)).toBe(true);
    expect(result).toMatchObject({ furniture: [], notes: [], references: [], warnings: [], format: 'text' });
  });
});

describe('prepareSource on the TPP text (pdftotext -layout)', () => {
  it.each([
    ['05', { 'form-feed': 7, 'page-header': 21, 'page-number': 5, redaction: 6 }, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']],
    ['06', { 'form-feed': 5, 'page-header': 15, 'page-number': 5, redaction: 5 }, ['87', '88', '89', '90', '91', '92', '93', '94', '95', '96', '97', '98']],
  ])('%s loses its page headers, page numbers, form feeds and redaction bars, and its footnotes become notes', (prefix, furniture, markers) => {
    const result = prepared(file(prefix));
    expect(countKinds(result)).toEqual(furniture);
    const kept = result.lines.map((l) => l.text).join('\n');
    for (const noise of ['\f', '\u2588', 'This Document Contains TPP CONFIDENTIAL', 'MODIFIED HANDLING AUTHORIZED', 'Intellectual Property [Rights] Chapter', "Negotiators' Note", "Negotiator's Note"]) {
      expect(kept).not.toContain(noise);
    }
    expect(result.notes.map((n) => n.marker)).toEqual(markers);
    expect(result.references.map((r) => r.marker).sort()).toEqual([...markers].sort());
    expect(result.warnings).toEqual([]);
    expect(result.lines.some((l) => /^\d{1,3}$/.test(l.text.trim()))).toBe(false);
  });

  it('05: references glued to words, braces and delegations are cut, the headings stay', () => {
    const kept = prepared(file('05')).lines.map((l) => l.text);
    expect(kept).toContain('CHAPTER QQ');
    expect(kept).toContain('Article QQ.A.2: {Objectives}');
    expect(kept).toContain('[NZ/CL/PE/VN/BN/MY/SG/CA/MX propose; US/JP oppose: The objectives of this');
    expect(kept).toContain('subject of Sections 1 through 7 of Part II of the TRIPS Agreement.');
    expect(kept).toContain('Article QQ.A.5: {Understandings Regarding Certain Public Health Measures}');
    expect(kept).toContain('30 August');
  });

  it('06: footnote 103 is referenced but its note is beyond the excerpt, so `]103` stays as written', () => {
    expect(prepared(file('06')).lines.map((l) => l.text)).toContain('refused [CA propose: , without leaving any rights outstanding].]103');
  });
});

describe('prepareSource on the WIPO text, plain (07) and Markdown (08)', () => {
  it('08 is read as Markdown, 07 as text, and they give the same words in the same order, save for known differences', () => {
    const plain = prepared(file('07'));
    const markdown = prepared(file('08'));
    expect([plain.format, markdown.format]).toEqual(['text', 'markdown']);
    const differences = diffArrays(words(plain.lines.map((l) => l.text).join('\n')), words(markdown.lines.map((l) => l.text).join('\n')))
      .filter((part) => part.added || part.removed)
      .map((part) => `${part.added ? '+' : '-'} ${part.value.join(' ')}`);
    expect(differences).toEqual([
      // 08 adds a definition of its own, and numbers the definitions 1. to 3.
      '+ 1 Indigenous Peoples and Local Communities means Tunica Biloxi Tribe of Louisiana and any other beneficiaries defined in the scope of this instrument 2',
      // 07's footnote digits have no footnotes in the copy, so they stay as written; 08 dropped them.
      '- 1',
      '- 2',
      '- 3',
      '- 4',
      '+ 3',
      // 08 nests "the use of traditional cultural expression in research" one level deeper than 07's (c).
      '- c',
      '+ iii',
      // 08 numbers the single paragraphs that 07 leaves unnumbered.
      '+ 1',
      '+ 1',
      '+ 1',
      '+ 1',
      '+ 1',
      '+ 1',
    ]);
  });

  it('08: escaped brackets become negotiation brackets, and nested lists get (a)/(i) labels as 07 has them', () => {
    const kept = prepared(file('08')).lines.map((l) => l.text);
    expect(kept).toContain('(a) where the traditional cultural expression is included in a product:');
    expect(kept).toContain('(ii) being in possession of the product for the purposes of offering it for sale, selling it or using it beyond the traditional context.');
    expect(kept.join('\n')).not.toMatch(/\\[[\]()]/);
    const labels = (lines: string[]): string => lines.map((t) => /^\([a-z]+\)/.exec(t)?.[0]).filter(Boolean).join(' ');
    expect(labels(prepared(file('07')).lines.map((l) => l.text))).toBe('(a) (i) (ii) (b) (i) (ii) (c) (a) (b) (c) (d) (e) (a) (b) (c)');
    // The one difference is 08's own: it nests 07's (c) under (b).
    expect(labels(kept)).toBe('(a) (i) (ii) (b) (i) (ii) (iii) (a) (b) (c) (d) (e) (a) (b) (c)');
  });
});

describe('prepareSource loses no word', () => {
  const LIST_MARKER = /^\s*(?:\d{1,9}[.)]|[-*+])\s+/;
  const LABEL = /^(?:\d{1,9}\.|\([a-z]+\)|\([A-Z]\)|\(\d+\)|•) /;

  it.each([...CORPUS_FILES, 'seed'])('%s: every word is kept, or in the furniture, or in a note, or a reference marker', (name) => {
    const text = name === 'seed' ? seedText : corpusText(name);
    const result = prepareSource(text, { file: name });
    // Markdown list markers become legal labels (1. → (a)); compare the rest.
    const markdown = result.format === 'markdown';
    const source = text.split('\n').map((line) => (markdown ? line.replace(LIST_MARKER, '') : line));
    const kept = result.lines.map((l) => (markdown ? l.text.replace(LABEL, '') : l.text));
    const accounted = [
      ...kept.flatMap(words),
      ...result.furniture.flatMap((f) => words(f.text)),
      ...result.notes.flatMap((n) => [...words(n.marker), ...words(n.text)]),
      ...result.references.flatMap((r) => words(r.marker)),
    ];
    expect(accounted.sort()).toEqual(source.flatMap(words).sort());
  });
});
