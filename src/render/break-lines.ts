/**
 * Lines counted at a fixed length, as OpenSlides counts them, so that "paragraph 61, line 3"
 * names the same words in the HTML, the PDF and the Word document whatever their fonts: a line
 * holds at most `LINE_LENGTH` characters and breaks at the last space that fits; a word longer
 * than a line is split; a line break in the text always starts a new line.
 */
export const LINE_LENGTH = 80;

/** Where a new line starts: the characters from `at` to `at + skip` (spaces, a line break) are not shown. */
export interface LineBreak {
  at: number;
  skip: number;
}

/** The breaks of `text`, in order; none for a text that fits on one line. Offsets are UTF-16 units. */
export function lineBreaks(text: string, length = LINE_LENGTH): LineBreak[] {
  const breaks: LineBreak[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    breakHardLine(text, start, end, length, breaks);
    if (newline < 0) return breaks;
    breaks.push({ at: newline, skip: 1 });
    start = newline + 1;
  }
}

function breakHardLine(text: string, from: number, end: number, length: number, breaks: LineBreak[]): void {
  let start = from;
  while (end - start > length) {
    // The last space that leaves at most `length` characters before it.
    const found = text.lastIndexOf(' ', start + length);
    const space = found > start ? found : -1;
    if (space < 0) {
      breaks.push({ at: start + length, skip: 0 });
      start += length;
      continue;
    }
    let first = space;
    while (first > start && text[first - 1] === ' ') first--;
    let next = space + 1;
    while (next < end && text[next] === ' ') next++;
    if (first === start) {
      // Only spaces before the break: split there rather than lose the line.
      breaks.push({ at: start + length, skip: 0 });
      start += length;
      continue;
    }
    breaks.push({ at: first, skip: next - first });
    start = next;
  }
}

/** The text's lines, without the characters the breaks take. */
export function breakLines(text: string, length = LINE_LENGTH): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const b of lineBreaks(text, length)) {
    lines.push(text.slice(start, b.at));
    start = b.at + b.skip;
  }
  lines.push(text.slice(start));
  return lines;
}

/**
 * Follows a block's breaks through its text as a format writes it: before each character,
 * whether a new line starts there, and whether the character is shown (the spaces and line
 * breaks a break takes are not); between breaks, how many characters are simply shown. The
 * HTML and the DOCX exports both put their lines where this says, so they cannot disagree.
 */
export class BreakWalker {
  private at = 0;
  private k = 0;
  private skip = 0;

  constructor(private readonly breaks: readonly LineBreak[]) {}

  /**
   * How many characters from here on are shown with no line starting before any of them
   * (`Infinity` when no break is left to come): a format copies them as one stretch, `pass`es
   * them, and asks `next` only about the few characters where a line starts or a break hides one.
   */
  plain(): number {
    if (this.skip > 0) return 0;
    const brk = this.breaks[this.k];
    return brk === undefined || brk.at < this.at ? Infinity : brk.at - this.at;
  }

  /** Goes past `n` characters that `plain` said are shown. */
  pass(n: number): void {
    this.at += n;
  }

  next(): { newLine: boolean; shown: boolean } {
    const brk = this.breaks[this.k];
    let newLine = false;
    if (this.skip === 0 && brk !== undefined && brk.at === this.at) {
      newLine = true;
      this.skip = brk.skip;
      this.k++;
    }
    this.at++;
    if (this.skip === 0) return { newLine, shown: true };
    this.skip--;
    return { newLine, shown: false };
  }

  /** How many lines are still to start after the last character (a text ending in a line break). */
  rest(): number {
    const left = this.breaks.length - this.k;
    this.k = this.breaks.length;
    return left;
  }
}
