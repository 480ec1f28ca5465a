/**
 * `--line-numbers`: the HTML (and so the PDF) and the Word document break every paragraph's
 * lines at the same places and give them the same numbers, so "paragraph 61, line 3" is the
 * same words in each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/export/consolidate-draft.js';
import { exportInput, type ExportInput } from '../../src/export/export-input.js';
import type { Draft } from '../../src/model/schemas.js';
import { breakLines, LINE_LENGTH, lineBreaks } from '../../src/render/break-lines.js';
import { splitSpans } from '../../src/render/docx-numbered-lines.js';
import { escapeHtml } from '../../src/render/html-escape.js';
import { numberHtmlLines } from '../../src/render/html-lines.js';
import { paragraphLineBlocks } from '../../src/render/paragraph-lines.js';
import { renderDocx } from '../../src/render/render-docx.js';
import { renderHtml } from '../../src/render/render-html.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT } from '../helpers/sandbox.js';
import { unzip } from '../helpers/zip.js';

const bundled = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;

const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** Every numbered line of the page, in order: `61|3|the words of the line`. */
function htmlLines(html: string): string[] {
  const lines: string[] = [];
  const articles = html.split('<article ').slice(1);
  for (const article of articles) {
    const id = /id="p-([^"]+)"/.exec(article)?.[1] ?? '?';
    const blocks = article.matchAll(/<p class="(?:text|alt-text)" dir="auto">([\s\S]*?)<\/p>|<span class="item-text" dir="auto">([\s\S]*?)<\/span><\/(?:div|li)>/g);
    for (const block of blocks) {
      for (const line of (block[1] ?? block[2] ?? '').split('<br>')) {
        const n = /^<span class="ln">(\d+)<\/span>/.exec(line);
        if (n === null) throw new Error(`a line without its number in paragraph ${id}: ${line}`);
        lines.push(`${id}|${n[1]}|${decode(line.slice(n[0].length).replace(/<[^>]*>/g, ''))}`);
      }
    }
  }
  return lines;
}

/** Every numbered line of the Word document: the number, then (after the margin's tabs) the words. */
function docxLines(xml: string, numberOf: (first: string) => string): string[] {
  const lines: string[] = [];
  let paragraph = '?';
  for (const [, body] of xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)) {
    const text = decode((body as string).replace(/<w:tab\/>/g, '\t').replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, '$1').replace(/<[^>]*>/g, ''));
    if (!(body as string).includes('<w:sz w:val="16"/>')) continue;
    const cells = text.split('\t');
    const n = cells[0] as string;
    if (n === '1') paragraph = numberOf(cells.slice(1, -1).join('').trim());
    lines.push(`${paragraph}|${n}|${cells[cells.length - 1]}`);
  }
  return lines;
}

async function both(input: ExportInput): Promise<{ html: string[]; docx: string[] }> {
  const html = htmlLines(renderHtml(input));
  const xml = unzip(await renderDocx(input)).get('word/document.xml') as string;
  // A paragraph's first line in Word carries its number in the margin (`[61.`); an item's, its label.
  const byFirstLine = new Map(html.filter((l) => l.split('|')[1] === '1').map((l) => [l.split('|').slice(2).join('|'), l.split('|')[0] as string]));
  const docx = docxLines(xml, () => '?');
  let paragraph = '?';
  const named = docx.map((line) => {
    const [, n, ...rest] = line.split('|');
    if (n === '1') paragraph = byFirstLine.get(rest.join('|')) ?? '?';
    return `${paragraph}|${n}|${rest.join('|')}`;
  });
  return { html, docx: named };
}

