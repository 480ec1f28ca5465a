/**
 * Circulation-ready exports through bin/ndraft on a copy of the bundled draft: the symbol and
 * date from draft.yaml, --revision, --line-numbers in HTML and Word, and a PDF written by ndraft
 * whose words are the Word export's words plus its page furniture (pdftotext reads it back).
 * A draft with an Arabic paragraph is printed by Chromium instead (the HTML export's words).
 * Skipped, loudly, where Chromium or pdftotext is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, copyBundledDraft, editFile, removeTempDirs, runInProcess, snapshotFiles, type RunResult } from '../helpers/sandbox.js';
import { unzip } from '../helpers/zip.js';

afterAll(removeTempDirs);

const onPath = (name: string): boolean => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));
const hasChromium = ['chromium', 'chromium-browser', 'google-chrome'].some(onPath);
const hasPdftotext = onPath('pdftotext');
if (!hasChromium) console.warn('SKIPPED: no chromium on the PATH, so export --format pdf is not tried (apt-get install chromium)');
if (!hasPdftotext) console.warn('SKIPPED: pdftotext not installed, so the PDF is not compared with the HTML (apt-get install poppler-utils)');

const dir = copyBundledDraft('circulation');
editFile(dir, 'draft.yaml', (text) => text.replace(/^source: .*$/m, '$&\nsymbol: A/CONF.999/L.1\ndate: 2026-11-30'));
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess(args, { cwd: dir });
// The same draft with a paragraph in Arabic, which ndraft's PDF writer leaves to Chromium.
const arabic = copyBundledDraft('arabic');
editFile(arabic, 'draft.yaml', (text) => text.replace(/^source: .*$/m, '$&\nsymbol: A/CONF.999/L.1\ndate: 2026-11-30'));
editFile(arabic, 'paragraphs/042.yaml', (text) => text.replace(/^text: (.*)$/m, 'text: $1 (نص عربي)'));

/** A PDF printed by a browser takes the browser's start: longer than runNdraft waits. */
function slowNdraft(args: readonly string[], env: Record<string, string> = {}, cwd = arabic): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 180_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** Words as letters and digits, lower case (print shows some headings in capitals), ligatures undone. */
function words(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).sort();
}

/** What the page shows: the body's text, every tag a space, entities decoded. */
function htmlWords(html: string): string[] {
  const body = html.slice(html.indexOf('<body'));
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return words(text);
}

/** `a` less `b`, as multisets. */
function less(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  return a.filter((w) => {
    const n = left.get(w) ?? 0;
    if (n === 0) return true;
    left.set(w, n - 1);
    return false;
  });
}

