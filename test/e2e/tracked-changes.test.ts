/**
 * `export --changes-since` end to end with the built binary: the seed imported, a bracket put
 * in one bullet of 76, snapshot Rev.1; two delegations then change the text (EU chooses an
 * option in 56 and keeps the bracket of 76's chapeau, G77 keeps 70's bracket and drops the
 * bracket in 76's bullet), and somebody edits 45's YAML by hand. The Word export must mark
 * exactly those words, each by its author, and LibreOffice must read them so; HTML and
 * Markdown show the same changes. LibreOffice is skipped, loudly, where it is not installed.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectCache } from '../../src/store/object-cache.js';
import { editFile, makeTempDir, removeTempDirs, runInProcess, SEED_TEXT, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((path) => existsSync(path));
if (SOFFICE === undefined) console.warn('SKIPPED: LibreOffice not installed (apt-get install libreoffice-writer-nogui); the LibreOffice part of test/e2e/tracked-changes.test.ts did not run');

const parent = makeTempDir('tracked');
const dir = join(parent, 'draft');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Chair' } });
function ok(result: RunResult): string {
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const EU = 'EU delegation';
const G77 = 'G77 facilitator';
/** One change as a reader lists it: kind, author, the words. */
type Change = [kind: 'ins' | 'del', author: string, text: string];

/** Adjacent changes of one kind by one author read as one (a bold bracket and the words in it are separate runs). */
function merged(changes: readonly Change[]): Change[] {
  const all: Change[] = [];
  for (const change of changes) {
    const last = all[all.length - 1];
    if (last && last[0] === change[0] && last[1] === change[1]) last[2] += change[2];
    else all.push([...change]);
  }
  return all.map(([kind, author, text]) => [kind, author, text.replace(/\s+/g, ' ')]);
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each Word paragraph that has tracked changes, by its first words, with its changes. */
function wordChanges(xml: string): Map<string, Change[]> {
  const result = new Map<string, Change[]>();
  for (const [p] of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const changes = [...p.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="[^"]+">([\s\S]*?)<\/w:\1>/g)].map(
      (m): Change => [m[1] as 'ins' | 'del', decode(m[2] as string), [...(m[3] as string).matchAll(/<w:tab\/>|<w:(?:t|delText)(?=[ >])[^>]*>([^<]*)</g)].map((t) => (t[1] === undefined ? ' ' : decode(t[1]))).join('')],
    );
    if (changes.length === 0) continue;
    const text = [...p.matchAll(/<w:tab\/>|<w:(?:t|delText)(?=[ >])[^>]*>([^<]*)</g)].map((t) => (t[1] === undefined ? ' ' : decode(t[1]))).join('');
    result.set(text.slice(0, 40), merged(changes));
  }
  return result;
}

/** The tracked changes LibreOffice read from the document, by paragraph as it shows them: kind, creator, words. */
function libreOfficeChanges(fodt: string): Map<string, Change[]> {
  const regions = new Map<string, { kind: 'ins' | 'del'; creator: string }>();
  for (const m of fodt.matchAll(/<text:changed-region\b[^>]*text:id="([^"]+)"[^>]*>\s*<text:(insertion|deletion)>([\s\S]*?)<\/text:\2>/g)) {
    regions.set(m[1] as string, { kind: m[2] === 'insertion' ? 'ins' : 'del', creator: decode(/<dc:creator>([^<]*)<\/dc:creator>/.exec(m[3] as string)?.[1] ?? '') });
  }
  const body = (/<office:text\b[^>]*>([\s\S]*)<\/office:text>/.exec(fodt)?.[1] ?? '').replace(/<text:tracked-changes\b[\s\S]*?<\/text:tracked-changes>/, '');
  const text = (xml: string) => decode(xml.replace(/<text:tab\/>/g, ' ').replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n?: string) => ' '.repeat(Number(n ?? 1))).replace(/<[^>]+>/g, ''));
  const result = new Map<string, Change[]>();
  for (const [p] of body.matchAll(/<text:(p|h)\b[\s\S]*?<\/text:\1>/g)) {
    const changes = [...p.matchAll(/<text:change-start text:change-id="([^"]+)"\/>([\s\S]*?)<text:change-end text:change-id="\1"\/>/g)].map((m): Change => {
      const region = regions.get(m[1] as string);
      return [region?.kind ?? 'ins', region?.creator ?? '?', text(m[2] as string)];
    });
    if (changes.length > 0) result.set(text(p).slice(0, 40), merged(changes));
  }
  return result;
}

/** The changes the round makes; 70's bracket is read from the draft as imported. */
const EXPECTED: [string, Change[]][] = [
  ['45.', [['del', 'unattributed', 'should'], ['ins', 'unattributed', 'must']]],
  ['56.', [['del', EU, '[management/development]'], ['ins', EU, 'management']]],
  ['70.', []],
  ['76.', [['del', EU, '[some]'], ['ins', EU, 'some']]],
  ['· Framework', [['del', G77, ' [existing and]']]],
];

