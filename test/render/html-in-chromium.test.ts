/**
 * The HTML export opened by a real browser: Chromium headless parses the page from a file, with
 * the network features it has switched off, and dumps the DOM it built or takes a screenshot.
 * Skipped, loudly, where Chromium is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportInput } from '../../src/export/export-input.js';
import type { Draft } from '../../src/model/schemas.js';
import { renderHtml } from '../../src/render/render-html.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT, makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('SKIPPED: chromium not installed (apt-get install chromium)');

afterAll(removeTempDirs);

/** Runs headless Chromium on `file` with a fresh profile; returns its standard output. */
function chromium(file: string, args: readonly string[]): string {
  const profile = makeTempDir('chromium-profile');
  const result = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      ...args,
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

function writePage(html: string): string {
  const file = join(makeTempDir('html'), 'draft.html');
  writeFileSync(file, html);
  return file;
}

/** What the page shows: the DOM's text, tags and the style sheet dropped, entities decoded. */
function domText(dom: string): string {
  return dom
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

const bundled = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;

describe('the HTML export in Chromium', () => {
  it.skipIf(!hasChromium)('builds the DOM of the bundled draft, and keeps hostile text as text', () => {
    // One page, one browser start: the bundled draft with a hostile paragraph added at the end.
    const hostile = '<script>alert(1)</script> "><img src=x onerror=alert(1)> &amp; \u0000 مرحبا \u202eEU';
    const draft: Draft = {
      meta: { ...bundled.meta, sections: [...bundled.meta.sections, { number: '6', title: hostile, paragraphs: ['999'] }] },
      paragraphs: [
        ...bundled.paragraphs,
        { address: '999', number: '999', status: 'open', bracketed: false, text: hostile, items: [], alternatives: [{ label: hostile, text: hostile }] },
      ],
    };
    const dom = chromium(writePage(renderHtml(exportInput(draft, 'compilation'))), ['--dump-dom']);
    expect(dom.match(/<article /g)).toHaveLength(bundled.paragraphs.length + 1);
    expect(dom).not.toMatch(/<script|<img/i);
    const text = domText(dom);
    expect(text).toContain('We underline the importance of the prosecution of cybercrime');
    expect(text).toContain('Alt 71g2');
    expect(text).toContain('[management/development]');
    expect(text).toContain('Highlighted: words that differ from Alt 1.');
    expect(text).toContain('<script>alert(1)</script> "><img src=x onerror=alert(1)> &amp; \ufffd مرحبا \u202eEU\u202c');
    const toc = dom.slice(dom.indexOf('<nav class="toc"'), dom.indexOf('</nav>'));
    expect(domText(toc)).toContain('Contents');
    expect(toc).toContain('href="#s-3b"');
    expect(toc).toContain('href="#p-61"');
    expect(toc).toContain('href="#p-999"');
  });

  it.skipIf(!hasChromium)('takes a screenshot of the page', () => {
    const file = writePage(renderHtml(exportInput(bundled, 'compilation')));
    const png = join(makeTempDir('screenshot'), 'page.png');
    chromium(file, ['--hide-scrollbars', `--screenshot=${png}`, '--window-size=1280,2000']);
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(10 * 1024);
    const bytes = readFileSync(png);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The IHDR chunk: width and height of the image, as asked.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 2000]);
  });
});
