/**
 * The HTML export keeps its alternatives' word diffs in `.ndraft/alternatives` (bin/ndraft,
 * spawned): a later export reads them back and writes the same page, and a shelf that is
 * damaged, or that a received folder brought along forged, changes nothing on the page.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundledDraft, removeTempDirs, runNdraft } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

describe('export --format html and its kept word diffs', () => {
  it('writes the same page from the kept diffs, and from a damaged shelf', () => {
    const dir = copyBundledDraft('export-html-alternatives');
    const shelf = join(dir, '.ndraft', 'alternatives');
    const page = () => {
      const result = runNdraft(['export', '--format', 'html', '--date', '2026-11-30'], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    expect(existsSync(shelf)).toBe(false);
    const first = page();
    // Paragraph 61's alternatives are shown against the first one, their words highlighted.
    expect(first).toContain('<mark class="chg">');
    expect(existsSync(shelf)).toBe(true);
    expect(page()).toBe(first);

    // Each kept change one character longer than its stretch: the entries fail their checksums.
    const bytes = readFileSync(shelf, 'latin1');
    const damaged = bytes.replace(/\[([0-9,]+)\]/g, (_, list: string) => `[${list.split(',').map((n, i) => (i % 3 === 1 ? Number(n) + 1 : n)).join(',')}]`);
    expect(damaged).not.toBe(bytes);
    writeFileSync(shelf, damaged, 'latin1');
    expect(page()).toBe(first);
    writeFileSync(shelf, 'not a cache');
    expect(page()).toBe(first);
  });
});
