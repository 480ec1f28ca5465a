import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/model/schemas.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { paragraphFileName } from '../../src/store/paragraph-file-name.js';
import { draftFiles, writeDraftFolder } from '../../src/store/write-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT, copyBundledDraft, makeTempDir, REPO_ROOT, removeTempDirs, temporaryLeftovers, rejection, snapshotFiles } from '../helpers/sandbox.js';

let draft: Draft;
beforeAll(async () => {
  const checked = (await checkDraft(await loadDraft(BUNDLED_DRAFT)));
  if (!checked.draft) throw new Error('the bundled draft does not load');
  draft = checked.draft;
});
afterAll(removeTempDirs);

const snapshot = snapshotFiles;

describe('writeDraftFolder', () => {
  it('writes draft.yaml and one file per paragraph into a new folder, and the result loads back equal', async () => {
    const parent = makeTempDir('write');
    const out = join(parent, 'nested', 'rev1');
    await writeDraftFolder(draft, out, { force: false });
    expect(readdirSync(out).sort()).toEqual(['.ndraft', 'draft.yaml', 'paragraphs']);
    expect(readdirSync(join(out, 'paragraphs'))).toHaveLength(38);
    // Without the parse cache the written YAML itself is read back.
    rmSync(join(out, '.ndraft'), { recursive: true });
    const reloaded = (await checkDraft(await loadDraft(out)));
    expect(reloaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(reloaded.draft).toEqual(draft);
    expect(temporaryLeftovers(join(parent, 'nested'))).toEqual([]);
  });

  it('names paragraph files with three padded digits and keeps suffixes (61bis → 061bis.yaml)', async () => {
    expect(paragraphFileName('61')).toBe('061.yaml');
    expect(paragraphFileName('61bis')).toBe('061bis.yaml');
    expect(paragraphFileName('PP3')).toBe('PP3.yaml');
    const names = draftFiles(draft, '/x/rev1').map((f) => f.name);
    expect(names).toContain('paragraphs/061.yaml');
    expect(names[0]).toBe('draft.yaml');
  });

  it('points each file at the JSON Schema by a fixed address, whose file ships in schemas/', async () => {
    const out = join(makeTempDir('write'), 'rev1');
    await writeDraftFolder(draft, out, { force: false });
    for (const file of ['draft.yaml', join('paragraphs', '061.yaml')]) {
      const first = readFileSync(join(out, file), 'utf8').split('\n')[0] ?? '';
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, file).not.toBeNull();
      expect(match?.[1]).toMatch(/^https:\/\/unpkg\.com\/ndraft\/schemas\/(?:draft|paragraph)\.schema\.json$/);
      expect(existsSync(join(REPO_ROOT, 'schemas', basename(match?.[1] ?? ''))), `${file}: ${first}`).toBe(true);
    }
  });

  it('writes into an existing empty folder without --force', async () => {
    const out = join(makeTempDir('write-empty'), 'rev1');
    mkdirSync(out);
    await writeDraftFolder(draft, out, { force: false });
    expect(existsSync(join(out, 'draft.yaml'))).toBe(true);
    expect(temporaryLeftovers(dirname(out))).toEqual([]);
  });

  it('refuses to replace an existing draft without force, and leaves it untouched', async () => {
    const dir = copyBundledDraft();
    writeFileSync(join(dir, 'paragraphs', '061.yaml'), 'edited by a delegate\n');
    const before = snapshot(dir);
    const mtime = statSync(join(dir, 'draft.yaml')).mtimeMs;
    const error = await rejection(writeDraftFolder(draft, dir, { force: false }));
    expect(error.kind).toBe('input');
    expect(error.message).toBe(`${dir} already holds a draft; use --force to replace it`);
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(join(dir, 'draft.yaml')).mtimeMs).toBe(mtime);
    expect(temporaryLeftovers(dirname(dir))).toEqual([]);
  });

  it('refuses a non-empty folder that is not a draft, even with force', async () => {
    const out = join(makeTempDir('write-other'), 'thesis');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'precious');
    mkdirSync(join(out, 'paragraphs'));
    const error = await rejection(writeDraftFolder(draft, out, { force: true }));
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(/exists and is not an ndraft draft \(no draft\.yaml\); refusing to replace it/);
    expect(readdirSync(out).sort()).toEqual(['paragraphs', 'thesis.docx']);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('precious');
    expect(temporaryLeftovers(dirname(out))).toEqual([]);
  });

  it('refuses a path that is a file', async () => {
    const parent = makeTempDir('write-file');
    const out = join(parent, 'rev1');
    writeFileSync(out, 'a file');
    const error = await rejection(writeDraftFolder(draft, out, { force: true }));
    expect(error.message).toMatch(/exists and is a file, not a draft folder/);
    expect(readFileSync(out, 'utf8')).toBe('a file');
  });

  it('a failure half-way leaves neither the target nor a temporary folder behind', async () => {
    const parent = makeTempDir('write-fail');
    const out = join(parent, 'rev1');
    // An address the schema would refuse, so that its file cannot be created mid-way through the write.
    const broken: Draft = { ...draft, paragraphs: [...draft.paragraphs, { ...(draft.paragraphs[0] as Draft['paragraphs'][number]), address: 'x/y' }] };
    await expect(writeDraftFolder(broken, out, { force: false })).rejects.toThrow(/ENOENT/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('with force, a failure half-way keeps the old draft in place', async () => {
    const parent = makeTempDir('write-fail');
    const dir = copyBundledDraft('rev1', parent);
    const before = snapshot(dir);
    const broken: Draft = { ...draft, paragraphs: [...draft.paragraphs, { ...(draft.paragraphs[0] as Draft['paragraphs'][number]), address: 'x/y' }] };
    await expect(writeDraftFolder(broken, dir, { force: true })).rejects.toThrow(/ENOENT/);
    expect(readdirSync(parent)).toEqual(['rev1']);
    expect(snapshot(dir)).toEqual(before);
  });

  it('with force, replaces an existing draft wholly (stale files go) and leaves no temporary folder behind', async () => {
    const parent = makeTempDir('write-force');
    const dir = copyBundledDraft('rev1', parent);
    writeFileSync(join(dir, 'paragraphs', '099.yaml'), 'number: "99"\n');
    writeFileSync(join(dir, 'paragraphs', '061.yaml'), 'edited\n');
    await writeDraftFolder(draft, dir, { force: true });
    expect(readdirSync(parent)).toEqual(['rev1']);
    expect(existsSync(join(dir, 'paragraphs', '099.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8')).toContain('number: "61"');
    expect((await checkDraft(await loadDraft(dir))).draft).toEqual(draft);
  });
});

describe('the parse cache', () => {
  it('serves unchanged files from .ndraft/cache and never a stale one', async () => {
    const dir = copyBundledDraft('cache');
    const first = (await checkDraft(await loadDraft(dir)));
    expect(existsSync(join(dir, '.ndraft', 'cache'))).toBe(true);
    const cached = (await checkDraft(await loadDraft(dir)));
    expect(cached.draft).toEqual(first.draft);
    expect(cached.diagnostics).toEqual(first.diagnostics);
    // An edit of the same length in the same millisecond still shows: entries are keyed by content.
    const path = join(dir, 'paragraphs', '056.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('management/development', 'management/deployments'));
    expect((await checkDraft(await loadDraft(dir))).draft?.paragraphs.find((p) => p.number === '56')?.text).toContain('[management/deployments]');
    // A corrupt cache is ignored.
    writeFileSync(join(dir, '.ndraft', 'cache'), '{not a cache');
    expect((await checkDraft(await loadDraft(dir))).draft?.paragraphs).toHaveLength(38);
  });
});

describe('writeDraftFolder over a draft that has a history', () => {
  it('refuses to discard the history unless told to, and then replaces the draft and its history at once', async () => {
    const parent = makeTempDir('write-history');
    const dir = copyBundledDraft('rev1', parent);
    const change = { id: '20260101T000000000Z-abcd', time: '2026-01-01T00:00:00.000Z', author: 'EU', command: 'accept 61 "Alt 3"', changes: [] };
    mkdirSync(join(dir, 'history'));
    writeFileSync(join(dir, 'history', `${change.id}.yaml`), `id: ${change.id}\n`);
    const before = snapshot(dir);
    const error = await rejection(writeDraftFolder(draft, dir, { force: true, name: 'rev1' }));
    expect(error.message).toBe('rev1 holds a draft with a history of 1 change, which replacing it would discard; add --discard-history to replace it all the same');
    expect(snapshot(dir)).toEqual(before);

    await writeDraftFolder(draft, dir, { force: true, discardHistory: true });
    expect(readdirSync(join(dir, 'history'))).toEqual([]);
    expect(readdirSync(parent)).toEqual(['rev1']);
    expect(readdirSync(join(dir, '.ndraft', 'journal'))).toEqual([]);
    expect((await checkDraft(await loadDraft(dir))).draft).toEqual(draft);
  });
});

describe('writeDraftFolder: what goes into the draft with its files (record)', () => {
  it('a new folder: written into it before it is put in place, and kept with it', async () => {
    const parent = makeTempDir('write-record');
    const out = join(parent, 'rev1');
    const seen: { dir: string; targetExisted: boolean; files: number }[] = [];
    await writeDraftFolder(draft, out, {
      force: false,
      record: (dir, files) => {
        seen.push({ dir, targetExisted: existsSync(out), files: files.length });
        writeFileSync(join(dir, 'recorded.txt'), 'with the files');
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.dir).not.toBe(out);
    expect(seen[0]?.targetExisted).toBe(false);
    expect(seen[0]?.files).toBe(draft.paragraphs.length + 1);
    expect(readFileSync(join(out, 'recorded.txt'), 'utf8')).toBe('with the files');
    expect(temporaryLeftovers(parent)).toEqual([]);
  });

  it('a new folder: a failure to record leaves nothing behind', async () => {
    const parent = makeTempDir('write-record-fail');
    const out = join(parent, 'rev1');
    await expect(writeDraftFolder(draft, out, { force: false, record: () => { throw new Error('disk full'); } })).rejects.toThrow('disk full');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a replaced draft: recorded into it once its new files are in place', async () => {
    const dir = copyBundledDraft('write-record-force');
    let recordedIn: string | undefined;
    await writeDraftFolder(draft, dir, {
      force: true,
      record: (at) => {
        recordedIn = at;
        expect(readdirSync(join(dir, '.ndraft', 'journal'))).toEqual([]);
      },
    });
    expect(recordedIn).toBe(dir);
  });
});
