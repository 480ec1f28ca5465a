import { collapseLayoutSpaces } from './collapse-layout-spaces.js';
import { detectMarkdown } from './detect-markdown.js';
import { extractFootnotes } from './extract-footnotes.js';
import { joinHyphenation } from './join-hyphenation.js';
import { normalizeMarkdown } from './normalize-markdown.js';
import { reattachNumbers } from './reattach-numbers.js';
import { removePageFurniture } from './remove-page-furniture.js';
import type { PreparedSource } from './source-lines.js';
import { splitSourceLines } from './split-source-lines.js';

export interface PrepareOptions {
  /** The file the text came from; warnings name it. */
  file: string;
  /** The source format; detected when not given. */
  from?: 'text' | 'markdown';
}

/**
 * The front of the import pipeline: decoded text to clean lines, with everything taken out listed.
 * Markdown is turned into plain conventions first (its footnotes become notes); then page
 * furniture, footnotes, broken words and layout padding are dealt with, in that order: footnotes
 * are found by the page breaks the furniture pass saw, and by their indentation, before the
 * padding is collapsed; then paragraph numbers cut off from their text (`6. 7.`) are put back.
 * A text that has none of these (the seed) comes out line for line as it
 * went in.
 */
export function prepareSource(text: string, options: PrepareOptions): PreparedSource {
  const split = splitSourceLines(text);
  const format = options.from ?? (MARKDOWN_SIGN.test(text) && detectMarkdown(split) ? 'markdown' : 'text');
  const markdown = format === 'markdown' ? normalizeMarkdown(split) : { lines: split, notes: [], references: [] };
  const paged = PAGE_SIGN.test(text) ? removePageFurniture(markdown.lines) : { lines: markdown.lines, furniture: [] };
  const footnotes = paged.furniture.length > 0 || RULE_SIGN.test(text) ? extractFootnotes(paged.lines, paged.furniture) : { lines: paged.lines, notes: [], references: [], warnings: [] };
  const joined = HYPHEN_SIGN.test(text) ? joinHyphenation(footnotes.lines) : footnotes.lines;
  const collapsed = text.includes('   ') ? collapseLayoutSpaces(joined) : joined;
  const reattached = NUMBER_RUN_SIGN.test(text) ? reattachNumbers(collapsed) : { lines: collapsed, warnings: [] };
  return {
    lines: reattached.lines,
    furniture: paged.furniture,
    notes: [...markdown.notes, ...footnotes.notes].sort((a, b) => a.line - b.line),
    references: [...markdown.references, ...footnotes.references].sort((a, b) => a.line - b.line || a.column - b.column),
    warnings: [...footnotes.warnings, ...reattached.warnings].map((w) => ({ ...w, file: options.file })),
    format,
  };
}

// A pass is skipped when the text has nothing it looks for: one scan of the text is much cheaper
// than a pass over every line, and most drafts are plain typed text (the import budget is tight).
const MARKDOWN_SIGN = /\\[[\]()*_#`>!.+-]|^ {0,3}#{1,6}\s|\*\*|__|\[\^/m;
const PAGE_SIGN = /\f|\u2588|^\s*(?:page\s+\d|\d{1,4}\s+of\s+\d|\d{1,4}\s*\/\s*\d{1,4}\s*$|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]\s*$)/im;
const RULE_SIGN = /^\s*(?:___|-----|\u2014\u2014\u2014|\u2500\u2500\u2500)/m;
const NUMBER_RUN_SIGN = /^[ \t]*\d{1,4}\.(?:[ \t]+\d{1,4}\.)+[ \t]*$/m;
const HYPHEN_SIGN = /\u00ad|[-][ \t]*$|- /m;
