import { BreakWalker } from './break-lines.js';
import type { LineBlock } from './paragraph-lines.js';

/**
 * Puts a block's line breaks and numbers into its HTML: `html` shows exactly the block's text
 * (tags aside, an entity being one character), and each break becomes `<br>` followed by the
 * next line's number. A `<br>` may stand inside an open bracket's span, so the markup around the
 * text stays as it was. The characters a break takes (spaces, a line break) are left out, and
 * the style sheet keeps each line from wrapping (`white-space: pre`), so the browser never
 * breaks a line anywhere else.
 */
export function numberHtmlLines(html: string, block: LineBlock): string {
  let out = lineNumber(block.first);
  let line = block.first;
  const walker = new BreakWalker(block.breaks);
  for (let i = 0; i < html.length; ) {
    if (html[i] === '<') {
      const end = html.indexOf('>', i);
      const stop = end < 0 ? html.length : end + 1;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    const unit = html[i] === '&' ? entityAt(html, i) : (html[i] as string);
    const { newLine, shown } = walker.next();
    if (newLine) out += `<br>${lineNumber(++line)}`;
    if (shown) out += unit;
    i += unit.length;
  }
  // A break at the very end (a text ending in a line break) still starts its line.
  for (let n = walker.rest(); n > 0; n--) out += `<br>${lineNumber(++line)}`;
  return out;
}

function entityAt(html: string, i: number): string {
  const end = html.indexOf(';', i);
  return end > i && end - i <= 10 ? html.slice(i, end + 1) : '&';
}

function lineNumber(n: number): string {
  return `<span class="ln">${n}</span>`;
}
