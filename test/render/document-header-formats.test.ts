/**
 * The symbol, revision and date of a circulated document, in every format; the text export's
 * header read back by import as the preamble; the HTML page's print style sheet and its place
 * for sections made elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { exportInput } from '../../src/export/export-input.js';
import { importText } from '../../src/importer/import-text.js';
import type { Draft } from '../../src/model/schemas.js';
import { documentHeader } from '../../src/render/document-header.js';
import { renderAkn } from '../../src/render/render-akn.js';
import { renderDocx } from '../../src/render/render-docx.js';
import { renderHtml } from '../../src/render/render-html.js';
import { renderJson } from '../../src/render/render-json.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { renderText } from '../../src/render/render-text.js';
import { unzip } from '../helpers/zip.js';

function draft(meta: Partial<Draft['meta']> = {}): Draft {
  return {
    meta: { title: 'Outcome', symbol: 'A/CONF.999/L.1', date: '2026-11-30', sections: [{ number: 'I', title: 'Principles', paragraphs: ['1'] }], ...meta },
    paragraphs: [{ address: '1', number: '1', status: 'open', bracketed: false, text: 'We [agree].', items: [], alternatives: [] }],
  };
}

const revised = (d: Draft) => exportInput(d, 'compilation', { header: documentHeader(d.meta, { revision: 'Rev.2' }, '2026-12-01') });

describe('the document header', () => {
  it('opens the text export with labelled lines, which import reads back as the preamble', () => {
    const d = draft({ preamble: 'The Conference,' });
    const text = renderText(d, revised(d));
    expect(text.startsWith('Symbol: A/CONF.999/L.1\nRevision: Rev.2\nDate: 30 November 2026\n\nThe Conference,\n\nI.\nPrinciples\n\n1.\nWe [agree].\n')).toBe(true);
    const back = importText(text, { file: 'export.txt', title: 'Outcome' }).draft;
    expect(back.paragraphs.map((p) => [p.number, p.text])).toEqual([['1', 'We [agree].']]);
    expect(back.meta.sections.map((s) => s.number)).toEqual(['I']);
    expect(back.meta.preamble).toContain('Symbol: A/CONF.999/L.1');
  });

  it('prints nothing more in the text export of a draft without symbol or date', () => {
    const d = draft({ symbol: undefined, date: undefined });
    delete d.meta.symbol;
    delete d.meta.date;
    expect(renderText(d, exportInput(d, 'compilation', { header: documentHeader(d.meta, {}, '2026-12-01') }))).toBe('I.\nPrinciples\n\n1.\nWe [agree].\n');
  });

  it('stands under the title in Markdown, in the preface of Akoma Ntoso, in the JSON model', () => {
    const d = draft();
    expect(renderMarkdown(revised(d))).toContain('# Outcome\n\nSymbol: A/CONF.999/L.1\\\nRevision: Rev.2\\\nDate: 30 November 2026\n\n');
    const xml = renderAkn(revised(d));
    expect(xml).toContain('<p class="symbol"><docNumber>A/CONF.999/L.1</docNumber></p>');
    expect(xml).toContain('<p class="revision"><docStage>Rev.2</docStage></p>');
    expect(xml).toContain('<p class="date"><docDate date="2026-11-30">30 November 2026</docDate></p>');
    expect(xml).toContain('<FRBRdate date="2026-11-30" name="publication"/>');
    const json = JSON.parse(renderJson(d, documentHeader(d.meta, { revision: 'Rev.2', symbol: 'A/CONF.999/L.1/Rev.2' })));
    expect(json).toMatchObject({ title: 'Outcome', symbol: 'A/CONF.999/L.1/Rev.2', date: '2026-11-30', revision: 'Rev.2' });
  });

  it('stands at the top of the HTML page, and the symbol at the top of every printed page', () => {
    const html = renderHtml(revised(draft()));
    expect(html).toContain(
      '<dl class="doc-fields"><div class="field-symbol"><dt>Symbol</dt><dd><bdi>A/CONF.999/L.1</bdi></dd></div><div class="field-revision"><dt>Revision</dt><dd><bdi>Rev.2</bdi></dd></div><div class="field-date"><dt>Date</dt><dd><bdi>30 November 2026</bdi></dd></div></dl>',
    );
    expect(html).toContain('@media print { @page { @top-right { content: "A/CONF.999/L.1";');
    expect(html).toMatch(/@media print \{\n {2}@page \{ size: A4;[^\n]*counter\(page\)/);
  });

  it('shows the day of export in HTML when the document has no date', () => {
    const d = draft({ date: undefined });
    delete d.meta.date;
    expect(renderHtml(exportInput(d, 'compilation', { header: documentHeader(d.meta, {}, '2026-12-01') }))).toContain('<dt>Exported</dt><dd><bdi>1 December 2026</bdi></dd>');
  });

  it('cannot end the style sheet or its string, whatever the symbol holds', () => {
    const html = renderHtml(exportInput(draft({ symbol: 'A/"x";}</style><script>alert(1)</script>' }), 'compilation'));
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>');
    expect(html).toContain('content: "A/\\22 x\\22 \\3b \\7d \\3c /style\\3e \\3c script\\3e alert\\28 1\\29 \\3c /script\\3e ";');
  });

  it('is in the Word document: under the title, and the symbol in the page header', async () => {
    const files = unzip(await renderDocx(revised(draft())));
    expect(files.get('word/document.xml')).toContain('A/CONF.999/L.1 · Revision: Rev.2 · Date: 30 November 2026');
    expect([...files.entries()].some(([name, xml]) => name.startsWith('word/header') && xml.includes('A/CONF.999/L.1'))).toBe(true);
  });
});

describe('the HTML page', () => {
  it('takes sections made elsewhere after the text, listed in the contents', () => {
    const html = renderHtml(exportInput(draft(), 'compilation'), { sections: [{ id: 'positions', title: 'Positions by delegation', html: '<table><tr><td>EU</td></tr></table>' }] });
    expect(html).toContain('<section class="extra" id="positions"><h2 class="section-heading">Positions by delegation</h2>\n<table><tr><td>EU</td></tr></table>\n</section>');
    expect(html).toContain('<a class="toc-section" href="#positions" dir="auto">Positions by delegation</a>');
    expect(html.indexOf('id="positions"')).toBeGreaterThan(html.indexOf('id="p-1"'));
  });
});
