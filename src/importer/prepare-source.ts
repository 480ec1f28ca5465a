import { collapseLayoutSpaces } from './collapse-layout-spaces.js';
import { detectMarkdown } from './detect-markdown.js';
import { extractFootnotes } from './extract-footnotes.js';
import { joinHyphenation } from './join-hyphenation.js';
import { normalizeMarkdown } from './normalize-markdown.js';
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
 * padding is collapsed. A text that has none of these (the seed) comes out line for line as it
 * went in.
 */
export function prepareSource(text: string, options: PrepareOptions): PreparedSource {
  const split = splitSourceLines(text);
  const format = options.from ?? (detectMarkdown(split) ? 'markdown' : 'text');
  const markdown = format === 'markdown' ? normalizeMarkdown(split) : { lines: split, notes: [], references: [] };
  const paged = removePageFurniture(markdown.lines);
  const footnotes = extractFootnotes(paged.lines, paged.furniture);
  const lines = collapseLayoutSpaces(joinHyphenation(footnotes.lines));
  return {
    lines,
    furniture: paged.furniture,
    notes: [...markdown.notes, ...footnotes.notes].sort((a, b) => a.line - b.line),
    references: [...markdown.references, ...footnotes.references].sort((a, b) => a.line - b.line || a.column - b.column),
    warnings: footnotes.warnings.map((w) => ({ ...w, file: options.file })),
    format,
  };
}
