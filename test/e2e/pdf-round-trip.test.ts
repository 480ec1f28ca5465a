/**
 * The PDF ndraft writes reads back with `ndraft import x.pdf` as its DOCX does with `ndraft
 * import x.docx`: the bundled draft's compilation and every corpus draft, exported both ways and
 * imported again, give the same draft (paragraphs, numbers, items, alternatives with their
 * positions and scopes, statuses, sections, notes, title, preamble). The compilation's own lines
 * (title, header fields, legend, option headings, span captions, scopes, positions, notes) are
 * recognised in a PDF whose Producer is ndraft, and only there.
 *
 * What a PDF cannot carry, said per draft below:
 * - a no-break space prints as a space (pdf.js gives it back as one), so both sides compare with spaces;
 * - the running header and the `n / N` footer are page furniture the import removes, and says so
 *   in a note of the draft that the DOCX import has no reason to write: that one note is left out;
 * - 02's PDF is not ndraft's own: a character of it has no glyph in Tinos, so it is printed by
 *   Chromium from the HTML export (Producer Skia), whose layout is a web page's;
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, CORPUS_FILES } from '../helpers/corpus.js';
import { copyBundledDraft, makeTempDir, removeTempDirs, runInProcess } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const work = makeTempDir('pdf-round-trip');
const ndraft = async (...args: string[]) => {
  const result = await runInProcess(args, { cwd: work });
  expect(result.status, result.stderr).toBe(0);
  return result;
};

interface Exported {
  title: string;
  notes?: { text: string; kind?: string }[];
  paragraphs: { address: string; number?: string; text: string; items: { label: string; text: string }[]; alternatives: { label?: string; scope?: unknown }[] }[];
  [field: string]: unknown;
}

/** A draft as `export --format json` gives it, without its source file name, no-break spaces as spaces. */
async function exported(draft: string): Promise<Exported> {
  const json = JSON.parse((await ndraft('export', '--draft', draft, '--format', 'json')).stdout.replace(/\u00a0/g, ' ')) as Exported;
  delete json.source;
  return json;
}

/** Each paragraph of a draft: its address, number and words (items included). */
async function paragraphs(draft: string): Promise<string[]> {
  return (await exported(draft)).paragraphs.map((p) => `${p.address} ${p.number ?? '-'}: ${[p.text, ...p.items.map((i) => `${i.label} ${i.text}`)].join(' ').replace(/\s+/g, ' ').trim()}`);
}

/** The draft exported to PDF and to DOCX, each imported again; the PDF import's output. */
async function bothWays(draft: string): Promise<{ pdf: Exported; docx: Exported; stdout: string }> {
  await ndraft('export', '--draft', draft, '--format', 'pdf', '-o', `${draft}.pdf`);
  await ndraft('export', '--draft', draft, '--format', 'docx', '-o', `${draft}.docx`);
  const { stdout } = await ndraft('import', `${draft}.pdf`, '--out', `${draft}-pdf`);
  await ndraft('import', `${draft}.docx`, '--out', `${draft}-docx`);
  const pdf = await exported(`${draft}-pdf`);
  // The one note the PDF import adds of its own: the running header and page numbers it removed.
  const furniture = (pdf.notes ?? []).filter((n) => n.kind === 'furniture' && n.text.includes('(compilation text)"), ') && n.text.includes(' page numbers'));
  expect(furniture).toHaveLength(1);
  pdf.notes = (pdf.notes ?? []).filter((n) => !furniture.includes(n));
  if (pdf.notes.length === 0) delete pdf.notes;
  return { pdf, docx: await exported(`${draft}-docx`), stdout };
}

/** Paragraphs that come back otherwise from the PDF than from the DOCX, and why (see the header). */
const DIFFERENT: Record<string, string[]> = {};

