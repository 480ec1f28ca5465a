import type { ChalkInstance } from 'chalk';
import type { DraftComparison, ParagraphComparison } from '../compare/types.js';
import { changePhrases, figuresLine, paragraphTitle, sidesLine, summaryLine } from './describe-comparison.js';
import { markersFor, markWords, type Markers } from './render-word-diff.js';

/**
 * `ndraft compare` output. Pure: takes the comparison (and chalk for colour), returns the text.
 *
 * - `color`: deletions red and struck through, insertions green (as `ndraft diff`).
 * - `plain`: git's `--word-diff` markers, `[-old-]{+new+}`.
 * - `markdown`: `~~old~~` and `**new**`, a heading per paragraph.
 * - `json`: the comparison as data. (`html`: render-compare-html.ts.)
 *
 * The summary comes first, then each changed paragraph: what happened to it, then a word diff
 * of each of its texts that changed, brackets moving as whole units.
 */
export const COMPARE_FORMATS = ['color', 'plain', 'markdown', 'html', 'json'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export function renderCompare(comparison: DraftComparison, format: Exclude<CompareFormat, 'html'>, c: ChalkInstance): string {
  if (format === 'json') return JSON.stringify(comparisonJson(comparison), null, 2);
  if (format === 'markdown') return renderMarkdown(comparison);
  const markers = markersFor(format, c);
  const lines = [c.bold(`Compare ${sidesLine(comparison)}`), c.bold(summaryLine(comparison.summary)), c.dim(figuresLine(comparison))];
  for (const p of comparison.paragraphs) {
    lines.push('', `${c.bold(paragraphTitle(p))}: ${changePhrases(p).join('; ')}`);
    for (const diff of p.diffs) lines.push(`  ${c.dim(`${diff.name}:`)} ${markWords(diff.changes, markers)}`);
  }
  return lines.join('\n');
}

const MARKDOWN: Markers = {
  deleted: (t) => `~~${t}~~`,
  inserted: (t) => `**${t}**`,
  replaced: (old, t) => `~~${old}~~ **${t}**`,
};

function renderMarkdown(comparison: DraftComparison): string {
  const lines = [`# Compare ${sidesLine(comparison)}`, '', `**${summaryLine(comparison.summary)}**`, '', `_${figuresLine(comparison)}_`];
  for (const p of comparison.paragraphs) {
    lines.push('', `## ${paragraphTitle(p)}`, '', `_${changePhrases(p).join('; ')}_`);
    for (const diff of p.diffs) lines.push('', `${diff.name}: ${markWords(diff.changes, MARKDOWN)}`);
  }
  return lines.join('\n');
}

export function comparisonJson(comparison: DraftComparison): unknown {
  return {
    a: comparison.a,
    b: comparison.b,
    summary: comparison.summary,
    summaryLine: summaryLine(comparison.summary),
    paragraphs: comparison.paragraphs.map((p: ParagraphComparison) => ({
      ...p,
      diffs: p.diffs.map((d) => ({ name: d.name, changes: d.changes.map((change) => ({ type: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value })) })),
    })),
  };
}
