/**
 * PDFs for the PDF import tests, made on the machine rather than copied from the conference
 * website: a page of HTML per PDF page, laid out as UN documents are (a running header with the
 * symbol, a footer with the job number and the page number, paragraph numbers hanging in the left
 * margin, footnotes in small type at the foot of the page, two columns where asked), printed by
 * headless Chromium through ndraft's own `printPdf`. Words hyphenate at line ends through soft
 * hyphens, as a typesetter's would. Where Chromium is missing the tests say SKIPPED.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { printPdf } from '../../src/export/print-pdf.js';

export interface FixtureParagraph {
  number: string;
  /** Words; `^1` marks a footnote reference, `~` a soft hyphen inside a word. */
  text: string;
}

export interface FixturePage {
  paragraphs: FixtureParagraph[];
  /** Footnotes at the foot of this page, by marker. */
  footnotes?: { marker: string; text: string }[];
  columns?: 1 | 2;
  /** A heading above the paragraphs, across the page. */
  heading?: string;
}

export interface FixtureDocument {
  symbol: string;
  title: string;
  jobNumber: string;
  pages: FixturePage[];
}

/** The first browser on the PATH that can print, as `printPdf` looks for it; undefined when none. */
export function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(text: string): string {
  return escape(text)
    .replace(/\^(\w+)/g, '<sup>$1</sup>')
    .replace(/~/g, '&shy;');
}

/** The words a paragraph holds once read: markers and soft hyphens gone. */
export function plainWords(text: string): string[] {
  return text.replace(/\^\w+/g, '').replace(/~/g, '').split(/\s+/).filter(Boolean);
}

