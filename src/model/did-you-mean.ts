/**
 * The names nearest to one that was mistyped, for "did you mean …?": the same name in another
 * case or spacing first, then names it begins (`United` → `United States`), then those within a
 * few edits (a swapped pair of letters counts as one edit), closest first.
 */
export function didYouMean(wanted: string, names: readonly string[], max = 3): string[] {
  const key = foldName(wanted);
  if (key === '') return [];
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(names)) {
    const other = foldName(name);
    let score: number | undefined;
    if (other === key) score = 0;
    else if (other.startsWith(key)) score = 1;
    else {
      const distance = editDistance(key, other);
      if (distance <= Math.max(1, Math.floor(Math.min(key.length, other.length) / 3))) score = 1 + distance;
    }
    if (score !== undefined) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => s.name);
}

/** A name as it is compared: case and spacing do not matter (`united  states` is `United States`). */
export function foldName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const up = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