describe('line numbers', () => {
  it('are the same lines with the same numbers in the HTML and the Word document (compilation)', async () => {
    const { html, docx } = await both(exportInput(bundled, 'compilation', { lineNumbers: true }));
    expect(html.length).toBeGreaterThan(200);
    expect(docx).toEqual(html);
    for (const line of html) expect(line.split('|').slice(2).join('|').length).toBeLessThanOrEqual(LINE_LENGTH);
    // Numbered per paragraph, through its items and alternatives: 61's three alternatives follow its text.
    const p61 = html.filter((l) => l.startsWith('61|'));
    expect(p61.map((l) => Number(l.split('|')[1]))).toEqual(p61.map((_, i) => i + 1));
    expect(p61.some((l) => /\|\[Alt 3 61\. /.test(l))).toBe(true);
    expect(html).toContain('45|5|Policy authority for Internet-related public policy issues is the sovereign');
  });

  it('are the same in the clean text', async () => {
    const clean = consolidateDraft(bundled, { agreedOnly: true });
    const { html, docx } = await both(exportInput(clean.draft, 'clean', { lineNumbers: true }));
    expect(html.length).toBeGreaterThan(100);
    expect(docx).toEqual(html);
  });

  it('count the status marker and closing bracket where the text export writes them', () => {
    const input = exportInput(bundled, 'compilation', { lineNumbers: true });
    const p44 = bundled.paragraphs.find((p) => p.number === '44')!;
    const [block] = paragraphLineBlocks(p44, input);
    expect(block!.text.endsWith('of the Internet. (Agreed)')).toBe(true);
    const p61 = bundled.paragraphs.find((p) => p.number === '61')!;
    const blocks = paragraphLineBlocks(p61, input);
    expect(blocks.map((b) => b.key)).toEqual(['text', 'alternative Alt 1', 'alternative Alt 2', 'alternative Alt 3']);
    expect(blocks[1]!.first).toBe(blocks[0]!.first + blocks[0]!.breaks.length + 1);
  });

  it('put a break and the next number in place of the spaces, inside open markup, entities counted as one character', () => {
    const block = { key: 'text', text: 'a & b [c d] e', first: 4, breaks: [{ at: 5, skip: 1 }, { at: 8, skip: 1 }] };
    const html = 'a &amp; b <span class="br">[c d]</span> e';
    expect(numberHtmlLines(html, block)).toBe('<span class="ln">4</span>a &amp; b<br><span class="ln">5</span><span class="br">[c<br><span class="ln">6</span>d]</span> e');
  });

  // Any text, cut into pieces of markup as the exports cut it: each format's lines are the lines of the text.
  const pieces = fc.array(fc.tuple(fc.stringMatching(/^[a-z&<"]{1,12}$/), fc.constantFrom(' ', '  ', '\n', '', ' & '), fc.boolean()), { minLength: 1, maxLength: 40 });

  it('numbers in the HTML exactly the lines the text breaks into, whatever markup and entities stand between', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.map(([w, g]) => w + g).join('');
        const html = parts.map(([w, g, span]) => (span ? `<span class="br">${escapeHtml(w)}</span>${escapeHtml(g)}` : escapeHtml(w + g))).join('');
        const numbered = numberHtmlLines(html, { key: 'text', text, first: 7, breaks: lineBreaks(text) });
        const lines = numbered.split('<br>').map((line, i) => {
          const number = `<span class="ln">${7 + i}</span>`;
          expect(line.startsWith(number)).toBe(true);
          return decode(line.slice(number.length).replace(/<[^>]*>/g, ''));
        });
        expect(lines).toEqual(breakLines(text));
      }),
    );
  });

  it('cuts the Word and PDF spans at exactly the lines the text breaks into, across spans', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.map(([w, g]) => w + g).join('');
        const spans = parts.map(([w, g, bold]) => ({ text: w + g, style: bold ? { bold: true } : {} }));
        const lines = splitSpans(spans, { key: 'text', text, first: 1, breaks: lineBreaks(text) });
        expect(lines.map((line) => line.map((span) => span.text).join(''))).toEqual(breakLines(text));
        for (const line of lines) for (const span of line) expect(span.text).not.toBe('');
      }),
    );
  });
});
