/**
 * Reading a PDF's positioned text with pdfjs (src/importer/pdf/load-pdf-text.ts), on a PDF made
 * here (test/helpers/pdf-fixtures.ts): pages read several at a time come back in page order, and
 * loading pdfjs leaves the language's own functions as they were (its legacy build's core-js
 * replaces some, and the rest of the import ran slower for it). Skipped, loudly, without Chromium.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfText } from '../../../src/importer/pdf/load-pdf-text.js';
import { findChromium, fixturePdf, negotiationFixture } from '../../helpers/pdf-fixtures.js';

// Taken before anything loads pdfjs (it is imported only when a PDF is read).
const natives = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toString: Function.prototype.toString };

const chromium = findChromium();
if (!chromium) console.warn('SKIPPED: Chromium not installed (apt-get install chromium); test/importer/pdf/load-pdf-text.test.ts did not run');

// Nine pages: more than are asked of pdfjs at once, and not a multiple of it.
const fixture = negotiationFixture(9);
let pdf: Uint8Array;

beforeAll(async () => {
  if (chromium) pdf = await fixturePdf(fixture);
}, 120_000);

describe.runIf(chromium)('loadPdfText', () => {
  it('gives every page, in page order, each with the paragraphs printed on it', async () => {
    const { pages } = await loadPdfText(pdf, 'draft.pdf');
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    pages.forEach((page, i) => {
      const text = page.items.map((item) => item.text).join(' ');
      for (const paragraph of fixture.pages[i]?.paragraphs ?? []) expect(text).toContain(`(paragraph ${paragraph.number.replace(/\.$/u, '')})`);
    });
  });

  it("leaves Array.prototype.push, JSON and Function.prototype.toString as Node's own", async () => {
    await loadPdfText(pdf, 'draft.pdf');
    expect(Array.prototype.push).toBe(natives.push);
    expect(JSON.stringify).toBe(natives.stringify);
    expect(JSON.parse).toBe(natives.parse);
    expect(Function.prototype.toString).toBe(natives.toString);
    // What core-js adds that Node 20 lacks stays: pdfjs needs it.
    expect(typeof (Promise as unknown as Record<string, unknown>)['withResolvers']).toBe('function');
  });
});