describe('export --changes-since Rev.1', () => {
  let docx = '';

  beforeAll(async () => {
    ok(await runInProcess(['import', SEED_TEXT, '--out', dir], { env: { NDRAFT_AUTHOR: 'Chair' } }));
    const bracket70 = (/\[[^\]]*\]/.exec(readFileSync(join(dir, 'paragraphs', '070.yaml'), 'utf8'))?.[0] ?? '').replace(/\s+/g, ' ');
    (EXPECTED[2] as [string, Change[]])[1].push(['del', G77, bracket70], ['ins', G77, bracket70.slice(1, -1)]);
    editFile(dir, 'paragraphs/076.yaml', (text) => text.replace('Framework for interface between existing and future', 'Framework for interface between [existing and] future'));
    ok(await ndraft('snapshot', 'Rev.1'));
    ok(await ndraft('accept', '56', '--bracket', '1', '--option', '1', '--author', EU));
    ok(await ndraft('accept', '70', '--bracket', '1', '--keep', '--author', G77));
    ok(await ndraft('accept', '76', '--bracket', 'some', '--keep', '--author', EU));
    ok(await ndraft('accept', '76', '--bracket', 'existing and', '--drop', '--author', G77));
    editFile(dir, 'paragraphs/045.yaml', (text) => text.replace('should involve all stakeholders', 'must involve all stakeholders'));
    ok(await ndraft('export', '--format', 'docx', '--changes-since', 'Rev.1', '-o', join(parent, 'changes.docx')));
    docx = strFromU8(unzipSync(readFileSync(join(parent, 'changes.docx')))['word/document.xml'] as Uint8Array);
  }, 120_000);

  it('marks exactly the words changed, each by the delegation that changed it, the hand edit unattributed', async () => {
    const changes = wordChanges(docx);
    const found = [...changes].map(([start, list]) => [EXPECTED.find(([prefix]) => start.startsWith(prefix))?.[0] ?? start, list]);
    expect(found).toEqual(EXPECTED);
    // The other bullets of 76 are plain text: no change is marked in them.
    for (const bullet of ['· Approach', '· Governance', '· Recommended', '· Possible']) expect([...changes.keys()].some((start) => start.startsWith(bullet))).toBe(false);
  });

  it('gives the hand edit to --author when it is given, and to nobody else', async () => {
    ok(await ndraft('export', '--format', 'docx', '--changes-since', 'rev.1', '--author', 'Secretariat', '-o', join(parent, 'secretariat.docx')));
    const xml = strFromU8(unzipSync(readFileSync(join(parent, 'secretariat.docx')))['word/document.xml'] as Uint8Array);
    const authors = new Set([...xml.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]));
    expect(authors).toEqual(new Set([EU, G77, 'Secretariat']));
  });

  it('marks the same changes in HTML, with their authors', async () => {
    const html = ok(await ndraft('export', '--format', 'html', '--changes-since', 'Rev.1'));
    const marks = [...html.matchAll(/<(ins|del) class="tr" data-author="([^"]*)" data-date="[^"]+"[^>]*>([\s\S]*?)<\/\1>/g)].map((m): Change => [m[1] as 'ins' | 'del', decode(m[2] as string), decode((m[3] as string).replace(/<[^>]+>/g, ''))]);
    expect(merged(marks)).toEqual(EXPECTED.flatMap(([, list]) => list));
    expect(html).toMatch(/<del class="tr" data-author="G77 facilitator" data-date="[^"]+" data-entry="\d{8}T\d{9}Z-[0-9a-f]+" title="Deleted by G77 facilitator, \d{4}-\d\d-\d\d \d\d:\d\d UTC">/);
  });

  it('marks the same changes in Markdown, in CriticMarkup', async () => {
    const md = ok(await ndraft('export', '--format', 'md', '--changes-since', 'Rev.1'));
    expect(md).toMatch(/\{--should--\}\{\+\+must\+\+\}\{>>unattributed, \d{4}-\d\d-\d\d<<\} involve all stakeholders/);
    expect(md).toMatch(/- · Framework for interface between\{-- \\\[existing and\\\]--\}\{>>G77 facilitator, \d{4}-\d\d-\d\d<<\} future arrangements\n- · Governance/);
    // One comment after each change (a deletion and its insertion by one author share one), and the legend's.
    expect(md.match(/\{>>/g)).toHaveLength(6);
  });

  it('reads the attribution of the changed words back from the object cache, never an entry that does not fit, never a stale one', async () => {
    const md = ok(await ndraft('export', '--format', 'md', '--changes-since', 'Rev.1'));
    // The exports above kept each changed paragraph's attribution in .ndraft/objects.
    const objects = readFileSync(join(dir, '.ndraft', 'objects'));
    const index = JSON.parse(objects.toString('utf8', 64, 64 + Number(/^ndraft-objects (\d+)/.exec(objects.toString('latin1', 0, 64))?.[1]))) as { names: string[] };
    const kept = index.names.filter((name) => name.startsWith('attributed-'));
    expect(kept.length).toBeGreaterThanOrEqual(4);
    // Each paragraph's, and, for each format, the draft's: the same entries together, read in one go.
    expect(kept).toContain('attributed-1:draft:md:Rev.1');
    // The Markdown of each changed paragraph too, by the SHA-1 of all it is made of (remembered-tracked.ts).
    const rendered = kept.filter((name) => name.startsWith('attributed-1:md-'));
    expect(rendered).toHaveLength(4);
    // Entries rewritten through the cache itself (so their checksums hold) that mark other stretches: each is refused and made again.
    // The Markdown entries are made unreadable (not lists of texts), so the attribution is read again, and checked.
    const forged = new ObjectCache(dir);
    const shifted = (entry: unknown[]) => (typeof entry[0] === 'string' ? 42 : (entry as number[]).map((n, i) => (i === 2 ? n + 1 : n)));
    for (const name of kept) {
      const kind = name.slice(0, name.indexOf(':'));
      const key = name.slice(kind.length + 1);
      const entry = forged.get<unknown[] | Record<string, unknown[]>>(kind, key) as unknown[] | Record<string, unknown[]>;
      forged.set(kind, key, Array.isArray(entry) ? shifted(entry) : Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, shifted(v)])));
    }
    forged.save();
    expect(ok(await ndraft('export', '--format', 'md', '--changes-since', 'Rev.1'))).toBe(md);
    // Made again and kept: the next export writes them from the memo, the same.
    const remade = new ObjectCache(dir);
    expect(rendered.every((name) => Array.isArray(remade.get('attributed-1', name.slice('attributed-1:'.length))))).toBe(true);
    expect(ok(await ndraft('export', '--format', 'md', '--changes-since', 'Rev.1'))).toBe(md);
    // A copy of the draft edited by hand since: the same cache, but the paragraph's new words are marked.
    const copy = join(makeTempDir('tracked-copy'), 'draft');
    cpSync(dir, copy, { recursive: true });
    editFile(copy, 'paragraphs/045.yaml', (text) => text.replace('must involve all stakeholders', 'shall involve all stakeholders'));
    const edited = ok(await runInProcess(['export', '--format', 'md', '--changes-since', 'Rev.1', '--draft', copy]));
    expect(edited).toMatch(/\{--should--\}\{\+\+shall\+\+\}\{>>unattributed, \d{4}-\d\d-\d\d<<\} involve all stakeholders/);
    expect(edited.replace('{++shall++}', '{++must++}')).toBe(md);
  });

  it('still takes a history id: the changes recorded after that entry, rebuilt from the history', async () => {
    const ids = readdirSync(join(dir, 'history')).sort();
    expect(ids).toHaveLength(4);
    const second = (ids[1] as string).replace(/\.yaml$/, '');
    ok(await ndraft('export', '--format', 'docx', '--changes-since', second.slice(0, 20), '-o', join(parent, 'since-entry.docx')));
    const xml = strFromU8(unzipSync(readFileSync(join(parent, 'since-entry.docx')))['word/document.xml'] as Uint8Array);
    const found = [...wordChanges(xml)].map(([start, list]) => [EXPECTED.find(([prefix]) => start.startsWith(prefix))?.[0] ?? start, list]);
    expect(found).toEqual(EXPECTED.slice(3));
  });

  it('refuses an unknown revision and a format that cannot mark changes', async () => {
    const unknown = await ndraft('export', '--format', 'md', '--changes-since', 'Rev.9');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no revision "Rev\.9"; the draft has .*Rev\.1/);
    const text = await ndraft('export', '--format', 'text', '--changes-since', 'Rev.1');
    expect(text.status).toBe(2);
    expect(text.stderr).toContain('--changes-since marks the changes in docx (Word tracked changes), html or md, not in text');
  });

  it.skipIf(SOFFICE === undefined)('opens in LibreOffice with the same changes by the same authors', async () => {
    const profile = pathToFileURL(join(parent, 'profile')).href;
    await promisify(execFile)(SOFFICE as string, ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'fodt', '--outdir', join(parent, 'out'), join(parent, 'changes.docx')], { timeout: 120_000 });
    const changes = libreOfficeChanges(readFileSync(join(parent, 'out', 'changes.fodt'), 'utf8'));
    const found = [...changes].map(([start, list]) => [EXPECTED.find(([prefix]) => start.startsWith(prefix))?.[0] ?? start, list]);
    expect(found).toEqual(EXPECTED);
  }, 180_000);
});
