import type { Attribution, AttributedSegment } from '../compare/attribute-changes.js';
import type { TrackedParagraph } from '../compare/tracked-changes.js';
import type { ExportInput } from '../export/export-input.js';
import type { Layout } from './docx-paragraph-lines.js';
import { trackedLines } from './tracked-lines.js';

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
export function trackedParagraphMarkdown(tracked: TrackedParagraph, input: ExportInput, unknown: Attribution, escape: MarkdownEscape): string[] {
  const blocks: string[] = [];
  let previous: Layout | undefined;
  for (const { line, pieces } of trackedLines(tracked, input, unknown)) {
    const segments = pieces.flatMap(({ piece, segments }) => segments.map((segment) => ({ segment, bold: piece.style.bold === true, italics: piece.style.italics === true })));
    const text = `${PREFIX[line.layout]}${lineMarkdown(segments, escape)}`;
    // Items follow one another in one list; every other line is a block of its own.
    if (line.layout === 'item' && previous === 'item') blocks[blocks.length - 1] += `\n${text}`;
    else blocks.push(text);
    previous = line.layout;
  }
  return blocks;
}

function lineMarkdown(segments: readonly { segment: AttributedSegment; bold: boolean; italics: boolean }[], escape: MarkdownEscape): string {
  let out = '';
  segments.forEach(({ segment, bold, italics }, i) => {
    const raw = segment.text.replace(/\t/g, ' ');
    if (raw === '') return;
    let text = escape(raw, { oneLine: true }).replace(/[{}]/g, '\\$&');
    const core = text.trim();
    if ((bold || italics) && core !== '') {
      const mark = bold ? '**' : '*';
      text = text.replace(core, `${mark}${core}${mark}`);
    }
    if (segment.kind === 'same' || segment.by === undefined) {
      out += text;
      return;
    }
    out += segment.kind === 'inserted' ? `{++${text}++}` : `{--${text}--}`;
    const next = segments.slice(i + 1).find(({ segment: s }) => s.text !== '');
    if (next?.segment.kind === 'same' || next?.segment.by?.author !== segment.by.author || next === undefined) out += `{>>${escape(segment.by.author, { oneLine: true })}, ${segment.by.date.slice(0, 10)}<<}`;
  });
  return out.trim();
}
