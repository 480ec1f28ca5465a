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
  let shown = 0;
  let k = 0;
  let skip = 0;
  for (let i = 0; i < html.length; ) {
    const ch = html[i] as string;
    if (ch === '<') {
      const end = html.indexOf('>', i);
      const stop = end < 0 ? html.length : end + 1;
      out += html.slice(i, stop);
      i = stop;
      continue;
    }
    const unit = ch === '&' ? entityAt(html, i) : ch;
    const brk = block.breaks[k];
    if (skip === 0 && brk !== undefined && brk.at === shown) {
      out += `<br>${lineNumber(block.first + k + 1)}`;
      skip = brk.skip;
      k++;
    }
    if (skip > 0) skip--;
    else out += unit;
    shown++;
    i += unit.length;
  }
  // A break at the very end (a text ending in a line break) still starts its line.
  for (; k < block.breaks.length; k++) out += `<br>${lineNumber(block.first + k + 1)}`;
  return out;
}

function entityAt(html: string, i: number): string {
  const end = html.indexOf(';', i);
  return end > i && end - i <= 10 ? html.slice(i, end + 1) : '&';
}

function lineNumber(n: number): string {
  return `<span class="ln">${n}</span>`;
}
