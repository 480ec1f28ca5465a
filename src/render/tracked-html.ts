import type { Attribution } from '../compare/attribute-changes.js';
import type { AttributionMemo } from '../compare/attribution-memo.js';
import type { TrackedParagraph } from '../compare/tracked-changes.js';
import type { ExportInput } from '../export/export-input.js';
import type { Piece } from './docx-runs.js';
import { escapeHtml } from './html-escape.js';
import { notationHtml } from './html-notation.js';
import { runsOf, trackedLines } from './tracked-lines.js';

/**
 * A changed paragraph in the HTML export, laid out as its lines (`trackedLines`, the lines the
 * Word export writes): each change an `<ins>` or `<del>` that names its author and date, in
 * `data-author` and `data-date` and in a title a mouse shows. A line that came or went is marked
 * as a whole. `status` colours the paragraph as the others are.
 */
export function trackedParagraphHtml(tracked: TrackedParagraph, input: ExportInput, unknown: Attribution, id: string | undefined, status: string, memo?: AttributionMemo): string {
  const flag = (tracked.current ?? tracked.base)?.status === 'open';
  const lines = trackedLines(tracked, input, unknown, [], memo).map(({ line, pieces, came, went }) => {
    const html = runsOf(pieces.flatMap(({ piece, segments }) => segments.map((segment) => ({ piece, segment }))))
      .map((run) => {
        const inner = run.map(({ piece, segment }) => segmentHtml(piece, segment.text, flag)).join('');
        const { kind, by } = (run[0] as (typeof run)[number]).segment;
        if (kind === 'same' || by === undefined) return inner;
        const tag = kind === 'inserted' ? 'ins' : 'del';
        return `<${tag} class="tr" ${byAttributes(by, kind === 'inserted' ? 'Inserted' : 'Deleted')}>${inner}</${tag}>`;
      })
      .join('');
    const edge = came ? ` tr-came" ${byAttributes(came, 'Paragraph inserted')}` : went ? ` tr-went" ${byAttributes(went, 'Paragraph deleted')}` : '"';
    return `<p class="tr-line tr-${line.layout}${edge} dir="auto">${html}</p>`;
  });
  const gone = tracked.current === undefined ? ' tr-removed' : tracked.base === undefined ? ' tr-added' : '';
  return [`<article class="para tracked st-${status}${gone}"${id === undefined ? '' : ` id="${id}"`}>`, ...lines, '</article>'].join('\n');
}

function segmentHtml(piece: Piece, segmentText: string, flag: boolean): string {
  const text = segmentText.replace(/\t/g, ' ');
  let html = piece.kind === 'words' && piece.notation ? notationHtml(text, flag, text === piece.text ? piece.spans : undefined) : escapeHtml(text);
  if (piece.style.italics) html = `<em>${html}</em>`;
  if (piece.style.bold) html = `<strong>${html}</strong>`;
  return html;
}

/** `data-author`, `data-date` (and `data-entry`, the history id) and a title reading "Inserted by Ana for EU, 2026-11-30 10:12 UTC". */
function byAttributes(by: Attribution, what: string): string {
  const when = Number.isNaN(Date.parse(by.date)) ? by.date : new Date(by.date).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const entry = by.entry === undefined ? '' : ` data-entry="${escapeHtml(by.entry)}"`;
  return `data-author="${escapeHtml(by.author)}" data-date="${escapeHtml(by.date)}"${entry} title="${escapeHtml(`${what} by ${by.author}, ${when}`)}"`;
}

/** The tracked changes' look: inserted words underlined on green, deleted struck through on red, lines laid out as in Word. */
export const TRACKED_STYLE = `
ins.tr { background: #dcfce7; color: #14532d; text-decoration: underline; }
del.tr { background: #fee2e2; color: #7f1d1d; text-decoration: line-through; }
.tr-line { margin: .2rem 0; white-space: pre-line; font-family: var(--serif); font-size: 1.06rem; line-height: 1.62; }
.tr-item, .tr-alternative, .tr-aside { margin-left: 2rem; }
.tr-item-alternative, .tr-item-aside { margin-left: 4rem; }
.tr-aside, .tr-item-aside { font-size: .95rem; }
.tr-came { border-left: 3px solid #16a34a; padding-left: .4rem; }
.tr-went { border-left: 3px solid #dc2626; padding-left: .4rem; }
.changes-note { font-style: italic; }
@media print { ins.tr, del.tr { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
