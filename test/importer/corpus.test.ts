/**
 * Every real draft of the development corpus (test/fixtures/corpus, see its README) imports,
 * with the structure a careful reader counts, and keeps every word in the compilation export.
 * The same table is in README.md ("What import understands").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDraftSource } from '../../src/importer/read-draft-source.js';
import type { Draft, OutlineEntry, Paragraph, Section } from '../../src/model/schemas.js';
import { collectSpans, hasSpanMarks, spanExtent } from '../../src/model/spans.js';
import { renderText } from '../../src/render/render-text.js';
import { CORPUS_DIR, CORPUS_FILES } from '../helpers/corpus.js';

interface Counts {
  numbered: number;
  unnumbered: number;
  headings: number;
  articles: number;
  blocks: number;
  options: number;
}

// Read by hand from each file. Options count every `Option …` that competes: in outline blocks,
// and those folded into a paragraph's or an item's alternatives. A number that stands over
// options (`3. Option 1:`) is the block's, not a paragraph's.
const EXPECTED: Record<string, Counts> = {
  '01-unfccc-adp-lima-elements-preamble-general.txt': { numbered: 18, unnumbered: 36, headings: 9, articles: 0, blocks: 6, options: 34 },
  '02-unfccc-adp-lima-elements-finance.txt': { numbered: 10, unnumbered: 5, headings: 7, articles: 0, blocks: 1, options: 9 },
  '03-unfccc-adp-lima-elements-compliance-final-clauses.txt': { numbered: 37, unnumbered: 18, headings: 8, articles: 0, blocks: 7, options: 35 },
  '04-unfccc-sb41-response-measures-draft-decision.txt': { numbered: 9, unnumbered: 15, headings: 4, articles: 0, blocks: 2, options: 4 },
  '05-tpp-ip-chapter-2013-general-provisions.txt': { numbered: 8, unnumbered: 11, headings: 14, articles: 7, blocks: 0, options: 0 },
  '06-tpp-ip-chapter-2013-patents.txt': { numbered: 8, unnumbered: 20, headings: 17, articles: 15, blocks: 0, options: 0 },
  '07-wipo-igc-tce-draft-articles-plain.txt': { numbered: 22, unnumbered: 9, headings: 16, articles: 0, blocks: 0, options: 0 },
  '08-wipo-igc-tce-draft-articles-markdown.txt': { numbered: 31, unnumbered: 1, headings: 16, articles: 0, blocks: 0, options: 0 },
};

// Brackets over several paragraphs or items, read by hand from each file: each is one bracket span
// (named by the addresses of what it covers). Before spans, each was closed at the end of one text
// and opened again at the start of the next, with two repair warnings.
const EXPECTED_SPANS: Record<string, string[]> = {
  '04-unfccc-sb41-response-measures-draft-decision.txt': ['paragraph opt1-5, from its text to item (c)'],
  '05-tpp-ip-chapter-2013-general-provisions.txt': [
    'paragraph artqq.a.2-pp1, from its text to item f.',
    'paragraph artqq.a.2-pp2, from its text to item h.',
    'paragraphs artqq.a.2bis-1 to artqq.a.2bis-3',
    'item (b) of paragraph artqq.a.5-pp1 to paragraph artqq.a.5-pp2',
    'paragraph artqq.a.6-4, from its text to item (j)',
    'paragraph artqq.a.6-pp1 to item (b) of paragraph artqq.a.6-pp2',
  ],
  '06-tpp-ip-chapter-2013-patents.txt': [
    'paragraph artqq.e.1-1, from its text to item (a)',
    'paragraphs artqq.e.1-3–artqq.e.1-pp2',
    'paragraph artqq.e.1-pp3, from its text to item (c)',
    'paragraph artqq.e.1-pp5, from its text to item (b)',
    'paragraphs artqq.e.5ter-1–artqq.e.5ter-2',
    'paragraphs artqq.e.9-pp1–artqq.e.9-pp2',
    'paragraphs artqq.e.10-pp1 to artqq.e.10-pp3',
  ],
};

/** The spans of a draft, named by what they cover. */
function spansOf(draft: Draft): string[] {
  const byAddress = new Map(draft.paragraphs.map((p) => [p.address, p]));
  const { spans, problems } = collectSpans(draft.meta.sections, (a) => hasSpanMarks(byAddress.get(a) as Paragraph), (a) => byAddress.get(a));
  expect(problems).toEqual([]);
  return spans.map((span) => spanExtent(span, (p) => p.address));
}

/** The texts that take part in a span, with their words and marks, in reading order. */
const marksOf = (draft: Draft) =>
  draft.paragraphs.flatMap((p) => [
    ...(p.spans ? [[p.address, 'text', p.text, p.spans]] : []),
    ...p.items.flatMap((i) => (i.spans ? [[p.address, i.label, i.text, i.spans]] : [])),
  ]);

