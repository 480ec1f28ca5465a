/**
 * `ndraft import draft.pdf` as a user runs it, from the built bin/ndraft: the summary, the draft
 * written, warnings placed by page and line; every kind of bad PDF is refused with a clear message, exit 1 and
 * nothing written; and no other command loads the PDF library. The PDFs are made by Chromium
 * (test/helpers/pdf-fixtures.ts) and LibreOffice; without them the tests say SKIPPED.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../src/export/print-pdf.js';
import { findChromium, fixturePdf, hasCommand, negotiationFixture, scannedHtml } from '../helpers/pdf-fixtures.js';
import { BIN, makeTempDir, REPO_ROOT, removeTempDirs, runInProcess, type RunResult } from '../helpers/sandbox.js';

const chromium = findChromium();
const soffice = hasCommand('soffice');
if (!chromium) console.warn('SKIPPED: Chromium not installed (apt-get install chromium); the PDF import end-to-end tests did not run');
if (!soffice) console.warn('SKIPPED: LibreOffice not installed (apt-get install libreoffice-writer-nogui); the encrypted PDF test did not run');

const dir = makeTempDir('pdf-e2e');
afterAll(removeTempDirs);
const ndraft = (args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> => runInProcess(args, { cwd: dir, env });

beforeAll(async () => {
  if (!chromium) return;
  writeFileSync(join(dir, 'draft.pdf'), await fixturePdf(negotiationFixture(4, { twoColumnsFrom: 3 })));
  const unclosed = negotiationFixture(1);
  (unclosed.pages[0]?.paragraphs[2] as { text: string }).text = 'Decides that the forum shall meet [once a year in conjunction with the sessions of the subsidiary bodies;';
  writeFileSync(join(dir, 'unclosed.pdf'), await fixturePdf(unclosed));
  writeFileSync(join(dir, 'scanned.pdf'), await printPdf(scannedHtml(2), process.env));
  const twice = negotiationFixture(2);
  (twice.pages[1]?.paragraphs[0] as { number: string }).number = '3.';
  writeFileSync(join(dir, 'twice.pdf'), await fixturePdf(twice));
}, 180_000);

/** Runs soffice on `files` in `dir`, converting each to `format` (a filter with its options, for encryption). */
function convert(format: string, files: string[]): void {
  const profile = pathToFileURL(join(dir, 'soffice-profile')).href;
  const result = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', format, '--outdir', join(dir, 'converted'), ...files], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  expect(result.status, result.stderr).toBe(0);
}

async function refused(file: string, code: string, message: RegExp, args: string[] = [], env: Record<string, string> = {}): Promise<void> {
  const out = `refused-${code}`;
  const result = await ndraft(['import', file, '--out', out, ...args], env);
  expect(result.status, result.stdout).toBe(1);
  expect(result.stderr).toContain(`[${code}]`);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/at .*\.js:\d+|TypeError|bug in ndraft/);
  expect(existsSync(join(dir, out))).toBe(false);
}

