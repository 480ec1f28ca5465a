import type { SourceLine } from './source-lines.js';

/**
 * Is this text Markdown? Plain drafts use `[`, `*` and numbered lines too, so one kind of sign is
 * never enough: it takes two of backslash escapes (three or more), `#` headings, `**bold**`
 * (twice or more), `[^n]` footnotes, and list items nested by indentation (twice or more).
 */
export function detectMarkdown(lines: readonly SourceLine[]): boolean {
  let escapes = 0;
  let headings = 0;
  let bold = 0;
  let footnotes = 0;
  let nested = 0;
  let inList = false;
  for (const { text } of lines) {
    escapes += text.match(/\\[[\]()*_#`>!.+-]/g)?.length ?? 0;
    if (/^ {0,3}#{1,6}\s+\S/.test(text)) headings++;
    bold += text.match(/\*\*\S[^*]*\*\*|__\S[^_]*__/g)?.length ?? 0;
    footnotes += text.match(/\[\^[^\]\s]+\]/g)?.length ?? 0;
    const item = /^( *)(?:\d{1,9}[.)]|[-*+]) +\S/.exec(text);
    if (item && inList && (item[1] as string).length >= 2) nested++;
    if (item) inList = true;
    else if (/^\S/.test(text)) inList = false;
  }
  const signs = [escapes >= 3, headings >= 1, bold >= 2, footnotes >= 1, nested >= 2];
  return signs.filter(Boolean).length >= 2;
}
