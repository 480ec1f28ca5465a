import type { LaidLine } from './layout-lines.js';

/** A paragraph of the page, its lines already broken. */
export interface Block {
  lines: LaidLine[];
  size: number;
  before: number;
  after: number;
  /** On the same page as the first lines of the block after it (a heading, a chapeau with its first item). */
  keepNext?: boolean;
  /** A bookmark to this block. */
  outline?: { title: string; level: number };
}

/** Where the text goes on the page, in points. */
export interface Frame {
  height: number;
  top: number;
  bottom: number;
}

export interface PlacedLine {
  line: LaidLine;
  /** The baseline, from the bottom of the page. */
  y: number;
  size: number;
}

export interface Page {
  lines: PlacedLine[];
  outline: { title: string; level: number; y: number }[];
}

/** Single line spacing of Tinos (and Times New Roman): ascent, descent and line gap, 1.15 em. */
export const LEADING = 1.15;
const ASCENT = 0.891;

/**
 * The blocks set on pages as a word processor does, page by page as they come (a 5,000-paragraph
 * draft never stands laid out in memory at once): space before a block is dropped at the top of
 * a page; blocks marked keepNext wait for the block they keep with, and start a new page when
 * they and its first two lines do not fit (unless they fill more than a page); a block's first
 * line is never left alone at the foot of a page, nor its last at the top of one (Word's widow and
 * orphan control). `done` gets each page when it is full.
 */
export class Paginator {
  private readonly room: number;
  private page: Page = { lines: [], outline: [] };
  private used = 0;
  private chain: Block[] = [];

  constructor(
    private readonly frame: Frame,
    private readonly done: (page: Page) => void,
  ) {
    this.room = frame.height - frame.top - frame.bottom;
  }

  push(block: Block): void {
    this.chain.push(block);
    if (!block.keepNext) this.placeChain();
  }

  /** The last page. */
  finish(): void {
    this.placeChain();
    this.done(this.page);
  }

  private placeChain(): void {
    const chain = this.chain;
    if (chain.length === 0) return;
    this.chain = [];
    const height = chainHeight(chain);
    if (this.used > 0 && this.used + (chain[0] as Block).before + height > this.room && height <= this.room) this.newPage();
    for (const block of chain) this.place(block);
  }

  private place(block: Block): void {
    const leading = block.size * LEADING;
    if (this.used > 0) this.used += block.before;
    if (this.used > 0 && block.lines.length >= 2 && this.used + 2 * leading > this.room) this.newPage();
    block.lines.forEach((line, n) => {
      // Nor is its last line left alone at the top of the next: the line before goes with it.
      const widow = n >= 2 && n === block.lines.length - 2 && this.used + 2 * leading > this.room;
      if (this.used > 0 && (this.used + leading > this.room || widow)) this.newPage();
      const y = this.frame.height - this.frame.top - this.used - block.size * ASCENT;
      if (n === 0 && block.outline) this.page.outline.push({ ...block.outline, y: y + block.size });
      this.page.lines.push({ line, y, size: block.size });
      this.used += leading;
    });
    this.used += block.after;
  }

  private newPage(): void {
    this.done(this.page);
    this.page = { lines: [], outline: [] };
    this.used = 0;
  }
}

/** The height of a chain of blocks kept together, through the first two lines of its last. */
function chainHeight(chain: readonly Block[]): number {
  let height = 0;
  chain.forEach((block, j) => {
    const leading = block.size * LEADING;
    if (j > 0) height += block.before;
    height += j === chain.length - 1 ? Math.min(block.lines.length, 2) * leading : block.lines.length * leading + block.after;
  });
  return height;
}
