import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDraftFile, parseHistoryFile, parseParagraphFile } from '../../src/store/parse-files.js';
import { parseRevisionFile } from '../../src/revisions/parse-revision-file.js';
import { quickParseFile, quickParseHistoryEntry, quickParseRevision } from '../../src/store/quick-parse-file.js';
import { BUNDLED_DRAFT, copyBundledDraft, REPO_ROOT, removeTempDirs, runInProcess } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

/** A file the parse cache does not know is read without the yaml package and zod when it can be; what it reads as is what they give. */
describe('quickParseFile', () => {
  const folder = join(BUNDLED_DRAFT, 'paragraphs');
  const names = readdirSync(folder).filter((name) => name.endsWith('.yaml'));

  it('reads every paragraph file and draft.yaml of the bundled draft as parse-files does, fields in the same order', () => {
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const file = join(folder, name);
      const bytes = readFileSync(file);
      const quick = quickParseFile('paragraph', file, bytes);
      const slow = parseParagraphFile(file, bytes);
      expect(slow.diagnostics).toEqual([]);
      expect(JSON.stringify(quick?.paragraph)).toBe(JSON.stringify(slow.paragraph));
      expect(quick?.yaml.diagnostics).toEqual([]);
    }
    const file = join(BUNDLED_DRAFT, 'draft.yaml');
    const quick = quickParseFile('draft', file, readFileSync(file));
    expect(JSON.stringify(quick?.meta)).toBe(JSON.stringify(parseDraftFile(file, readFileSync(file)).meta));
  });

  it.each([
    ['a field the schema lacks', (text: string) => `${text}colour: red\n`],
    ['a status that is not one', (text: string) => text.replace(/^status: .*$/m, 'status: closed')],
    ['conflict markers', (text: string) => `<<<<<<< ours\n${text}=======\n${text}>>>>>>> theirs\n`],
    ['YAML the fast reader leaves to the yaml package (flow style)', (text: string) => text.replace(/^text: (.*)$/m, (_, t: string) => `text: ${JSON.stringify(t.replace(/^'|'$/g, ''))}`).replace(/^(\w+): \[\]$/m, '$1: [ ]')],
  ])('a file with %s: refused by both, or read alike', (_, change) => {
    const file = join(folder, names[0]!);
    const bytes = Buffer.from(change(readFileSync(file, 'utf8')), 'utf8');
    const slow = parseParagraphFile(file, bytes);
    const quick = quickParseFile('paragraph', file, bytes);
    if (slow.diagnostics.length > 0) expect(quick).toBeUndefined();
    else expect(JSON.stringify(quick?.paragraph ?? slow.paragraph)).toBe(JSON.stringify(slow.paragraph));
  });

  it('reads a draft written by an earlier ndraft (migrated first) as parse-files does', () => {
    const old = join(REPO_ROOT, 'test', 'fixtures', 'draft-v0.1');
    for (const name of readdirSync(join(old, 'paragraphs')).filter((n) => n.endsWith('.yaml'))) {
      const file = join(old, 'paragraphs', name);
      const slow = parseParagraphFile(file, readFileSync(file));
      const quick = quickParseFile('paragraph', file, readFileSync(file));
      if (quick !== undefined) expect(JSON.stringify(quick.paragraph)).toBe(JSON.stringify(slow.paragraph));
      else expect(slow.diagnostics.length > 0 || slow.paragraph !== undefined).toBe(true);
    }
    const file = join(old, 'draft.yaml');
    const quick = quickParseFile('draft', file, readFileSync(file));
    if (quick !== undefined) expect(JSON.stringify(quick.meta)).toBe(JSON.stringify(parseDraftFile(file, readFileSync(file)).meta));
  });

  it('leaves to parse-files bytes that are not UTF-8, and a file that could not be read', () => {
    const file = join(folder, names[0]!);
    expect(quickParseFile('paragraph', file, Buffer.concat([readFileSync(file), Buffer.from([0xff, 0x0a])]))).toBeUndefined();
    expect(quickParseFile('paragraph', file, { unreadable: 'file not found' })).toBeUndefined();
  });
});

