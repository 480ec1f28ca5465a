import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compareDrafts, prepareComparison } from '../../src/compare/compare-drafts.js';
import { gitContext, gitSide } from '../../src/revisions/git-side.js';
import type { ValidatedTree } from '../../src/revisions/validated-trees.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { ObjectCache } from '../../src/store/object-cache.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { copyBundledDraft, editFile, rejection, removeTempDirs } from '../helpers/sandbox.js';
import { makeTempRepo } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** A draft in a repository, committed twice: paragraph 45 renumbered and 62 reworded between the commits. */
function twoCommits(): string {
  const repo = makeTempRepo('Chair');
  const draft = copyBundledDraft('d', join(repo.root, 'drafts'));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'first reading');
  editFile(draft, 'paragraphs/045.yaml', (text) => text.replace('number: "45"', 'number: 45bis'));
  editFile(draft, 'paragraphs/062.yaml', (text) => text.replace('to deal effectively', 'to deal firmly'));
  repo.git('commit', '-q', '-a', '-m', 'second reading');
  return draft;
}

/** `compare --git HEAD~1 HEAD` in process, with a fresh object cache (a new run): the comparison, and how many git objects were read. */
async function compareCommits(draft: string): Promise<{ comparison: ReturnType<typeof compareDrafts>; objectsRead: number }> {
  const cache = new ObjectCache(draft);
  const context = gitContext(draft, cache);
  // GitObjects reads each object once a run, however often it is asked for.
  const asked = new Set<string>();
  const read = context.repository.objects.read.bind(context.repository.objects);
  vi.spyOn(context.repository.objects, 'read').mockImplementation((objects) => {
    for (const object of objects) asked.add(object);
    return read(objects);
  });
  const a = await gitSide(draft, 'HEAD~1', context);
  const b = await gitSide(draft, 'HEAD', context);
  await prepareComparison(a, b);
  const comparison = compareDrafts(a, b);
  cache.save();
  return { comparison, objectsRead: asked.size };
}

/** The objects file with `edit` applied to the JSON of the first entry whose name starts with `kind`, in place (its checksum left as it was). */
function editStoredEntry(draft: string, kind: string, edit: (json: string) => string): void {
  const file = join(draft, '.ndraft', 'objects');
  const bytes = readFileSync(file);
  const [, indexLength] = /^ndraft-objects (\d+) /.exec(bytes.toString('latin1', 0, 64)) as unknown as [string, string];
  const index = JSON.parse(bytes.toString('utf8', 64, 64 + Number(indexLength))) as { names: string[]; slices: number[] };
  const i = index.names.findIndex((name) => name.startsWith(kind));
  const start = 64 + Number(indexLength) + (index.slices[2 * i] as number);
  const json = bytes.toString('utf8', start, start + (index.slices[2 * i + 1] as number));
  const edited = Buffer.from(edit(json), 'utf8');
  expect(edited.length).toBe(json.length);
  edited.copy(bytes, start);
  writeFileSync(file, bytes);
}

describe('gitSide', () => {
  it('reads a commit validated before from the caches, not from git, and a paragraph they lack from git, kept for the next run', async () => {
    const draft = twoCommits();
    // The working draft (HEAD) loaded once: its parse cache holds HEAD's files.
    await checkDraft(await loadDraft(draft));
    const first = await compareCommits(draft);
    // Every file of the first commit (draft.yaml and the paragraphs), then the two the second one changed.
    expect(first.objectsRead).toBe(readdirSync(join(draft, 'paragraphs')).length + 1 + 2);
    expect(first.comparison.summary).toMatchObject({ paragraphsChanged: 2, reworded: 1, renumbered: 1 });
    expect(readFileSync(join(draft, '.ndraft', 'objects'), 'latin1')).toContain('git-tree-1:');

    const again = await compareCommits(draft);
    expect(again.objectsRead).toBe(0);
    expect(again.comparison).toEqual(first.comparison);

    // Without the working draft's parse cache, HEAD's two changed paragraphs are read from git (and kept).
    rmSync(join(draft, '.ndraft', 'cache'));
    const withoutParseCache = await compareCommits(draft);
    expect(withoutParseCache.objectsRead).toBe(2);
    expect(withoutParseCache.comparison).toEqual(first.comparison);
    expect((await compareCommits(draft)).objectsRead).toBe(0);
  });

  it('ignores a verdict damaged on disk: the commit is read from git again, the comparison the same', async () => {
    const draft = twoCommits();
    const first = await compareCommits(draft);
    // A count changed in one commit's verdict: its checksum no longer matches.
    editStoredEntry(draft, 'git-tree-1:', (json) => json.replace(/"total":(\d)/, (_, d: string) => `"total":${(Number(d) + 1) % 10}`));
    const damaged = await compareCommits(draft);
    expect(damaged.objectsRead).toBeGreaterThan(0);
    expect(damaged.comparison).toEqual(first.comparison);
  });

  it('refuses, never serves, a paragraph whose file in git is not the one a verdict records', async () => {
    const draft = twoCommits();
    await compareCommits(draft);
    // A verdict rewritten through the cache (its checksum right): paragraph 62 given the hash of paragraph 61.
    const cache = new ObjectCache(draft);
    const context = gitContext(draft, cache);
    const head = await gitSide(draft, 'HEAD', context);
    const key = readFileSync(join(draft, '.ndraft', 'objects'), 'latin1').match(/git-tree-1:[^"]+/g) ?? [];
    let forged = 0;
    for (const name of key) {
      const tree = cache.get<ValidatedTree>('git-tree-1', name.slice('git-tree-1:'.length)) as ValidatedTree;
      const row = tree.paragraphs.find(([address]) => address === '62');
      if (row === undefined || row[1] !== head.hashes.get('62')) continue;
      row[1] = head.hashes.get('61') as string;
      cache.set('git-tree-1', name.slice('git-tree-1:'.length), tree);
      forged++;
    }
    expect(forged).toBe(1);
    cache.save();
    rmSync(join(draft, '.ndraft', 'cache'), { force: true });
    const error = await rejection(compareCommits(draft));
    expect(error.message).toMatch(/^HEAD:drafts\/d\/paragraphs\/062\.yaml is not what .*objects records of [0-9a-f]{12}; remove that file and compare again$/);
  });
});
