import type { DraftComparison, SlotDiff } from '../compare/types.js';
import { changePhrases, figuresLine, paragraphTitle, sidesLine, summaryLine } from './describe-comparison.js';
import { escapeHtml, idSafe } from './html-escape.js';
import { markWords, type Markers } from './render-word-diff.js';

/** `ndraft compare --format html`: one page, self-contained, deletions and insertions as `<del>` and `<ins>`. */
export function renderCompareHtml(comparison: DraftComparison): string {
  const title = `Compare ${sidesLine(comparison)}`;
  const sections = comparison.paragraphs.map((p) => {
    const id = idSafe(`p-${(p.after ?? p.before)?.address ?? ''}`);
    const diffs = p.diffs.map((d) => `<p class="diff"><span class="slot">${escapeHtml(d.name)}:</span> ${markedHtml(d)}</p>`).join('\n');
    return `<section id="${id}" class="${p.kinds.map((k) => `k-${k}`).join(' ')}">\n<h2>${escapeHtml(paragraphTitle(p))}</h2>\n<p class="what">${escapeHtml(changePhrases(p).join('; '))}</p>\n${diffs}\n</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(summaryLine(comparison.summary))}</p>
<p class="figures">${escapeHtml(figuresLine(comparison))}</p>
</header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

const HTML_MARKERS: Markers = {
  deleted: (t) => `<del>${t}</del>`,
  inserted: (t) => `<ins>${t}</ins>`,
  replaced: (old, t) => `<del>${old}</del><ins>${t}</ins>`,
};

/** The diff with each run escaped before it is marked: no text of the draft can open a tag. */
function markedHtml(diff: SlotDiff): string {
  return markWords(
    diff.changes.map((change) => ({ ...change, value: escapeHtml(change.value) })),
    HTML_MARKERS,
  );
}

/** Colour is never the only signal: deletions are struck through, insertions underlined. */
const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1.5rem; color: #1c1f24; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .3rem; }
.summary { font-weight: 600; font-size: 1.1rem; margin: .2rem 0; }
.figures, .what { color: #5b6270; margin: .2rem 0; }
section { border-top: 1px solid #d9dde3; padding: .6rem 0; }
h2 { font-size: 1.1rem; margin: .4rem 0 .2rem; }
.slot { color: #5b6270; font-size: .9rem; }
del { color: #b91c1c; background: #fee2e2; text-decoration: line-through; }
ins { color: #15803d; background: #dcfce7; text-decoration: underline; }
`;
