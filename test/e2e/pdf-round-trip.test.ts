/**
 * The PDF ndraft writes reads back with `ndraft import x.pdf`: corpus drafts and the agreed text of
 * the bundled draft, exported to PDF and imported again, give the same paragraphs under the same
 * numbers with the same words. The running header and the `n / N` footer are recognised
 * as page furniture. What the compilation adds around the paragraphs (the title, the legend)
 * comes back as preamble, so only paragraphs are compared. The PDF import does not yet read the
 * compilation's own lines as the Word import does (option headings "Options 1/2: Option 1", the
 * captions of bracket spans, scope lines under alternatives): the corpus drafts here have none,
 * and the bundled draft goes through --agreed-only.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { copyBundledDraft, makeTempDir, removeTempDirs, runInProcess } from '../helpers/sandbox.js';
import { readFileSync } from 'node:fs';

afterAll(removeTempDirs);

const work = makeTempDir('pdf-round-trip');
const ndraft = async (...args: string[]) => {
  const result = await runInProcess(args, { cwd: work });
  expect(result.status, result.stderr).toBe(0);
  return result;
};

/** Each paragraph of a draft as exported to JSON: its address, number and words (items included). */
async function paragraphs(draft: string): Promise<string[]> {
  const json = JSON.parse((await ndraft('export', '--draft', draft, '--format', 'json')).stdout) as { paragraphs: { address: string; number?: string; text: string; items: { label: string; text: string }[] }[] };
  return json.paragraphs.map((p) => `${p.address} ${p.number ?? '-'}: ${[p.text, ...p.items.map((i) => `${i.label} ${i.text}`)].join(' ').replace(/\s+/g, ' ').trim()}`);
}

describe('export --format pdf, imported back', () => {
  // Two corpus drafts whose compilation has none of the lines the PDF import does not read yet.
  it.each(['07-wipo-igc-tce-draft-articles-plain', '08-wipo-igc-tce-draft-articles-markdown'])('%s: the same paragraphs, numbers and words', async (name) => {
    await ndraft('import', join(CORPUS_DIR, `${name}.txt`), '--out', name);
    await ndraft('export', '--draft', name, '--format', 'pdf', '-o', `${name}.pdf`);
    const imported = await ndraft('import', `${name}.pdf`, '--out', `${name}-back`);
    expect(imported.stdout).toMatch(/furniture\s+\d+ lines of page furniture removed: \d+ page header lines \("\S.*\(compilation text\)"\), \d+ page numbers/);
    const back = await paragraphs(`${name}-back`);
    expect(back).toEqual(await paragraphs(name));
    expect(back.length).toBeGreaterThan(5);
  });

  it('the bundled draft, agreed text: the same paragraphs, numbers and words', async () => {
    const draft = copyBundledDraft('bundled', work);
    await ndraft('export', '--draft', draft, '--agreed-only', '--format', 'text', '-o', 'agreed.txt');
    await ndraft('import', 'agreed.txt', '--out', 'agreed');
    await ndraft('export', '--draft', 'agreed', '--format', 'pdf', '-o', 'agreed.pdf');
    await ndraft('import', 'agreed.pdf', '--out', 'agreed-back');
    const back = await paragraphs('agreed-back');
    expect(back).toEqual(await paragraphs('agreed'));
    expect(back.length).toBeGreaterThan(20);
    expect(readFileSync(join(work, 'agreed.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});
