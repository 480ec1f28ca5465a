import type { Attribution, AttributedSegment } from '../compare/attribute-changes.js';
import type { AttributionMemo } from '../compare/attribution-memo.js';
import type { TrackedParagraph } from '../compare/tracked-changes.js';
import type { ExportInput } from '../export/export-input.js';
import type { Layout } from './docx-paragraph-lines.js';
import { runsOf, trackedLines } from './tracked-lines.js';

/** Escapes a draft's string for Markdown (`escapeMarkdown` of the Markdown export). */
export type MarkdownEscape = (text: string, options?: { lineStart?: boolean; oneLine?: boolean }) => string;

const PREFIX: Record<Layout, string> = { paragraph: '', item: '- ', alternative: '> ', 'item-alternative': '  > ', aside: '', 'item-aside': '  ' };

/**
 * A changed paragraph in the Markdown export, in CriticMarkup: `{--deleted--}`, `{++inserted++}`,
 * each run of changes by one author followed by a comment naming them and the date,
 * `{>>Ana for EU, 2026-11-30<<}`. Plain Markdown viewers show the marks as typed, which still
 * reads; CriticMarkup-aware ones (MultiMarkdown, Pandoc's filters, Obsidian plug-ins) show them
 * as changes. Curly braces in the text are escaped so they never close a mark. Lines as the Word
 * export lays them out: the numbered line, items as a list, alternatives quoted.
 */
export function trackedParagraphMarkdown(tracked: TrackedParagraph, input: ExportInput, unknown: Attribution, escape: MarkdownEscape, memo?: AttributionMemo): string[] {
  const blocks: string[] = [];
  let previous: Layout | undefined;
  for (const { line, pieces } of trackedLines(tracked, input, unknown, [], memo)) {
    const segments = pieces.flatMap(({ piece, segments }) => segments.map((segment) => ({ segment, bold: piece.style.bold === true, italics: piece.style.italics === true })));
    const text = `${PREFIX[line.layout]}${lineMarkdown(segments, escape)}`;
    // Items follow one another in one list; every other line is a block of its own.
    if (line.layout === 'item' && previous === 'item') blocks[blocks.length - 1] += `\n${text}`;
    else blocks.push(text);
    previous = line.layout;
  }
  return blocks;
}

const CRITIC_FOUND = /[{}]|[+-]{2}/;

function lineMarkdown(segments: readonly { segment: AttributedSegment; bold: boolean; italics: boolean }[], escape: MarkdownEscape): string {
  let out = '';
  // A run of changes of one kind by one author is one mark, whatever the styles inside it.
  // Braces, and a doubled + or -, could open or close a mark: escaped (Markdown shows `\{` as `{`).
  const critic = (text: string) => {
    const escaped = escape(text, { oneLine: true });
    // Only a brace or two marks in a row need it: tested first, far cheaper than the lookbehind.
    return CRITIC_FOUND.test(escaped) ? escaped.replace(/[{}]|[+-](?=[+-])|(?<=[+-])[+-]/g, '\\$&') : escaped;
  };
  const runs = runsOf(segments);
  runs.forEach((run, i) => {
    const inner = run.map(({ segment, bold, italics }) => styled(critic(segment.text.replace(/\t/g, ' ')), bold, italics)).join('');
    const { kind, by } = (run[0] as (typeof run)[number]).segment;
    if (kind === 'same' || by === undefined) {
      out += inner;
      return;
    }
    out += kind === 'inserted' ? `{++${inner}++}` : `{--${inner}--}`;
    // One comment after a deletion and its insertion by the same author.
    const next = runs[i + 1]?.[0]?.segment;
    if (next === undefined || next.kind === 'same' || next.by?.author !== by.author) out += `{>>${critic(by.author)}, ${critic(by.date.slice(0, 10))}<<}`;
  });
  return out.trim();
}

/** `**61.**` around the words, not their spacing: emphasis marks must touch words. */
function styled(text: string, bold: boolean, italics: boolean): string {
  const core = text.trim();
  if ((!bold && !italics) || core === '') return text;
  const mark = bold ? '**' : '*';
  return text.replace(core, `${mark}${core}${mark}`);
}
