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
  // The markup and text from `from` on are copied in one slice when a line starts or a character
  // is left out, not character by character: a 5,000-paragraph page has some 2 million of them.
  let from = 0;
  let plain = walker.plain();
  let passed = 0;
  // Where the next tag and entity start: the text between them is passed a stretch at a time.
  let tag = -1;
  let amp = -1;
  for (let i = 0; i < html.length; ) {
    const c = html.charCodeAt(i);
    if (c === LT) {
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    if (c !== AMP && plain > 0) {
      if (tag < i) tag = indexOrEnd(html, '<', i);
      if (amp < i) amp = indexOrEnd(html, '&', i);
      const n = Math.min(tag, amp) - i;
      const step = plain < n ? plain : n;
      plain -= step;
      passed += step;
      i += step;
      continue;
    }
    const length = c === AMP ? entityLength(html, i) : 1;
    if (plain > 0) {
      plain--;
      passed++;
    } else {
      walker.pass(passed);
      passed = 0;
      const { newLine, shown } = walker.next();
      if (newLine) {
        out += `${html.slice(from, i)}<br>${lineNumber(++line)}`;
        from = i;
      }
      if (!shown) {
        out += html.slice(from, i);
        from = i + length;
      }
      plain = walker.plain();
    }
    i += length;
  }
  out += html.slice(from);
  // A break at the very end (a text ending in a line break) still starts its line.
  for (let n = walker.rest(); n > 0; n--) out += `<br>${lineNumber(++line)}`;
  return out;
}

/** Puts a block's line numbers into its markup (`numberHtmlLines`), the block named by its key; `unnumbered` leaves it as it is. */
export type Numbered = (key: string, html: string) => string;

export const unnumbered: Numbered = (_key, html) => html;

export function numberedBy(blocks: ReadonlyMap<string, LineBlock>): Numbered {
  return (key, html) => {
    const block = blocks.get(key);
    return block === undefined ? html : numberHtmlLines(html, block);
  };
}

const LT = 0x3c;
const AMP = 0x26;

function indexOrEnd(html: string, ch: string, from: number): number {
  const at = html.indexOf(ch, from);
  return at < 0 ? html.length : at;
}

/** An entity (`&amp;`) is one character of the text. */
function entityLength(html: string, i: number): number {
  const end = html.indexOf(';', i);
  return end > i && end - i <= 10 ? end - i + 1 : 1;
}

function lineNumber(n: number): string {
  return `<span class="ln">${n}</span>`;
}