/** undo and log read the newest history entries without the yaml package and zod when they can. */
describe('quickParseHistoryEntry', () => {
  it('reads the entries of every kind of change as parse-files does, fields in the same order', async () => {
    const dir = copyBundledDraft('history', undefined, { asShipped: true });
    const env = { NDRAFT_AUTHOR: 'Secretariat' };
    for (const args of [
      ['support', '61', 'Alt 2', '--by', 'G77'],
      ['accept', '61', 'Alt 3'],
      ['accept', '56', '--bracket', '1', '--option', '2'],
      ['note', '40', 'Check the Geneva text', '--by', 'G77'],
      ['add', '61bis', '--after', '61', '--text', 'We note the [growing] threat of spam.'],
      ['section', 'rename', '5', '--title', 'Follow-up'],
      ['undo'],
      ['snapshot', 'Rev.1'],
    ]) {
      const result = await runInProcess([...args, '--draft', dir], { env });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    const folder = join(dir, 'history');
    const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const name of files) {
      const file = join(folder, name);
      const bytes = readFileSync(file);
      const slow = parseHistoryFile(file, bytes.toString('utf8'));
      expect(slow.diagnostics, name).toEqual([]);
      const quick = quickParseHistoryEntry(file, bytes);
      expect(quick, `${name} is read quickly`).toBeDefined();
      expect(JSON.stringify(quick), name).toBe(JSON.stringify(slow.entry));
    }
  });

  it.each([
    ['a field the schema lacks', (text: string) => `${text}colour: red\n`],
    ['a time that is not one', (text: string) => text.replace(/^time: .*$/m, 'time: yesterday')],
    ['conflict markers', (text: string) => `<<<<<<< ours\n${text}=======\n${text}>>>>>>> theirs\n`],
    ['no command', (text: string) => text.replace(/^command: .*\n/m, '')],
  ])('an entry with %s: refused by both, or read alike', async (_, change) => {
    const dir = join(copyBundledDraft('history-bad', undefined, { asShipped: true }), 'history');
    const name = readdirSync(dir).find((n) => n.endsWith('.yaml')) as string;
    const file = join(dir, name);
    const bytes = Buffer.from(change(readFileSync(file, 'utf8')), 'utf8');
    const slow = parseHistoryFile(file, bytes.toString('utf8'));
    const quick = quickParseHistoryEntry(file, bytes);
    if (slow.diagnostics.some((d) => d.severity === 'error') || slow.entry === undefined) expect(quick).toBeUndefined();
    else expect(JSON.stringify(quick ?? slow.entry)).toBe(JSON.stringify(slow.entry));
  });
});

describe('quickParseRevision', () => {
  let manifest: string | undefined;
  /** A manifest `snapshot` wrote, on a copy of the bundled draft. */
  const written = async (): Promise<string> => {
    if (manifest) return manifest;
    const dir = copyBundledDraft('revision', undefined, { asShipped: true });
    const result = await runInProcess(['snapshot', 'Rev.1', '--draft', dir], { env: { NDRAFT_AUTHOR: 'Secretariat' } });
    expect(result.status, result.stderr).toBe(0);
    manifest = join(dir, 'revisions', 'Rev.1.yaml');
    return manifest;
  };

  it('reads a manifest snapshot wrote as parseRevisionFile does, fields in the same order', async () => {
    const file = await written();
    const bytes = readFileSync(file);
    const slow = parseRevisionFile(file, bytes.toString('utf8'), 'Rev.1');
    expect(slow.diagnostics).toEqual([]);
    const quick = quickParseRevision(file, bytes);
    expect(quick, 'read quickly').toBeDefined();
    expect(JSON.stringify(quick)).toBe(JSON.stringify(slow.revision));
  });

  it.each([
    ['a field the schema lacks', (text: string) => `${text}colour: red\n`],
    ['an object hash that is not one', (text: string) => text.replace(/^draft: .*$/m, 'draft: HEAD')],
    ['a paragraph address with a space', (text: string) => text.replace(/^paragraphs:\n  (\S+):/m, 'paragraphs:\n  "6 1":')],
    ['conflict markers', (text: string) => `<<<<<<< ours\n${text}=======\n${text}>>>>>>> theirs\n`],
  ])('a manifest with %s: refused by both, or read alike', async (_, change) => {
    const file = await written();
    const bytes = Buffer.from(change(readFileSync(file, 'utf8')), 'utf8');
    const slow = parseRevisionFile(file, bytes.toString('utf8'), 'Rev.1');
    const quick = quickParseRevision(file, bytes);
    if (slow.diagnostics.some((d) => d.severity === 'error') || slow.revision === undefined) expect(quick).toBeUndefined();
    else expect(JSON.stringify(quick ?? slow.revision)).toBe(JSON.stringify(slow.revision));
  });
});
