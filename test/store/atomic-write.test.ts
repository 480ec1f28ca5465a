import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporarySibling, writeFileAtomic } from '../../src/store/atomic-write.js';
import { makeTempDir, removeTempDirs, temporaryLeftovers } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

describe('writeFileAtomic', () => {
  it('writes a new file with exactly the content given, in UTF-8, and leaves no temporary file', () => {
    const dir = makeTempDir('atomic');
    const path = join(dir, 'draft.txt');
    writeFileAtomic(path, 'Council of Europe’s Convention – 61.\n');
    expect(readFileSync(path, 'utf8')).toBe('Council of Europe’s Convention – 61.\n');
    expect(readdirSync(dir)).toEqual(['draft.txt']);
  });

  it('replaces an existing file and accepts bytes', () => {
    const dir = makeTempDir('atomic');
    const path = join(dir, 'draft.json');
    writeFileSync(path, 'old content that is longer than the new one');
    writeFileAtomic(path, new Uint8Array([0x7b, 0x7d, 0x0a]));
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
    expect(readdirSync(dir)).toEqual(['draft.json']);
  });

  it('fails when the target is a folder, leaving the folder as it was and no temporary file', () => {
    const dir = makeTempDir('atomic');
    const target = join(dir, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'keep');
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(readdirSync(target)).toEqual(['keep.txt']);
    expect(temporaryLeftovers(dir)).toEqual([]);
  });

  it('fails when the folder does not exist, creating nothing', () => {
    const dir = makeTempDir('atomic');
    expect(() => writeFileAtomic(join(dir, 'missing', 'out.txt'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('puts its temporary file beside the target, hidden and recognisable', () => {
    const path = join('/some/where', 'draft.json');
    const temporary = temporarySibling(path);
    expect(dirname(temporary)).toBe('/some/where');
    expect(temporary).toMatch(/\/\.draft\.json\.ndraft-tmp-\d+-[0-9a-f]{8}$/);
    expect(temporarySibling(path)).not.toBe(temporary);
    expect(existsSync(temporary)).toBe(false);
  });
});