describe('circulation-ready exports', () => {
  it("shows draft.yaml's symbol and date, and the revision given, in the text and HTML exports", async () => {
    expect(ok((await ndraft('export', '--revision', 'Rev.2'))).stdout.startsWith('Symbol: A/CONF.999/L.1\nRevision: Rev.2\nDate: 30 November 2026\n\n1.\nIntroduction\n')).toBe(true);
    const html = ok((await ndraft('export', '--format', 'html', '--date', '2026-12-24'))).stdout;
    expect(html).toContain('<dt>Date</dt><dd><bdi>24 December 2026</bdi></dd>');
    expect(html).toContain('<dd><bdi>A/CONF.999/L.1</bdi></dd>');
  });

  it('numbers the lines of each paragraph alike in HTML and Word', async () => {
    ok(await ndraft('export', '--format', 'html', '--line-numbers', '-o', 'lines.html'));
    ok(await ndraft('export', '--format', 'docx', '--line-numbers', '-o', 'lines.docx'));
    const html = readFileSync(join(dir, 'lines.html'), 'utf8');
    expect(html).toContain('<body class="compilation lines">');
    // Paragraph 62: its fourth line, in both.
    const line4 = 'Strategy, the London Action Plan, the Seoul Melbourne Anti–Spam Memorandum of';
    const p62 = html.slice(html.indexOf('id="p-62"'));
    expect(p62).toContain(`<br><span class="ln">4</span>${line4}<br><span class="ln">5</span>`);
    const xml = unzip(readFileSync(join(dir, 'lines.docx'))).get('word/document.xml') as string;
    expect(xml).toMatch(new RegExp(`>4</w:t></w:r>(?:<w:r><w:tab/></w:r>)+<w:r><w:t xml:space="preserve">${line4}</w:t>`));
  });

  it('refuses what it cannot do, with a usage error and nothing written', async () => {
    const before = snapshotFiles(dir);
    const refused = async (args: string[], message: RegExp) => {
      const result = await ndraft('export', ...args);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    };
    await refused(['--format', 'pdf'], /pdf is a binary format: give a file with -o, e\.g\. -o draft\.pdf/);
    await refused(['--line-numbers'], /--line-numbers numbers the lines of html, pdf and docx exports, not of text/);
    await refused(['--format', 'docx', '--line-numbers', '--changes-since', 'import', '-o', 'x.docx'], /--line-numbers does not go with --changes-since/);
    await refused(['--date', '2026-02-30'], /--date "2026-02-30": a date is written YYYY-MM-DD/);
    await refused(['--symbol', ' A/1 '], /--symbol " A\/1 ": a document symbol is one line/);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('says how to get a browser when none is found, exit 1, nothing written', async () => {
    const result = slowNdraft(['export', '--format', 'pdf', '-o', 'none.pdf'], { NDRAFT_CHROMIUM: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('NDRAFT_CHROMIUM is /nonexistent/chromium, which is not a browser ndraft can find');
    const bare = slowNdraft(['export', '--format', 'pdf', '-o', 'none.pdf'], { PATH: '/nonexistent' });
    expect(bare.status).toBe(1);
    expect(bare.stderr).toMatch(/neither is installed: install one \(Debian\/Ubuntu: apt-get install chromium/);
    expect(existsSync(join(arabic, 'none.pdf'))).toBe(false);
  });

  it.skipIf(!hasChromium)('stops a browser that takes too long, exit 1, and says how to wait longer', async () => {
    const result = slowNdraft(['export', '--format', 'pdf', '-o', 'slow.pdf'], { NDRAFT_PDF_TIMEOUT: '0.05' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/did not print the PDF: it did not finish within 0 s \(set NDRAFT_PDF_TIMEOUT, in seconds, to wait longer\)/);
    expect(existsSync(join(arabic, 'slow.pdf'))).toBe(false);
  });

  it.skipIf(!hasChromium)('prints a draft with right-to-left text through Chromium, says so in one line; with pdftotext, its words are the HTML export\'s words', async () => {
    const printed = ok(slowNdraft(['export', '--format', 'pdf', '--line-numbers', '--revision', 'Rev.2', '-o', 'draft.pdf']));
    expect(printed.stderr).toContain('paragraph 42 has right-to-left text (U+0646 "ن"), which ndraft\'s own PDF writer cannot set, so the PDF is printed by Chromium from the HTML export\n');
    const pdf = readFileSync(join(arabic, 'draft.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).not.toContain('/Producer (ndraft');
    if (!hasPdftotext) return;
    ok(slowNdraft(['export', '--format', 'html', '--line-numbers', '--revision', 'Rev.2', '-o', 'draft.html']));
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', join(arabic, 'draft.pdf'), '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    const pages = text.stdout.split('\f').filter((page) => page.trim() !== '').length;
    expect(pages).toBeGreaterThan(5);
    const fromPdf = words(text.stdout);
    const fromHtml = htmlWords(readFileSync(join(arabic, 'draft.html'), 'utf8'));
    expect(less(fromHtml, fromPdf)).toEqual([]);
    // What print adds on every page: the symbol at the top, "n / pages" at the bottom.
    const furniture = Array.from({ length: pages }, (_, i) => ['a', 'conf', '999', 'l', '1', String(i + 1), String(pages)]).flat();
    expect(less(fromPdf, fromHtml).sort()).toEqual(furniture.sort());
  }, 200_000);

  /** The words of the Word export's body: each paragraph's runs, a tab or break a space. */
  const docxWords = (file: string): string[] => {
    const xml = unzip(readFileSync(join(dir, file))).get('word/document.xml') as string;
    const paragraphs = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)].map((m) => m[1] ?? ' ').join(''));
    return words(paragraphs.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
  };
  const pdfText = (file: string): { text: string; pages: number } => {
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, file), '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stderr).toBe('');
    return { text: text.stdout, pages: text.stdout.split('\f').filter((page) => page.trim() !== '').length };
  };
  const title = 'WSIS Tunis phase: Internet governance (paragraphs 39–76)';

  it.skipIf(!hasPdftotext)('writes the PDF itself, without a browser: its words are the Word export\'s plus the symbol, running title and n / N on every page', async () => {
    for (const clean of [false, true]) {
      const mode = clean ? ['--clean', '--agreed-only'] : [];
      // No browser can be found: the writer needs none.
      const written = ok(slowNdraft(['export', ...mode, '--format', 'pdf', '--revision', 'Rev.2', '-o', `own-${clean}.pdf`], { PATH: '/nonexistent', NDRAFT_CHROMIUM: '/nonexistent/chromium' }, dir));
      expect(written.stderr).toMatch(/^Exported \d+ paragraphs \((clean|compilation)\) as pdf to own-(true|false)\.pdf\n$/);
      ok(await ndraft('export', ...mode, '--format', 'docx', '--revision', 'Rev.2', '-o', `own-${clean}.docx`));
      const { text, pages } = pdfText(`own-${clean}.pdf`);
      expect(pages).toBeGreaterThan(3);
      const fromPdf = words(text);
      const fromDocx = docxWords(`own-${clean}.docx`);
      expect(less(fromDocx, fromPdf)).toEqual([]);
      const running = words(`A/CONF.999/L.1 ${title} (${clean ? 'clean' : 'compilation'} text)`);
      const furniture = Array.from({ length: pages }, (_, i) => [...running, String(i + 1), String(pages)]).flat();
      expect(less(fromPdf, fromDocx).sort()).toEqual(furniture.sort());
    }
  }, 60_000);

  it.skipIf(!hasPdftotext)('numbers the lines in the PDF as in Word: the same numbers before the same lines', async () => {
    ok(await ndraft('export', '--format', 'pdf', '--line-numbers', '-o', 'lines.pdf'));
    const layout = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'lines.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const line4 = 'Strategy, the London Action Plan, the Seoul Melbourne Anti–Spam Memorandum of';
    expect(layout).toMatch(new RegExp(`^\\s*4\\s+${line4}\\s*$`, 'm'));
    expect(layout).toMatch(/^\s*1\s+62\.\s+We resolve/m);
  });
});
