import type { PlacedLine } from './order-columns.js';

/**
 * Where a paragraph ends between two body lines read one after the other. PDF has no paragraphs,
 * only lines, so the breaks are read from the layout: more space between two lines than between
 * the lines of a paragraph (1.4 times the usual spacing), or a line that starts a numbered
 * paragraph, an item or an option where the previous one did not start further left. Across a
 * column or a page the text runs on, unless the new column starts such a line.
 */
export function breaksBefore(lines: readonly { line: PlacedLine; page: number }[]): boolean[] {
  const spacing = usualSpacing(lines);
  return lines.map((current, i) => {
    const previous = lines[i - 1];
    if (previous === undefined) return false;
    const [a, b] = [previous.line, current.line];
    const starts = STARTS.test(b.text);
    if (previous.page !== current.page || a.column !== b.column || b.y < a.y) return starts;
    const gap = b.y - a.y;
    if (gap > (spacing.get(sizeKey(b)) ?? b.size * 1.2) * 1.4) return true;
    return starts && b.x <= a.x + 1;
  });
}

/** The median distance between consecutive lines of a size in one column: the document's leading. */
function usualSpacing(lines: readonly { line: PlacedLine; page: number }[]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  lines.forEach((current, i) => {
    const previous = lines[i - 1];
    if (!previous || previous.page !== current.page || previous.line.column !== current.line.column) return;
    const gap = current.line.y - previous.line.y;
    if (gap <= 0 || gap > current.line.size * 3 || sizeKey(previous.line) !== sizeKey(current.line)) return;
    const key = sizeKey(current.line);
    const list = gaps.get(key);
    if (list) list.push(gap);
    else gaps.set(key, [gap]);
  });
  const out = new Map<number, number>();
  for (const [key, list] of gaps) out.set(key, list.sort((x, y) => x - y)[Math.floor(list.length / 2)] as number);
  return out;
}

function sizeKey(line: PlacedLine): number {
  return Math.round(line.size * 2) / 2;
}

// A paragraph number (`12.`, `12 bis.`, `[12.`), an item (`(a)`, `(iv)`), an option or alternative label.
const STARTS = /^\[?\s*(?:\d{1,4}\s*(?:bis|ter|quater)?\s*[.)]\s|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)\s|(?:option|alt(?:ernative)?)\s+\w+\b)/i;
