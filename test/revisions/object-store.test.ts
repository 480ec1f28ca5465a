import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ObjectStore } from '../../src/revisions/object-store.js';
import { recordRevision, type RevisionFile } from '../../src/revisions/record-revision.js';
import { countParagraph, sumCounts } from '../../src/report/counts.js';
import { contentHash } from '../../src/store/parse-cache.js';
import { failure, makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const file = (text: string): RevisionFile => {
  const bytes = Buffer.from(text);
  return { hash: contentHash(bytes), bytes: () => bytes };
};

const paragraphsOf = (texts: readonly string[]) => new Map(texts.map((text, i) => [String(i + 1), file(text)]));
const figures = sumCounts([countParagraph({ address: '1', status: 'open', bracketed: false, text: 'x', items: [], alternatives: [] })]);

function record(dir: string, name: string, texts: readonly string[], force = false) {
  return recordRevision(dir, { name, time: new Date('2026-11-30T08:00:00Z'), author: 'Chair', figures, draft: file('title: T\nsections: []\n'), paragraphs: paragraphsOf(texts), force });
}

const packs = (dir: string) => readdirSync(join(dir, 'revisions', 'objects')).filter((name) => name.endsWith('.pack'));

describe('the object store of revisions', () => {
  const texts = Array.from({ length: 50 }, (_, i) => `address: "${i + 1}"\ntext: paragraph ${i + 1}\n`);

  it('stores each file once, in one pack per snapshot holding only what no revision held', () => {
    const dir = makeTempDir('objects');
    expect(record(dir, 'import', texts).written).toBe(51); // 50 paragraphs and draft.yaml
    expect(packs(dir)).toHaveLength(1);
    const changed = texts.map((text, i) => (i === 3 || i === 40 ? `${text}# edited\n` : text));
    expect(record(dir, 'Rev.1', changed).written).toBe(2);
    expect(packs(dir)).toHaveLength(2);
    // Nothing new: no pack at all.
    expect(record(dir, 'Rev.2', changed).written).toBe(0);
    expect(packs(dir)).toHaveLength(2);

    const store = new ObjectStore(dir);
    expect(store.read(contentHash(Buffer.from(changed[40] as string)))?.toString()).toBe(changed[40]);
    expect(store.read(contentHash(Buffer.from(texts[40] as string)))?.toString()).toBe(texts[40]);
    expect(store.problems).toEqual([]);
  });

  it('a name is unique whatever its case; --force records it again', () => {
    const dir = makeTempDir('objects');
    record(dir, 'Rev.1', texts);
    expect(failure(() => record(dir, 'REV.1', texts)).message).toBe('there is already a revision "Rev.1"; choose another name, or add --force to record the draft as "Rev.1" again');
    record(dir, 'rev.1', texts.slice(1), true);
    expect(readdirSync(join(dir, 'revisions')).filter((n) => n.endsWith('.yaml'))).toEqual(['Rev.1.yaml']);
    expect(failure(() => record(dir, 'working', texts)).kind).toBe('usage');
    expect(failure(() => record(dir, 'a/b', texts)).kind).toBe('usage');
  });

  it('finds a damaged object or index, and says where', () => {
    const dir = makeTempDir('objects');
    record(dir, 'import', texts);
    const [pack] = packs(dir) as [string];
    const packFile = join(dir, 'revisions', 'objects', pack);
    const bytes = readFileSync(packFile);
    const at = bytes.indexOf(texts[0] as string) + 2;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(packFile, bytes);
    const store = new ObjectStore(dir);
    expect(store.read(contentHash(Buffer.from(texts[0] as string)))).toBeUndefined();
    expect(store.problems).toMatchObject([{ code: 'DAMAGED_OBJECT', file: packFile }]);

    const index = packFile.replace(/\.pack$/, '.idx');
    writeFileSync(index, readFileSync(index, 'utf8').replace(/\n[0-9a-f]{40} /, '\nnot-a-hash '));
    const reread = new ObjectStore(dir);
    expect(reread.has(contentHash(Buffer.from(texts[1] as string)))).toBe(true);
    expect(reread.problems).toMatchObject([{ code: 'DAMAGED_INDEX', file: index, line: 2, column: 1 }]);
  });

  it('refuses bytes that are not the file the hash names (an edit while recording)', () => {
    const dir = makeTempDir('objects');
    const liar: RevisionFile = { hash: contentHash(Buffer.from('one')), bytes: () => Buffer.from('two') };
    const error = failure(() =>
      recordRevision(dir, { name: 'x', time: new Date(), author: 'A', figures, draft: file('t'), paragraphs: new Map([['1', liar]]) }),
    );
    expect(error.message).toContain('changed while the revision was being recorded');
  });
});
