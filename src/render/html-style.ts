import type { DocumentHeader } from './document-header.js';

/**
 * The style sheet of the HTML export, inlined in the page so that it works offline. Only fonts
 * installed on the reader's machine are named. Colour is never the only signal: every status has
 * a word (badge), every bracket keeps its `[` `]`, and print turns colours into greys and lines.
 */
export const HTML_STYLE = `
:root {
  --ink: #1c1f24; --muted: #5b6270; --line: #d9dde3; --paper: #ffffff; --page: #f4f5f7;
  --open: #c2410c; --open-bg: #fff7ed; --open-soft: #fed7aa;
  --adref: #1d4ed8; --adref-bg: #eff5ff; --adref-soft: #bfdbfe;
  --agreed: #15803d; --agreed-bg: #f3faf5; --agreed-soft: #bbf7d0;
  --deleted: #6b7280; --deleted-bg: #f3f4f6; --deleted-soft: #e5e7eb;
  --br0: #fde68a; --br0-ink: #92400e; --br1: #f5d0fe; --br1-ink: #86198f; --br2: #a5f3fc; --br2-ink: #155e75;
  --chg: #dbeafe; --chg-line: #2563eb;
  --serif: Georgia, Cambria, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--page); color: var(--ink); }
body { margin: 0; font-family: var(--sans); font-size: 16px; line-height: 1.5; }
a { color: inherit; }
.doc-head { background: #1f2a44; color: #fff; padding: 1.4rem 2rem 1.2rem; }
.doc-head > * { max-width: 78rem; margin-left: auto; margin-right: auto; }
.kind { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .78rem; color: #c7d2fe; font-weight: 600; }
h1 { margin: .2rem auto .3rem; font-family: var(--serif); font-size: 1.9rem; line-height: 1.25; font-weight: 600; }
.source { margin-top: 0; margin-bottom: .6rem; color: #cbd5e1; font-size: .9rem; }
.doc-fields { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: .2rem 1.2rem; margin-top: 0; margin-bottom: .4rem; font-size: .9rem; }
.doc-fields > div { display: flex; gap: .35rem; }
.doc-fields dt { color: #c7d2fe; }
.doc-fields dd { margin: 0; font-weight: 700; }
.summary { margin-top: .2rem; margin-bottom: 0; font-size: .95rem; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.summary .counts { color: #cbd5e1; margin-left: .4rem; }
.layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); gap: 2rem; max-width: 82rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
main { max-width: 58rem; min-width: 0; }

/* Contents */
.toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; padding: 1rem 0; font-size: .88rem; }
.toc-title { font-size: .78rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 0 0 .5rem; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc ol ol { margin: .35rem 0 0 .9rem; }
.toc li { margin: 0 0 .7rem; break-inside: avoid; }
.toc-section { display: block; font-weight: 600; text-decoration: none; line-height: 1.3; }
.toc-section:hover { text-decoration: underline; }
.toc .marker { color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: .2rem; margin-top: .3rem; }
.chip { display: inline-block; min-width: 2.1rem; text-align: center; padding: .05rem .3rem; border-radius: .3rem; border: 1px solid var(--line); background: var(--paper); font-size: .78rem; font-variant-numeric: tabular-nums; text-decoration: none; }
.chip:hover { border-color: var(--ink); }
.chip.st-open { background: var(--open-soft); border-color: var(--open); color: #7c2d12; font-weight: 700; }
.chip.st-agreed-ad-ref { background: var(--adref-soft); border-color: var(--adref); }
.chip.st-agreed { background: var(--agreed-bg); border-color: #86efac; color: #14532d; }
.chip.st-deleted { background: var(--deleted-soft); color: var(--deleted); text-decoration: line-through; }

/* Legend */
.legend { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .7rem 1rem; margin: 1rem 0 1.5rem; font-size: .88rem; }
.legend-title { font-size: .78rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 0 0 .4rem; }
.legend ul { margin: 0; padding: 0; list-style: none; }
.legend li { margin: .25rem 0; line-height: 1.9; display: flex; flex-wrap: wrap; column-gap: 1.4rem; }
.legend .key { white-space: nowrap; }

/* Headings and paragraphs */
.section-heading { font-family: var(--serif); font-weight: 600; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); scroll-margin-top: 1rem; break-after: avoid; }
h2.section-heading { font-size: 1.45rem; }
h3.section-heading { font-size: 1.2rem; border-bottom-width: 1px; }
h4.section-heading, h5.section-heading, h6.section-heading { font-size: 1.05rem; border-bottom-width: 1px; }
.section-heading .marker { color: var(--muted); margin-right: .35rem; }
.para { background: var(--paper); border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: .45rem; padding: .7rem 1.1rem .85rem; margin: 0 0 .9rem; scroll-margin-top: 1rem; }
.para:target { box-shadow: 0 0 0 3px #93c5fd; }
.para-head { display: flex; flex-wrap: wrap; align-items: center; gap: .45rem; margin-bottom: .3rem; break-after: avoid; }
.num { font-weight: 700; font-size: 1.05rem; text-decoration: none; font-variant-numeric: tabular-nums; }
.text, .item-text, .alt-text, .preamble, .closing, .export-note, .note { white-space: pre-line; }
.text, .item-text, .alt-text, .preamble, .closing { font-family: var(--serif); font-size: 1.06rem; line-height: 1.62; }
.text { margin: 0; }
.items { list-style: none; margin: .5rem 0 0; padding: 0; }
.item { display: grid; grid-template-columns: 2.2rem minmax(0, 1fr); column-gap: .3rem; margin: .35rem 0; align-items: baseline; }
.item > .label { font-weight: 700; color: var(--muted); text-align: right; padding-right: .2rem; }
.item > .alternatives, .item > .note { grid-column: 2; }
.item[class*=" st-"] > .item-main { border-radius: .25rem; padding: .05rem .45rem; margin-left: -.45rem; }
.item.st-agreed > .item-main { background: var(--agreed-bg); box-shadow: inset 3px 0 0 var(--agreed); }
.item.st-agreed-ad-ref > .item-main { background: var(--adref-bg); box-shadow: inset 3px 0 0 var(--adref); }
.item.st-open > .item-main { background: var(--open-bg); box-shadow: inset 3px 0 0 var(--open); }
.item.st-deleted .item-text { text-decoration: line-through; color: var(--deleted); }
.badge { display: inline-block; font-family: var(--sans); font-size: .74rem; font-weight: 700; line-height: 1.2; letter-spacing: .02em; padding: .16rem .5rem; border-radius: 999px; border: 1px solid transparent; white-space: nowrap; vertical-align: .08em; }
.badge.st-open { background: var(--open-soft); color: #7c2d12; border-color: var(--open); }
.badge.st-agreed-ad-ref { background: var(--adref-soft); color: #1e3a8a; border-color: var(--adref); }
.badge.st-agreed { background: var(--agreed-soft); color: #14532d; border-color: var(--agreed); }
.badge.st-deleted { background: var(--deleted-soft); color: #374151; border-color: var(--deleted); }
.badge.whole { background: var(--paper); color: var(--br0-ink); border: 1px dashed var(--br0-ink); }
.badge.unbalanced { background: #fee2e2; color: #991b1b; border-color: #991b1b; }
.badge.span { background: var(--paper); color: var(--br0-ink); border: 1px solid var(--br0-ink); }
.para.st-open { border-left-color: var(--open); background: var(--open-bg); }
.para.st-agreed-ad-ref { border-left-color: var(--adref); background: var(--adref-bg); }
.para.st-agreed { border-left-color: var(--agreed); }
.para.st-deleted { border-left-color: var(--deleted); background: var(--deleted-bg); }
.para.st-deleted .body, .para.st-deleted .alt-text { text-decoration: line-through; color: var(--deleted); }
.para.whole > .body { border: 2px dashed var(--br0-ink); border-radius: .35rem; padding: .45rem .7rem; background: rgba(253, 230, 138, .18); }
.whole-bracket { font-family: var(--serif); font-weight: 800; font-size: 1.25em; color: var(--br0-ink); padding: 0 .1rem; }
.note { font-size: .88rem; color: var(--muted); margin: .4rem 0 0; }
.note-label { font-weight: 700; }

/* Brackets: a background and bracket colour per nesting depth; options split by a dark slash */
.br { border-radius: .2rem; padding: .05em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.br.d0 { background: var(--br0); }
.br.d1 { background: var(--br1); }
.br.d2 { background: var(--br2); }
.bm { font-weight: 800; padding: 0 .08em; }
.d0 > .bm { color: var(--br0-ink); }
.d1 > .bm { color: var(--br1-ink); }
.d2 > .bm { color: var(--br2-ink); }
.sep { font-family: var(--sans); font-weight: 800; margin: 0 .18em; padding: 0 .4em; border-radius: .3em; background: #334155; color: #fff; }
.loose { text-decoration: underline wavy #dc2626 1.5px; text-underline-offset: .2em; }
.spanned { background: var(--br0); border-bottom: 2px solid var(--br0-ink); -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.span-edge { font-weight: 800; font-size: 1.15em; color: var(--br0-ink); padding: 0 .08em; cursor: help; }

/* Alternatives */
.alternatives { margin-top: .8rem; }
.alts-caption { margin: 0 0 .35rem; font-size: .82rem; color: var(--muted); }
.alts { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: .7rem; }
.alt { background: var(--paper); border: 1px solid var(--line); border-top: 3px solid #64748b; border-radius: .4rem; padding: .55rem .75rem .7rem; min-width: 0; }
.alt-label { margin: 0 0 .15rem; font-size: .92rem; }
.alt-scope { margin: 0 0 .15rem; font-size: .85rem; font-style: italic; color: #555; }
.pos, .alike { margin: 0; font-size: .8rem; color: var(--muted); }
.pos.proposed { color: #166534; }
.pos.opposed { color: #9f1239; }
.alt-text { margin: .45rem 0 0; font-size: 1rem; line-height: 1.55; }
mark.chg { background: var(--chg); color: inherit; border-bottom: 2px solid var(--chg-line); border-radius: .15rem; padding: 0 .05em; }

/* Option blocks, closing matter, notes */
.option-block { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .8rem; margin: 0 0 1rem; background: #fafafa; }
.block-name { margin: 0 0 .4rem; font-weight: 700; }
.option { border-left: 3px solid #94a3b8; padding-left: .8rem; margin: .5rem 0; }
.option-label { margin: 0 0 .4rem; font-weight: 700; color: var(--muted); }
.preamble { margin: 0 0 1.2rem; }
.closing { margin: 2rem 0 0; color: var(--muted); }
.export-note { margin: 1.5rem 0 0; padding: .7rem 1rem; border: 1px solid var(--line); border-radius: .4rem; background: var(--paper); font-size: .92rem; }

/* Clean text: the consolidated wording as a document page, numbers in the margin */
.clean main { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 2.5rem 2rem; }
.clean .para { display: grid; grid-template-columns: 3.2rem minmax(0, 1fr); background: none; border: none; border-radius: 0; padding: 0; margin: 0 0 1rem; }
.clean .para > * { grid-column: 2; }
.clean .para > .para-head { grid-column: 1; grid-row: 1; margin: 0; align-self: start; line-height: 1.62; }
.clean .num { font-family: var(--serif); font-weight: 600; font-size: 1.06rem; }

/* Line numbers: lines broken where every format breaks them, never rewrapped; numbers in a gutter */
.lines .para { position: relative; padding-left: 3.4rem; overflow-x: auto; }
.lines .para .text, .lines .item-text, .lines .alt-text { white-space: pre; }
.lines .alts { grid-template-columns: minmax(0, 1fr); }
/* The number at the height of its line: a smaller font with the line height of the text's. */
.ln { position: absolute; left: .4rem; width: 2.4rem; text-align: right; font-family: var(--sans); font-size: .8em; line-height: 2.025; font-weight: 400; font-style: normal; text-decoration: none; color: var(--muted); font-variant-numeric: tabular-nums; user-select: none; }
.alt-text .ln { line-height: 1.94; }
.lines.clean main { padding-left: 3.6rem; }
.lines.clean .para { padding-left: 0; overflow: visible; }
.lines.clean .ln { left: -3.2rem; }
.marker { font-weight: 700; }

@media (max-width: 62rem) {
  .layout { grid-template-columns: 1fr; padding: 1rem; }
  .toc { position: static; max-height: none; }
}

@media print {
  @page { size: A4; margin: 18mm 16mm; @bottom-center { content: counter(page) " / " counter(pages); font: 8pt sans-serif; } }
  html, body { background: #fff; color: #000; }
  body { font-size: 10.5pt; }
  .doc-head { background: none; color: #000; padding: 0 0 6pt; border-bottom: 1.5pt solid #000; }
  .kind, .source, .summary .counts { color: #000; }
  .layout { display: block; padding: 0; max-width: none; }
  main, .clean main { max-width: none; border: none; padding: 0; }
  .toc { position: static; max-height: none; overflow: visible; padding: 8pt 0; border-bottom: 1pt solid #000; margin-bottom: 8pt; }
  .toc li { break-inside: avoid; }
  .chip, .chip.st-open, .chip.st-agreed, .chip.st-agreed-ad-ref, .chip.st-deleted { background: none; color: #000; border: .5pt solid #000; }
  .chip.st-open { font-weight: 700; border-width: 1.2pt; }
  .legend { border: .75pt solid #000; break-inside: avoid; }
  a { text-decoration: none; }
  .badge, .badge.st-open, .badge.st-agreed, .badge.st-agreed-ad-ref, .badge.st-deleted, .badge.whole, .badge.unbalanced, .badge.span { background: none; color: #000; border: .75pt solid #000; }
  .spanned { background: none; border-bottom: 1pt solid #000; }
  .span-edge { color: #000; }
  .badge.st-open { border-width: 1.5pt; }
  .para, .para.st-open, .para.st-agreed, .para.st-agreed-ad-ref, .para.st-deleted { background: none; border: none; border-left: 1pt solid #999; border-radius: 0; padding: 2pt 0 2pt 8pt; }
  .para.st-open { border-left: 3pt solid #000; }
  .para.st-agreed-ad-ref { border-left: 2pt double #000; }
  .para.st-deleted .body { color: #555; }
  .para.whole > .body { background: none; border: 1pt dashed #000; }
  .item[class*=" st-"] > .item-main { background: none; box-shadow: inset 1.5pt 0 0 #000; }
  .loose { text-decoration: underline wavy #000 1pt; }
  .whole-bracket, .bm, .d0 > .bm, .d1 > .bm, .d2 > .bm { color: #000; }
  .br { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .br.d0 { background: #ececec; }
  .br.d1 { background: #cfcfcf; text-decoration: underline dotted; }
  .br.d2 { background: #f6f6f6; text-decoration: underline dashed; }
  .sep { background: none; color: #000; border: 1pt solid #000; }
  .alts { grid-template-columns: 1fr; }
  .alt { border: .75pt solid #000; border-top-width: 1.5pt; break-inside: avoid; }
  .pos.proposed, .pos.opposed, .alike, .alts-caption, .note { color: #000; }
  mark.chg { background: none; border-bottom: none; text-decoration: underline 1.5pt; font-weight: 700; }
  .option-block, .export-note { background: none; border-color: #000; }
  .section-heading { border-color: #000; }
  .section-heading .marker, .toc .marker, .toc-title, .legend-title, .item > .label, .option-label, .closing { color: #000; }
  .doc-fields dt, .ln { color: #000; }
  /* A paragraph's number and first lines stay together on a page; headings stay with what follows. */
  .para { break-inside: auto; orphans: 3; widows: 2; }
  .para-head, .section-heading { break-after: avoid; }
  .text, .item-text, .alt-text { orphans: 3; widows: 2; }
  .item { break-inside: avoid; }
  .lines .para, .lines .para.st-open, .lines .para.st-agreed, .lines .para.st-agreed-ad-ref, .lines .para.st-deleted { overflow: visible; padding-left: 3.2rem; }
  .lines.clean .para { padding-left: 0; }
  .extra { break-before: page; }
}
`;

/**
 * What depends on the document: its symbol at the top right of every printed page, as a
 * circulated document carries it. The symbol goes into a CSS string with every character that
 * is not a letter, digit or simple punctuation escaped, so no symbol can end the string or the
 * style element.
 */
export function headerStyle(header: DocumentHeader): string {
  if (header.symbol === undefined) return '';
  return `\n@media print { @page { @top-right { content: "${cssString(header.symbol)}"; font: 9pt sans-serif; } } }\n`;
}

function cssString(text: string): string {
  return text.replace(/[^A-Za-z0-9 ./:,_-]/gu, (ch) => `\\${(ch.codePointAt(0) as number).toString(16)} `);
}