describe('export --format pdf, imported back', () => {
  it('the bundled draft, compilation: what the DOCX round trip gives, its scopes and title included', async () => {
    const draft = copyBundledDraft('bundled', work, { asShipped: true });
    const { pdf, docx, stdout } = await bothWays('bundled');
    expect(draft).toBe(join(work, 'bundled'));
    expect(pdf).toEqual(docx);
    expect(pdf.title).toBe('WSIS Tunis phase: Internet governance (paragraphs 39–76)');
    const alternatives = pdf.paragraphs.find((p) => p.address === '61')?.alternatives ?? [];
    expect(alternatives.map((a) => a.scope)).toEqual([{ insertAfterSentence: 1 }, { insertAfterSentence: 1 }, { insertAfterSentence: 1 }]);
    expect(stdout).toMatch(/pdf +7 pages, \d+ lines of text; written by ndraft: 7 lines of its own recognised \(1 title, 2 header fields, 1 legend, 3 scope\)/);
    expect(readFileSync(join(work, 'bundled.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it.each(CORPUS_FILES.map((f) => f.slice(0, 2)).filter((n) => n !== '02'))('corpus %s: what the DOCX round trip gives', async (n) => {
    const name = CORPUS_FILES.find((f) => f.startsWith(n)) as string;
    await ndraft('import', join(CORPUS_DIR, name), '--out', n);
    const { pdf, docx, stdout } = await bothWays(n);
    expect(stdout).toMatch(/written by ndraft: \d+ lines of its own recognised \(1 title, \d header fields, 1 legend/);
    expect(stdout).toMatch(/furniture\s+\d+ lines of page furniture removed: \d+ page header lines \("\S.*\(compilation text\)"\), \d+ page numbers/);
    const differ = (p: Exported['paragraphs'][number]) => (DIFFERENT[n] ?? []).includes(p.address);
    expect(pdf.paragraphs.filter(differ).map((p) => p.address)).toEqual(DIFFERENT[n] ?? []);
    expect(pdf.paragraphs.filter((p) => !differ(p))).toEqual(docx.paragraphs.filter((p) => !differ(p)));
    if (DIFFERENT[n] !== undefined) expect(pdf.paragraphs.filter(differ)).not.toEqual(docx.paragraphs.filter(differ));
    expect({ ...pdf, paragraphs: [] }).toEqual({ ...docx, paragraphs: [] });
    expect(pdf.paragraphs.length).toBeGreaterThan(5);
  }, 120_000);

  it("corpus 02: printed by Chromium, not by ndraft's own writer, so none of its lines are taken for the export's", async () => {
    await ndraft('import', join(CORPUS_DIR, CORPUS_FILES.find((f) => f.startsWith('02')) as string), '--out', '02');
    const printed = await ndraft('export', '--draft', '02', '--format', 'pdf', '-o', '02.pdf');
    expect(printed.stderr + printed.stdout).toMatch(/printed by Chromium/);
    const { stdout } = await ndraft('import', '02.pdf', '--out', '02-pdf');
    expect(stdout).not.toMatch(/written by ndraft/);
    // The lines at the top that ndraft's own PDF would have had skipped are the document's text here: kept.
    expect(JSON.stringify(await exported('02-pdf'))).toContain('Source: 02-unfccc-adp-lima-elements-finance.txt');
  }, 120_000);

  it("another program's PDF with the very same lines keeps every one of them as its text", async () => {
    copyBundledDraft('foreign', work, { asShipped: true });
    await ndraft('export', '--draft', 'foreign', '--format', 'pdf', '-o', 'foreign.pdf');
    // The same PDF, its Producer renamed (as many bytes, so its cross-reference table still holds).
    const bytes = readFileSync(join(work, 'foreign.pdf'));
    const at = bytes.indexOf('/Producer (ndraft');
    expect(at).toBeGreaterThan(0);
    bytes.write('/Producer (Ndraft', at, 'latin1');
    writeFileSync(join(work, 'foreign.pdf'), bytes);
    const result = await runInProcess(['import', 'foreign.pdf', '--out', 'foreign-back'], { cwd: work });
    // Not ndraft's: the scope lines under paragraph 61's alternatives are read as text, as any
    // document's; "[Alt 2 61." after one of them is still another wording of the 61 before it.
    expect(result.status, result.stderr).toBe(0);
    const back = await exported('foreign-back');
    expect(back.paragraphs.filter((p) => p.text === '(to insert after sentence 1)')).toHaveLength(3);
    expect(back.paragraphs.find((p) => p.number === '61')?.alternatives.map((a) => a.label)).toEqual(['Alt 1', 'Alt 2', 'Alt 3']);
  }, 120_000);

  it('the bundled draft, agreed text: the same paragraphs, numbers and words', async () => {
    copyBundledDraft('agreed-source', work);
    await ndraft('export', '--draft', 'agreed-source', '--agreed-only', '--format', 'text', '-o', 'agreed.txt');
    await ndraft('import', 'agreed.txt', '--out', 'agreed');
    await ndraft('export', '--draft', 'agreed', '--format', 'pdf', '-o', 'agreed.pdf');
    await ndraft('import', 'agreed.pdf', '--out', 'agreed-back');
    const back = await paragraphs('agreed-back');
    expect(back).toEqual(await paragraphs('agreed'));
    expect(back.length).toBeGreaterThan(20);
    // The clean text's title, from the top of the page; its header fields are not taken for a preamble.
    const [imported, source] = [await exported('agreed-back'), await exported('agreed')];
    expect(imported.title).toBe(source.title);
    expect(imported.preamble).toBe(source.preamble);
  }, 60_000);
});
