/**
 * Markdown turns a treaty's `(a)` and `(i)` into nested `1.` lists; the legal labels come back
 * from the depth: depth 0 keeps its number (`1.`, a paragraph number) or becomes a bullet `•`,
 * depth 1 is `(a)`, `(b)` …, depth 2 `(i)`, `(ii)` …, depth 3 `(A)` and deeper `(1)`.
 * An ordered item's own number gives its place; an unordered one is counted.
 */
export class ListLabels {
  private readonly indents: number[] = [];
  private readonly counts: number[] = [];

  /** The label for a list item at `indent` spaces with marker `marker` (`3.`, `3)`, `-`, `*`, `+`). */
  label(indent: number, marker: string): string {
    while (this.indents.length > 0 && indent < (this.indents[this.indents.length - 1] as number)) {
      this.indents.pop();
      this.counts.pop();
    }
    const top = this.indents[this.indents.length - 1];
    const written = /^\d+/.exec(marker)?.[0];
    // Indented two spaces or more, an item nests; indented by one, only when it starts again at 1
    // under a numbered item (` 1. A national inventory report` under `7.`: its `(a)`).
    const restarts = top !== undefined && indent > top && written === '1' && (this.counts[this.counts.length - 1] as number) >= 1;
    if (top === undefined || indent > top + 1 || restarts) {
      this.indents.push(indent);
      this.counts.push(0);
    }
    const depth = this.indents.length - 1;
    const place = written !== undefined ? Number(written) : (this.counts[depth] as number) + 1;
    this.counts[depth] = place;
    if (depth === 0) return written !== undefined ? `${written}.` : '•';
    if (depth === 1) return `(${letters(place)})`;
    if (depth === 2) return `(${roman(place)})`;
    if (depth === 3) return `(${letters(place).toUpperCase()})`;
    return `(${place})`;
  }

  /** A line that is not part of a list ends every open list. */
  reset(): void {
    this.indents.length = 0;
    this.counts.length = 0;
  }
}

/** 1 → a, 26 → z, 27 → aa, as drafts continue after z. */
export function letters(n: number): string {
  const letter = String.fromCharCode(96 + (((n - 1) % 26) + 1));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}
