import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HISTORY_DIR, historyProblems, listHistoryIds, nextHistoryId, readHistory, serializeHistoryEntry } from '../../src/history/history-store.js';
import { ObjectCache } from '../../src/store/object-cache.js';
import { contentHash } from '../../src/store/parse-cache.js';
import { historyEntrySchema, type HistoryEntry, type Paragraph } from '../../src/model/schemas.js';
import { makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const ID = /^\d{8}T\d{9}Z-[0-9a-f]{4,}$/;
const NOW = new Date('2026-01-02T03:04:05.006Z');
const STAMP = '20260102T030405006Z';

/** A draft folder whose history/ holds empty files with these ids. */
function draftWithIds(...ids: string[]): string {
  const dir = makeTempDir('history');
  mkdirSync(join(dir, HISTORY_DIR));
  for (const id of ids) writeFileSync(join(dir, HISTORY_DIR, `${id}.yaml`), '');
  return dir;
}

const para = (text: string): Paragraph => ({ address: '9', number: '9', status: 'open', bracketed: false, text, items: [], alternatives: [] });

function entry(id: string, command: string): HistoryEntry {
  return { id, time: '2026-01-02T03:04:05.006Z', author: 'Chair', command, changes: [{ paragraph: '9', before: para('a'), after: para('b') }] };
}

describe('nextHistoryId', () => {
  it('starts with the UTC time, to the millisecond, and a hex suffix', () => {
    const dir = makeTempDir('history');
    const id = nextHistoryId(dir, NOW);
    expect(id).toMatch(new RegExp(`^${STAMP}-[0-9a-f]{8}$`));
    expect(historyEntrySchema.shape.id.safeParse(id).success).toBe(true);
  });

  it('keeps increasing when many changes are made in the same millisecond', () => {
    const dir = draftWithIds();
    let last = '';
    for (let i = 0; i < 60; i++) {
      const id = nextHistoryId(dir, NOW);
      expect(id).toMatch(ID);
      expect(id > last, `${id} after ${last}`).toBe(true);
      writeFileSync(join(dir, HISTORY_DIR, `${id}.yaml`), '');
      last = id;
    }
    expect(listHistoryIds(dir)).toHaveLength(60);
  });

  it('steps past the last id when the clock has been set back', () => {
    const dir = draftWithIds('20260101T000000000Z-0001', '20990101T000000000Z-00a1');
    expect(nextHistoryId(dir, NOW)).toMatch(/^20990101T000000001Z-[0-9a-f]{8}$/);
  });

  it('uses the clock again once it is past the last id', () => {
    const dir = draftWithIds('20250101T000000000Z-ffff');
    expect(nextHistoryId(dir, NOW).startsWith(`${STAMP}-`)).toBe(true);
  });

  it('keeps increasing after a suffix of ffff', () => {
    const last = `${STAMP}-ffff`;
    const id = nextHistoryId(draftWithIds(last), NOW);
    expect(id > last, `${id} after ${last}`).toBe(true);
  });

  it('ignores a stray file in history/', () => {
    const id = nextHistoryId(draftWithIds(`${STAMP}-0001`, 'README'), NOW);
    expect(id).toMatch(ID);
  });
});

describe('listHistoryIds', () => {
  it('lists the .yaml files of history/ in order, and nothing else', () => {
    const dir = draftWithIds('20260102T000000000Z-0002', '20260101T000000000Z-0009');
    writeFileSync(join(dir, HISTORY_DIR, '.20260103T000000000Z-0001.yaml.ndraft-tmp-12-abcd'), '');
    writeFileSync(join(dir, HISTORY_DIR, '20260104T000000000Z-0001.yml'), '');
    expect(listHistoryIds(dir)).toEqual(['20260101T000000000Z-0009', '20260102T000000000Z-0002']);
    expect(listHistoryIds(makeTempDir('history'))).toEqual([]);
  });
});

describe('readHistory', () => {
  it('reads nothing, and reports nothing, when there is no history yet', async () => {
    expect(await readHistory(makeTempDir('history'))).toEqual({ entries: [], diagnostics: [] });
  });

  it('reads every entry, oldest first', async () => {
    const dir = draftWithIds();
    for (const e of [entry('20260102T000000000Z-0002', 'second'), entry('20260101T000000000Z-0001', 'first')]) {
      writeFileSync(join(dir, HISTORY_DIR, `${e.id}.yaml`), serializeHistoryEntry(dir, e));
    }
    const { entries, diagnostics } = await readHistory(dir);
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => e.command)).toEqual(['first', 'second']);
    expect(entries[0]).toEqual(entry('20260101T000000000Z-0001', 'first'));
  });

  it('with an object cache, keeps each entry by the hash of its bytes and reads it back from there', async () => {
    const dir = draftWithIds();
    const e = entry('20260101T000000000Z-0001', 'first');
    const text = serializeHistoryEntry(dir, e);
    writeFileSync(join(dir, HISTORY_DIR, `${e.id}.yaml`), text);
    const first = new ObjectCache(dir);
    expect((await readHistory(dir, first)).entries).toEqual([e]);
    first.save();
    const later = new ObjectCache(dir);
    expect(later.get('history-entry', contentHash(Buffer.from(text)))).toEqual(e);
    expect(await readHistory(dir, later)).toEqual({ entries: [e], diagnostics: [] });
    // Changed bytes are another entry: parsed again, never the cached one.
    writeFileSync(join(dir, HISTORY_DIR, `${e.id}.yaml`), text.replace('command: first', 'command: edited'));
    expect((await readHistory(dir, later)).entries.map((x) => x.command)).toEqual(['edited']);
  });

  it('with an object cache, finds a settled entry by its file\'s identity, and reads it again once it is edited', async () => {
    const dir = draftWithIds();
    const e = entry('20260101T000000000Z-0001', 'first');
    const file = join(dir, HISTORY_DIR, `${e.id}.yaml`);
    const text = serializeHistoryEntry(dir, e);
    writeFileSync(file, text);
    const run = async () => {
      const cache = new ObjectCache(dir);
      const read = await readHistory(dir, cache);
      cache.save();
      return read;
    };
    // The first runs record the file's identity once it is older than the cache; the later ones use it.
    for (let i = 0; i < 3; i++) expect(await run()).toEqual({ entries: [e], diagnostics: [] });
    const settled = new ObjectCache(dir);
    expect(settled.known('history-file-hash', e.id, statSync(file))).toBe(contentHash(Buffer.from(text)));
    // An edit of the same length with the mtime put back: only the ctime tells, and it is enough.
    const stats = statSync(file);
    writeFileSync(file, text.replace('command: first', 'command: fixed'));
    utimesSync(file, stats.atime, stats.mtime);
    expect((await run()).entries.map((x) => x.command)).toEqual(['fixed']);
  });

  it('writes entries with the schema line editors use', () => {
    const dir = makeTempDir('history');
    const text = serializeHistoryEntry(dir, entry('20260101T000000000Z-0001', 'first'));
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*history-entry\.schema\.json$/);
    expect(parse(text)).toEqual(entry('20260101T000000000Z-0001', 'first'));
  });

  it('turns a file that does not parse, or does not match the schema, into a diagnostic, not a crash', async () => {
    const dir = draftWithIds();
    const good = entry('20260101T000000000Z-0001', 'accept 61 "Alt 3"');
    writeFileSync(join(dir, HISTORY_DIR, `${good.id}.yaml`), serializeHistoryEntry(dir, good));
    const broken = join(dir, HISTORY_DIR, '20260102T000000000Z-0002.yaml');
    writeFileSync(broken, 'id: "20260102T000000000Z-0002\ncommand: [unclosed\n');
    const wrong = join(dir, HISTORY_DIR, '20260103T000000000Z-0003.yaml');
    writeFileSync(wrong, serializeHistoryEntry(dir, { ...good, id: '20260103T000000000Z-0003', author: '' }));

    const { entries, diagnostics } = await readHistory(dir);
    expect(entries.map((e) => e.command)).toEqual(['accept 61 "Alt 3"']);
    const byFile = (file: string) => diagnostics.filter((d) => d.file === file);
    expect(byFile(broken).length).toBeGreaterThan(0);
    expect(byFile(broken).every((d) => d.code.startsWith('YAML_') && d.line !== undefined)).toBe(true);
    expect(byFile(broken).some((d) => d.severity === 'error')).toBe(true);
    expect(byFile(wrong)).toEqual([expect.objectContaining({ code: 'SCHEMA', severity: 'error', message: 'author must not be empty', line: 4 })]);
    expect(diagnostics.filter((d) => d.file !== broken && d.file !== wrong)).toEqual([]);
  });
});