describe.skipIf(!chromium)('ndraft import x.pdf', () => {
  it('imports, and the summary says what came from the PDF: pages, columns, furniture, footnotes', async () => {
    const result = await ndraft(['import', 'draft.pdf', '--out', 'drafts/rev1', '--title', 'Response measures']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Imported draft\.pdf → drafts\/rev1\n/);
    expect(result.stdout).toMatch(/ {2}paragraphs {4}28: 0 agreed, 0 agreed ad ref, 28 open, 0 deleted\n/);
    expect(result.stdout).toMatch(/ {2}pdf {11}4 pages \(2 read as two columns: pages 3–4\), \d+ lines of text\n/);
    expect(result.stdout).toMatch(/ {2}furniture {5}\d+ lines of page furniture removed: 4 page header lines \("FCCC\/SB\/2026\/L\.7"\), \d+ page footer lines.*, \d+ page numbers?\n/);
    expect(result.stdout).toMatch(/ {2}footnotes {5}2 kept as notes of the paragraphs citing them, 2 references cut from the text\n/);
    const show = await runInProcess(['show', '14'], { cwd: join(dir, 'drafts', 'rev1') });
    expect(show.stdout).toMatch(/its next session \(paragraph 14\);/);
    expect(show.stdout).toMatch(/As agreed at the resumed session in Bonn/);
    expect((await runInProcess(['validate'], { cwd: join(dir, 'drafts', 'rev1') })).status).toBe(0);
  });

  it('--json gives the page and the line on the page of everything taken out', async () => {
    const result = await ndraft(['import', 'draft.pdf', '--out', 'json-draft', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { pdf: unknown; furniture: { page: number; lineOnPage: number; kind: string }[]; footnotes: { page: number; marker: string }[] };
    expect(summary.pdf).toEqual({ pages: 4, twoColumnPages: [3, 4], lines: expect.any(Number) });
    expect(summary.furniture[0]).toMatchObject({ kind: 'page-header', page: 1, lineOnPage: 1 });
    expect(summary.footnotes.map((n) => [n.marker, n.page])).toEqual([['1', 1], ['2', 3]]);
  });

  it('a warning names the page and the line on it, and quotes the line', async () => {
    const result = await ndraft(['import', 'unclosed.pdf', '--out', 'unclosed']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^unclosed\.pdf: warning: page 1, line \d+: .*\[\w+\]$/m);
    expect(result.stderr).toMatch(/“3\. Decides that the forum shall meet \[once a year/);
  });

  it('a warning naming an earlier line names its page too (a number printed twice: both kept)', async () => {
    const result = await ndraft(['import', 'twice.pdf', '--out', 'twice']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^twice\.pdf: warning: page 2, line 2: paragraph 3 appears twice in the same section \(first at page 1, line \d+\): both are kept/m);
  });

  it('an error in the text names pages and lines too, and nothing is written', async () => {
    const result = await ndraft(['--max-line-length', '60', 'import', 'draft.pdf', '--out', 'too-long']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^draft\.pdf: error: page 1, line \d+: the text from there to the end of its paragraph is \d+ characters long, past the limit of 60 /m);
    expect(existsSync(join(dir, 'too-long'))).toBe(false);
  });

  it('refuses a PDF of more pages than --max-pdf-pages or NDRAFT_MAX_PDF_PAGES allow', async () => {
    await refused('draft.pdf', 'PDF_TOO_MANY_PAGES', /draft\.pdf: error: the PDF has 4 pages, past the limit of 3 \(raise it with --max-pdf-pages or NDRAFT_MAX_PDF_PAGES\)/, ['--max-pdf-pages', '3']);
    await refused('draft.pdf', 'PDF_TOO_MANY_PAGES', /past the limit of 2 /, [], { NDRAFT_MAX_PDF_PAGES: '2' });
    expect((await ndraft(['import', 'draft.pdf', '--out', 'four', '--max-pdf-pages', '4'])).status).toBe(0);
  });

  it('refuses a scanned PDF, with no text layer: run OCR first', async () => {
    await refused('scanned.pdf', 'PDF_NO_TEXT', /no text layer: the PDF's 2 pages are images \(a scan\?\); run OCR first/);
  });

  it('refuses a truncated or corrupt PDF: damaged, get a fresh copy', async () => {
    const whole = readFileSync(join(dir, 'draft.pdf'));
    for (const [name, bytes] of [
      ['cut.pdf', whole.subarray(0, Math.floor(whole.length * 0.6))],
      ['header-only.pdf', Buffer.from('%PDF-1.7\n')],
      ['garbage.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))])],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
      await refused(name, 'PDF_DAMAGED', /the file starts like a PDF but cannot be read: it is damaged or incomplete \(cut short in a download\?\); get a fresh copy/);
    }
  });

  it.skipIf(!soffice)('refuses an encrypted PDF: open it with the password and save an unprotected copy', async () => {
    writeFileSync(join(dir, 'secret.txt'), '1. Decides to keep this text confidential;\n');
    convert('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"s3cret"}}', ['secret.txt']);
    await refused('converted/secret.pdf', 'PDF_ENCRYPTED', /the PDF is protected by a password \(encrypted\); open it with the password and save or print an unprotected copy/);
  });
});

describe('the PDF library is loaded by the PDF import alone', () => {
  it('is not in the bundle: pdfjs-dist is imported from node_modules, by one chunk, which only a dynamic import reaches', async () => {
    const dist = join(REPO_ROOT, 'dist');
    const chunks = readdirSync(dist).filter((f) => /^ndraft.*\.js$/.test(f));
    const loaders = chunks.filter((f) => readFileSync(join(dist, f), 'utf8').includes('pdfjs-dist/legacy/build/pdf.mjs'));
    expect(loaders).toHaveLength(1);
    const loader = loaders[0] as string;
    expect(readFileSync(join(dist, loader), 'utf8').length).toBeLessThan(200_000);
    for (const f of chunks) {
      const code = readFileSync(join(dist, f), 'utf8');
      // A static import of the loader would load it with its importer; only import("./…") may name it.
      expect(code.replace(/import\("\.\/[^"]+"\)/g, '')).not.toContain(loader);
    }
  });

  it('ndraft status does not load it', async () => {
    const seed = makeTempDir('pdf-status');
    expect((await runInProcess(['import', join(REPO_ROOT, 'test', 'fixtures', 'small-draft.txt'), '--out', 'd'], { cwd: seed })).status).toBe(0);
    // --trace-event-categories would be heavy; a loader hook that records what is resolved is exact.
    const hook = join(seed, 'hook.mjs');
    writeFileSync(hook, "export async function resolve(specifier, context, next) { if (specifier.includes('pdfjs-dist')) process.stderr.write('LOADED pdfjs-dist\\n'); return next(specifier, context); }\n");
    const register = join(seed, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)});\n`);
    const status = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, 'status'], { cwd: join(seed, 'd'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(status.status, status.stderr).toBe(0);
    expect(status.stderr).not.toContain('LOADED');
    if (chromium) {
      const pdf = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, 'import', join(dir, 'draft.pdf'), '--out', join(seed, 'p')], { encoding: 'utf8' });
      expect(pdf.stderr).toContain('LOADED pdfjs-dist');
    }
  });
});