export function fixtureHtml(doc: FixtureDocument): string {
  const pages = doc.pages.map((page, i) => {
    const body = page.paragraphs.map((p) => `<p class="para"><span class="num">${escape(p.number)}</span>${inline(p.text)}</p>`).join('\n');
    const notes = (page.footnotes ?? []).map((n) => `<p><sup>${escape(n.marker)}</sup> ${inline(n.text)}</p>`).join('\n');
    return `<section class="page">
<div class="header"><span>${escape(doc.symbol)}</span></div>
${page.heading ? `<h2>${escape(page.heading)}</h2>` : ''}
<div class="body${page.columns === 2 ? ' two' : ''}">${body}</div>
${notes ? `<div class="notes">${notes}</div>` : ''}
<div class="footer"><span class="job">${escape(doc.jobNumber)}</span><span class="folio">${i + 1}</span></div>
</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(doc.title)}</title><style>
@page { size: A4; margin: 0 }
body { margin: 0; font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: 10.5pt; line-height: 1.35 }
.page { position: relative; width: 210mm; height: 297mm; overflow: hidden; page-break-after: always; break-after: page }
.header { position: absolute; top: 12mm; left: 22mm; right: 22mm; text-align: right; font-size: 9pt; font-weight: bold }
.footer { position: absolute; bottom: 10mm; left: 22mm; right: 22mm; font-size: 8pt }
.footer .folio { position: absolute; left: 50%; }
h2 { position: absolute; top: 24mm; left: 22mm; right: 22mm; margin: 0; font-size: 12pt }
.body { position: absolute; top: 34mm; left: 22mm; right: 22mm; text-align: justify; hyphens: manual }
.body.two { column-count: 2; column-gap: 10mm; column-fill: auto; height: 190mm }
.para { position: relative; margin: 0 0 8pt 0; padding-left: 11mm }
.num { position: absolute; left: 0 }
sup { font-size: 65%; vertical-align: super; line-height: 0 }
.notes { position: absolute; bottom: 20mm; left: 22mm; right: 22mm; font-size: 8pt; line-height: 1.2; border-top: 0.5pt solid black; padding-top: 2mm }
.notes p { margin: 0 0 2pt 0 }
</style></head><body>
${pages.join('\n')}
</body></html>`;
}

export async function fixturePdf(doc: FixtureDocument): Promise<Uint8Array> {
  return printPdf(fixtureHtml(doc), process.env);
}

const SENTENCES = [
  'Recognizes that the [implementation of the] work programme shall take into account the specific needs and special circumstances of developing country Parties',
  'Requests the secretariat to prepare a technical paper on the environ~mental, social and economic consequences of response measures, [including case studies] for consideration at its next session',
  'Decides that the forum shall meet [once] [twice] a year in conjunction with the sessions of the subsidiary bodies, and that its modalities shall be reviewed in 2027',
  'Invites Parties and admitted observer organizations to submit their views on the elements referred to in paragraph 3 above, including on the partici~pation of experts',
  'Urges developed country Parties to provide [new and additional] financial resources, transfer of technology and capacity-building to enable the imple~mentation of this decision',
  'Notes with appreciation the contributions of the Parties that hosted the workshops, and encourages further in-session exchanges on [economic diversification] and just transition',
];

const EXTRA = 'bearing in mind that the modalities of the forum, its agenda and the selection of the experts invited shall be decided by the Chairs in consultation with the Parties, and that the report of each meeting shall be made available on the website';

const FOOTNOTES = [
  'See document FCCC/SB/2026/INF.1, available on the conference website.',
  'As agreed at the resumed session in Bonn; the summary report of the workshop is in annex II.',
  'Submissions received after the deadline are reproduced in document FCCC/SB/2026/MISC.4 without formal editing.',
  'The term "Parties" refers to the Parties to the Convention.',
];

/**
 * A negotiation text of `pageCount` pages, six paragraphs a page (eight in two columns), numbered
 * 1, 2, 3 … Pages from `twoColumnsFrom` (1-based) on are set in two columns; every other page carries a footnote cited
 * from its second paragraph.
 */
export function negotiationFixture(pageCount: number, options: { twoColumnsFrom?: number } = {}): FixtureDocument {
  const pages: FixturePage[] = [];
  let number = 0;
  let footnote = 0;
  for (let p = 1; p <= pageCount; p++) {
    const columns = options.twoColumnsFrom !== undefined && p >= options.twoColumnsFrom ? 2 : 1;
    const cited = p % 2 === 1;
    const perPage = columns === 2 ? 8 : 6;
    const paragraphs: FixtureParagraph[] = [];
    const notes: { marker: string; text: string }[] = [];
    for (let k = 0; k < perPage; k++) {
      number++;
      // Paragraphs of different lengths, so that the lines of two columns do not line up.
      const extra = number % 3 === 0 ? `, ${EXTRA}` : '';
      let text = `${SENTENCES[(number - 1) % SENTENCES.length] as string}${extra} (paragraph ${number})`;
      if (cited && k === 1) {
        footnote++;
        text += `^${footnote}`;
        notes.push({ marker: String(footnote), text: FOOTNOTES[(footnote - 1) % FOOTNOTES.length] as string });
      }
      paragraphs.push({ number: `${number}.`, text: `${text};` });
    }
    pages.push({ paragraphs, columns, ...(notes.length > 0 ? { footnotes: notes } : {}), ...(p === 1 ? { heading: 'Draft decision -/CP.31' } : {}) });
  }
  return { symbol: 'FCCC/SB/2026/L.7', title: 'Response measures', jobNumber: 'GE.26-04711 (E)', pages };
}

/**
 * A "scanned" document: pages that are pictures of text (grey bars where the lines are) and hold
 * no text at all, as a scanner without OCR makes them.
 */
export function scannedHtml(pages: number): string {
  const bars = Array.from({ length: 30 }, (_, i) => `<rect x="20" y="${30 + i * 25}" width="${420 + ((i * 37) % 120)}" height="9" fill="#555"/>`).join('');
  const svg = `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842">${bars}</svg>`).toString('base64')}`;
  const page = `<section><img src="${svg}"></section>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:0}body{margin:0}section{width:210mm;height:297mm;overflow:hidden;break-after:page}section:last-child{break-after:auto}img{display:block;width:100%;height:100%}</style></head><body>${page.repeat(pages)}</body></html>`;
}
