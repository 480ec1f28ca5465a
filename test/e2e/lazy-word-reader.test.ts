/**
 * The Word reader (saxes, fflate) is loaded only to import a .docx: `status` and every other
 * command that does not read Word never pays for it. Checked on the built bundle (dist/): the
 * modules `ndraft status` loads, following static imports from the entry and the status chunk,
 * hold neither saxes nor the reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/sandbox.js';

const DIST = join(REPO_ROOT, 'dist');

function staticClosure(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(join(DIST, name), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(match[1] as string);
  };
  entries.forEach(visit);
  return seen;
}

describe('lazy loading of the Word reader', () => {
  it('ndraft status loads neither saxes nor the Word reader; import reaches it only through a dynamic import', () => {
    const files = readdirSync(DIST);
    const status = files.find((f) => /^ndraft-status-[A-Z0-9]+\.js$/.test(f));
    const reader = files.find((f) => /^ndraft-read-docx-source-[A-Z0-9]+\.js$/.test(f));
    expect(status && reader, 'built chunks for status and the Word reader').toBeTruthy();
    const loaded = staticClosure(['ndraft.js', status as string]);
    expect(loaded.has(reader as string)).toBe(false);
    for (const name of loaded) expect(readFileSync(join(DIST, name), 'utf8'), name).not.toContain('SaxesParser');
    expect(readFileSync(join(DIST, reader as string), 'utf8')).toContain('SaxesParser');
    const importChunk = files.find((f) => /^ndraft-import-[A-Z0-9]+\.js$/.test(f)) as string;
    expect(readFileSync(join(DIST, importChunk), 'utf8')).toContain(`import("./${reader}")`);
    // Not even a text import loads it.
    expect(staticClosure([importChunk]).has(reader as string)).toBe(false);
  });
});
