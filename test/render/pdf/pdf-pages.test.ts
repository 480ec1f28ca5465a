import { describe, expect, it } from 'vitest';
import type { LaidLine } from '../../../src/render/pdf/layout-lines.js';
import { LEADING, Paginator, type Block, type Page } from '../../../src/render/pdf/pdf-pages.js';

/** A block of `n` empty lines at 10 pt; each line is 11.5 pt high. */
const block = (name: string, n: number, extra: Partial<Block> = {}): Block => ({
  lines: Array.from({ length: n }, (_, i): LaidLine => ({ segments: [{ x: i, fragments: [] }], extra: 0, scale: name.length })),
  size: 10,
  before: 0,
  after: 0,
  ...extra,
});
const line = 10 * LEADING;

/** Pages as the names of the blocks on them: a block's lines carry its name's length and their index. */
function paginate(blocks: Block[], lines: number): number[][] {
  const pages: Page[] = [];
  const paginator = new Paginator({ height: lines * line + 100, top: 50, bottom: 50 }, (page) => pages.push(page));
  for (const b of blocks) paginator.push(b);
  paginator.finish();
  return pages.map((page) => page.lines.map((l) => l.line.scale as number));
}

describe('Paginator', () => {
  it('fills pages line by line, breaking a long block across them', () => {
    expect(paginate([block('aaa', 6), block('bb', 2)], 4)).toEqual([[3, 3, 3, 3], [3, 3, 2, 2]]);
  });

  it('never leaves the last line of a block alone at the top of a page: the line before goes with it', () => {
    expect(paginate([block('aaa', 5), block('bb', 3)], 4)).toEqual([[3, 3, 3], [3, 3, 2, 2], [2]]);
  });

  it('moves a heading kept with the next block to the next page rather than leave it at the foot', () => {
    expect(paginate([block('aaa', 3), block('h', 1, { keepNext: true }), block('bb', 3)], 4)).toEqual([[3, 3, 3], [1, 2, 2, 2]]);
  });

  it('never leaves the first line of a block alone at the foot of a page', () => {
    expect(paginate([block('aaa', 3), block('bb', 3)], 4)).toEqual([[3, 3, 3], [2, 2, 2]]);
  });

  it('drops the space before a block at the top of a page, and records bookmarks where their heading stands', () => {
    const pages: Page[] = [];
    const paginator = new Paginator({ height: 4 * line + 100, top: 50, bottom: 50 }, (page) => pages.push(page));
    paginator.push(block('aaa', 4));
    paginator.push(block('h', 1, { before: 18, outline: { title: 'Section', level: 0 } }));
    paginator.finish();
    expect(pages).toHaveLength(2);
    const heading = pages[1]?.lines[0];
    expect(heading?.y).toBeCloseTo(4 * line + 50 - 10 * 0.891, 5);
    expect(pages[1]?.outline).toEqual([{ title: 'Section', level: 0, y: (heading?.y as number) + 10 }]);
  });
});
