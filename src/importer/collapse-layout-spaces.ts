import type { SourceLine } from './source-lines.js';

/**
 * pdftotext -layout keeps the page's columns by padding with spaces: `2.     Each Party`,
 * `[US/AU/PE/VN              propose;99`. A run of three or more spaces inside a line becomes one
 * space; at the start of a line it is dropped and the line's `column` moves on, so the indentation
 * is still known; at the end it is dropped. Runs of one or two spaces and all tabs are left alone:
 * they are the author's (the seed's ` 1.`), and docx-to-text files indent with tabs.
 */
export function collapseLayoutSpaces(lines: readonly SourceLine[]): SourceLine[] {
  return lines.map((line) => {
    if (!line.text.includes('   ')) return line;
    const lead = /^ {3,}/.exec(line.text)?.[0].length ?? 0;
    const text = line.text.slice(lead).replace(/ {3,}$/, '').replace(/ {3,}/g, ' ');
    return { text, line: line.line, column: line.column + lead };
  });
}