function read(name: string) {
  const file = `${CORPUS_DIR}${name}`;
  return readDraftSource(readFileSync(file), { file, title: name });
}

function countsOf(draft: Draft): Counts {
  const counts: Counts = { numbered: 0, unnumbered: 0, headings: 0, articles: 0, blocks: 0, options: 0 };
  const entries = (list: readonly OutlineEntry[]) => {
    for (const e of list) {
      if (typeof e === 'string') continue;
      counts.blocks++;
      counts.options += e.options.length;
      for (const o of e.options) entries(o.paragraphs);
    }
  };
  const sections = (list: readonly Section[]) => {
    for (const s of list) {
      if (s.label !== undefined || s.number !== undefined || s.title !== undefined) counts.headings++;
      if (/^\[?Article /i.test(s.label ?? '')) counts.articles++;
      entries(s.paragraphs);
      sections(s.subsections ?? []);
    }
  };
  sections(draft.meta.sections);
  const isOption = (label: string) => /^option\b/i.test(label);
  for (const p of draft.paragraphs) {
    if (p.number === undefined) counts.unnumbered++;
    else counts.numbered++;
    counts.options += p.alternatives.filter((a) => isOption(a.label)).length;
    for (const item of p.items) counts.options += (item.alternatives ?? []).filter((a) => isOption(a.label)).length;
  }
  return counts;
}

/** Words as a reader compares them: letters and digits, punctuation, brackets and list markers aside. */
const words = (text: string) => text.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** How many of `source`'s words `target` has in the same order (longest common subsequence). */
function wordsInOrder(source: readonly string[], target: readonly string[]): number {
  let previous = new Uint32Array(target.length + 1);
  let current = new Uint32Array(target.length + 1);
  for (let i = 1; i <= source.length; i++) {
    for (let j = 1; j <= target.length; j++) current[j] = source[i - 1] === target[j - 1] ? (previous[j - 1] as number) + 1 : Math.max(previous[j] as number, current[j - 1] as number);
    [previous, current] = [current, previous];
  }
  return previous[target.length] as number;
}

describe('the development corpus', () => {
  it('has the eight files the README lists', () => {
    expect(CORPUS_FILES).toEqual(Object.keys(EXPECTED));
  });

  for (const name of CORPUS_FILES) {
    describe(name, () => {
      const result = read(name);

      it('imports, with the paragraphs, headings and options a careful reader counts', () => {
        expect(countsOf(result.draft)).toEqual(EXPECTED[name]);
        const addresses = result.draft.paragraphs.map((p) => p.address.toLowerCase());
        expect(new Set(addresses).size).toBe(addresses.length);
      });

      it('keeps each bracket over several paragraphs or items as one bracket span, with a warning that names both lines', () => {
        expect(spansOf(result.draft)).toEqual(EXPECTED_SPANS[name] ?? []);
        expect(result.warnings.filter((w) => w.code === 'BRACKET_SPANS_UNITS')).toHaveLength((EXPECTED_SPANS[name] ?? []).length);
        for (const w of result.warnings.filter((x) => x.code === 'BRACKET_SPANS_UNITS')) expect(w.message).toMatch(/, at line \d+, column \d+: kept as one bracket over them \(bracket span \d+\), nothing added$/u);
      });

      it('keeps every word of its running text in order in the compilation export, and every footnote', () => {
        const exported = words(renderText(result.draft));
        // The running text as cleaning left it (page furniture out, listed in a note; footnotes out, as notes).
        let running = words(result.prepared.lines.map((l) => l.text).join('\n'));
        // Markdown list numbers become item labels such as (a) and (ii): they are not words of the text.
        if (result.prepared.format === 'markdown') running = words(result.prepared.lines.map((l) => l.text.replace(/^\s*\(?[a-z]{1,4}\)\s*/u, '')).join('\n'));
        expect(wordsInOrder(running, exported) / running.length).toBeGreaterThanOrEqual(result.prepared.format === 'markdown' ? 0.999 : 1);
        for (const note of result.prepared.notes) expect(wordsInOrder(words(note.text), exported)).toBe(words(note.text).length);
        if (result.prepared.furniture.length > 0) expect(result.draft.meta.notes?.some((n) => n.kind === 'furniture')).toBe(true);
      });

      it('reads its own text export back to the same structure', async () => {
        const again = readDraftSource(Buffer.from(renderText(result.draft)), { file: `${name}.export.txt`, title: name });
        expect(countsOf(again.draft)).toEqual(countsOf(result.draft));
        expect(again.draft.paragraphs.map((p) => p.address)).toEqual(result.draft.paragraphs.map((p) => p.address));
        // Each span's brackets stand in the export where they stood: read back, the same spans.
        expect(marksOf(again.draft)).toEqual(marksOf(result.draft));
      });
    });
  }
});
