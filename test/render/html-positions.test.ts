import { describe, expect, it } from 'vitest';
import { exportInput } from '../../src/export/export-input.js';
import { positionsSectionHtml } from '../../src/render/html-positions.js';
import { renderHtml } from '../../src/render/render-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { renderParagraphView } from '../../src/render/render-paragraph-view.js';
import { Chalk } from 'chalk';
import { paragraph } from '../resolve/paragraphs.js';

const P = paragraph({
  address: '61',
  number: '61',
  alternatives: [
    { label: 'Alt 1', text: 'a', proposedBy: ['EU'], supportedBy: ['<script>alert(1)</script>'], opposedBy: ['US'] },
    { label: 'Alt 2', text: 'b' },
  ],
});
const DRAFT = { meta: { title: 'T', sections: [{ number: '1', paragraphs: ['61'] }] }, paragraphs: [P] };

describe('positions in the exports', () => {
  it('the HTML export has a Positions section with the matrix, names escaped; none when nobody holds a position', () => {
    const html = renderHtml(exportInput(DRAFT, 'compilation'));
    expect(html).toContain('<section class="positions-matrix" id="positions"><h2>Positions</h2>');
    expect(html).toContain('<tr><th scope="row"><bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi></th><td class="supported">supported</td></tr>');
    expect(html).toContain('<tr><th scope="row"><bdi>US</bdi></th><td class="opposed">opposed</td></tr>');
    expect(html).toContain('<p class="pos supported">Supported by <bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi></p>');
    expect(html).not.toContain('<script>');
    expect(renderHtml(exportInput(DRAFT, 'clean'))).not.toContain('positions-matrix');
    expect(positionsSectionHtml([paragraph({ alternatives: [{ label: 'Alt 1', text: 'x' }] })])).toBe('');
  });

  it('show and the Markdown export say "supported by" apart from "proposed by"', () => {
    expect(renderParagraphView(P, new Chalk({ level: 0 }))).toContain('Alt 1 (proposed by EU; supported by <script>alert(1)</script>; opposed by US)');
    expect(renderMarkdown(exportInput(DRAFT, 'compilation'))).toContain('proposed by EU; supported by \\<script\\>alert(1)\\</script\\>; opposed by US');
  });
});
