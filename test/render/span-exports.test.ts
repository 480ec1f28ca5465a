/**
 * The compilation exports show a bracket span readably: its brackets where the source had them,
 * the words inside it highlighted, and a caption saying what it covers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportInput } from '../../src/export/export-input.js';
import { importText } from '../../src/importer/import-text.js';
import { notationSpans } from '../../src/render/docx-runs.js';
import { renderDocx } from '../../src/render/render-docx.js';
import { renderHtml } from '../../src/render/render-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { SPANS_TEXT, SPANS_TITLE } from '../helpers/span-draft.js';
import { unzip } from '../helpers/zip.js';

const { draft } = importText(readFileSync(SPANS_TEXT, 'utf8'), { file: SPANS_TEXT, title: SPANS_TITLE });
const input = exportInput(draft, 'compilation');

describe('bracket spans in the compilation exports', () => {
  it('docx: the words inside a span highlighted, its brackets in bold, and a caption under the paragraph it opens in', async () => {
    expect(notationSpans('by [31 March] 2016;] Then', true, {}, [{ span: 1, edge: 'closes' }])).toEqual([
      { text: 'by ', style: { highlight: true } },
      { text: '[', style: { highlight: true, bold: true } },
      { text: '31 March', style: { highlight: true } },
      { text: ']', style: { highlight: true, bold: true } },
      { text: ' 2016;', style: { highlight: true } },
      { text: ']', style: { highlight: true, bold: true } },
      { text: ' Then', style: {} },
    ]);
    const xml = unzip(await renderDocx(input)).get('word/document.xml') as string;
    expect(xml).toContain('Bracket over paragraphs 3–4: the highlighted words from its [ to its ] are kept or dropped as one.');
    expect(xml).toContain('Bracket over paragraph 5, items (j) to (v): the highlighted words from its [ to its ] are kept or dropped as one.');
  });

  it('html: every text a span covers highlighted, each paragraph captioned', () => {
    const html = renderHtml(input);
    expect(html).toContain('<span class="spanned">economic modelling;</span>');
    expect(html.match(/<span class="badge span"[^>]*>Bracket over paragraph 5, items \(j\) to \(v\)<\/span>/gu)).toHaveLength(1);
    expect(html.match(/<span class="badge span"[^>]*>Bracket over paragraphs 3–4<\/span>/gu)).toHaveLength(2);
    expect(html).toContain('<span class="counts">5 brackets');
  });

  it('markdown: the brackets as written, and a caption after the paragraph the span opens in', () => {
    const md = renderMarkdown(input);
    expect(md).toContain('**3.** \\[Also requests the secretariat');
    expect(md).toContain('the subsidiary bodies;\\]');
    expect(md).toContain('*Bracket over paragraph 5, items (j) to (v): from its \\[ to its \\], kept or dropped as one.*');
  });
});