describe('historyProblems (validate)', () => {
  it('reports what readHistory reports, and a file found clean once is not parsed again until its bytes change', async () => {
    const dir = draftWithIds();
    const good = entry('20260101T000000000Z-0001', 'accept 61 "Alt 3"');
    const goodFile = join(dir, HISTORY_DIR, `${good.id}.yaml`);
    writeFileSync(goodFile, serializeHistoryEntry(dir, good));
    const wrong = join(dir, HISTORY_DIR, '20260103T000000000Z-0003.yaml');
    writeFileSync(wrong, serializeHistoryEntry(dir, { ...good, id: '20260103T000000000Z-0003', author: '' }));
    writeFileSync(join(dir, HISTORY_DIR, 'notes.yaml'), 'x: 1\n');

    const first = await historyProblems(dir);
    expect(first).toEqual((await readHistory(dir)).diagnostics);
    expect(first.map((d) => d.code).sort()).toEqual(['SCHEMA', 'STRAY_FILE']);
    // The clean entry is remembered by its bytes' hash; the one with a problem is not.
    const cache = new ObjectCache(dir, 'summaries');
    expect(cache.has('history-clean', contentHash(readFileSync(goodFile)))).toBe(true);
    expect(cache.has('history-clean', contentHash(readFileSync(wrong)))).toBe(false);
    expect(await historyProblems(dir)).toEqual(first);

    // An entry edited after it was found clean is checked again.
    writeFileSync(goodFile, serializeHistoryEntry(dir, { ...good, command: '' }));
    expect((await historyProblems(dir)).filter((d) => d.file === goodFile)).toEqual([expect.objectContaining({ code: 'SCHEMA', message: 'command must not be empty' })]);
  });
});
