/**
 * Every draft of the development corpus, exported by ndraft as text and printed to PDF by
 * LibreOffice (as a secretariat's word processor would), imports back from the PDF as it does
 * from the text: the same paragraphs under the same addresses, and the same words. The text
 * is compared without hyphens and no-break spaces, which a PDF does not keep apart: a compound
 * broken at its hyphen at a line end ("forty-" / "first") cannot be told from a word hyphenated
 * there, and LibreOffice prints a no-break space as a space. Skipped, loudly, without LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDraftSource, type ReadSource } from '../../../src/importer/read-draft-source.js';
import { readImportSource } from '../../../src/importer/read-import-source.js';
import type { Draft } from '../../../src/model/schemas.js';
import { renderText } from '../../../src/render/render-text.js';
import { CORPUS_DIR, CORPUS_FILES } from '../../helpers/corpus.js';
import { hasCommand } from '../../helpers/pdf-fixtures.js';
import { makeTempDir, removeTempDirs } from '../../helpers/sandbox.js';

const soffice = hasCommand('soffice');
if (!soffice) console.warn('SKIPPED: LibreOffice not installed (apt-get install libreoffice-writer-nogui); test/importer/pdf/corpus-round-trip.test.ts did not run');

// The one known difference: in the PDF of this draft a preambular paragraph starts a page right
// after a full line, and nothing on the page says that a new paragraph starts there (no gap, no
// indent, no number), so it runs on into the one before: one unnumbered paragraph fewer.
const JOINED_AT_PAGE_BREAK: Record<string, string[]> = { '01-unfccc-adp-lima-elements-preamble-general.txt': ['opt2-pp20'] };

const dir = makeTempDir('pdf-corpus');
afterAll(removeTempDirs);
const read = new Map<string, { text: ReadSource; pdf: ReadSource }>();

beforeAll(async () => {
  if (!soffice) return;
  for (const name of CORPUS_FILES) {
    const draft = readDraftSource(readFileSync(join(CORPUS_DIR, name)), { file: name, title: name }).draft;
    writeFileSync(join(dir, name), renderText(draft));
  }
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const converted = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...CORPUS_FILES], { cwd: dir, encoding: 'utf8', timeout: 240_000 });
  expect(converted.status, converted.stderr).toBe(0);
  for (const name of CORPUS_FILES) {
    const pdfFile = join(dir, 'pdf', name.replace(/\.txt$/, '.pdf'));
    read.set(name, {
      text: readDraftSource(readFileSync(join(dir, name)), { file: join(dir, name), title: name }),
      pdf: await readImportSource(readFileSync(pdfFile), { file: pdfFile, title: name }),
    });
  }
}, 300_000);

const words = (draft: Draft) => renderText(draft).replace(/-/g, '').replace(/\u00a0/g, ' ').split(/\s+/).filter(Boolean);

describe.skipIf(!soffice)('the corpus, exported, printed to PDF and imported again', () => {
  it.each(CORPUS_FILES)('%s: the same paragraphs and words as from the text', (name) => {
    const { text, pdf } = read.get(name) as { text: ReadSource; pdf: ReadSource };
    expect(pdf.pdf?.pages).toBeGreaterThan(0);
    const fromText = text.draft.paragraphs.map((p) => p.address);
    const fromPdf = pdf.draft.paragraphs.map((p) => p.address);
    const joined = JOINED_AT_PAGE_BREAK[name] ?? [];
    expect(fromText.filter((a) => !fromPdf.includes(a))).toEqual(joined);
    expect(fromPdf.filter((a) => !fromText.includes(a))).toEqual([]);
    expect(pdf.draft.paragraphs.map((p) => p.number)).toEqual(text.draft.paragraphs.filter((p) => !joined.includes(p.address)).map((p) => p.number));
    expect(words(pdf.draft)).toEqual(words(text.draft));
  });
});
