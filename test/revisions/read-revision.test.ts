import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRevision } from '../../src/revisions/read-revision.js';
import { ObjectCache } from '../../src/store/object-cache.js';
import { makeTempDir, removeTempDirs, runInProcess, SMALL_TEXT } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

/** One command's run: a fresh cache read, used and saved, as each command does. */
async function read(dir: string, name: string) {
  const cache = new ObjectCache(dir);
  const revision = await readRevision(dir, name, cache);
  cache.save();
  return revision;
}

describe('readRevision', () => {
  it('finds a manifest read before by its identity, and reads it again once it is edited', async () => {
    const dir = join(makeTempDir('read-revision'), 'draft');
    expect((await runInProcess(['import', SMALL_TEXT, '--out', dir])).status).toBe(0);
    const first = await read(dir, 'import');
    // Later runs: the manifest's identity is settled and recorded, then used.
    for (let run = 0; run < 3; run++) expect(await read(dir, 'import')).toEqual(first);

    // A hand edit of the same length and the same mtime: only its ctime (and content) differ.
    const file = join(dir, 'revisions', 'import.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/^author: (.*)$/m, (_, author: string) => `author: ${author.replace(/.$/, author.endsWith('X') ? 'Y' : 'X')}`);
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    const before = (await import('node:fs')).statSync(file);
    writeFileSync(file, edited);
    utimesSync(file, before.atime, before.mtime);
    const again = await read(dir, 'import');
    expect(again.author).not.toBe(first.author);
    expect(again).toEqual({ ...first, author: again.author });
  });
});
