import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPreviousExport, sha256, writeExport } from '../../src/store/export-record.js';
import { makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const plainWrite = (target: string, content: string | Uint8Array) => writeFileSync(target, content);

describe('writeExport', () => {
  it('records what it wrote, so that exporting again may replace it, and nothing else', () => {
    const dir = makeTempDir('export-record');
    const target = join(dir, 'out.txt');
    writeExport(dir, target, 'first\n', plainWrite);
    expect(isPreviousExport(dir, target)).toBe(true);
    writeFileSync(target, 'edited by hand\n');
    expect(isPreviousExport(dir, target)).toBe(false);
  });

  // A kill at any moment of an export must not leave a file the next export refuses (issue 12).
  it('killed before the file is written: the old export is still its own', () => {
    const dir = makeTempDir('export-record');
    const target = join(dir, 'out.txt');
    writeExport(dir, target, 'first\n', plainWrite);
    expect(() =>
      writeExport(dir, target, 'second\n', () => {
        throw new Error('killed');
      }),
    ).toThrow('killed');
    expect(readFileSync(target, 'utf8')).toBe('first\n');
    expect(isPreviousExport(dir, target)).toBe(true);
  });

  it('killed after the file is written, before the record is tidied: the new export is its own too', () => {
    const dir = makeTempDir('export-record');
    const target = join(dir, 'out.txt');
    writeExport(dir, target, 'first\n', plainWrite);
    expect(() =>
      writeExport(dir, target, 'second\n', (path, content) => {
        plainWrite(path, content);
        throw new Error('killed');
      }),
    ).toThrow('killed');
    expect(readFileSync(target, 'utf8')).toBe('second\n');
    expect(isPreviousExport(dir, target)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, '.ndraft', 'exports.json'), 'utf8')).files[target]).toHaveLength(2);
  });

  it('exporting the same content again leaves the record as it is; new content is recorded', () => {
    const dir = makeTempDir('export-record');
    const target = join(dir, 'out.txt');
    const record = join(dir, '.ndraft', 'exports.json');
    writeExport(dir, target, 'first\n', plainWrite);
    const before = statSync(record, { bigint: true });
    writeExport(dir, target, 'first\n', plainWrite);
    const after = statSync(record, { bigint: true });
    // writeFileAtomic renames a new file into place: an untouched record keeps its inode.
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
    expect(isPreviousExport(dir, target)).toBe(true);
    writeExport(dir, target, 'second\n', plainWrite);
    expect(JSON.parse(readFileSync(record, 'utf8')).files[target]).toBe(sha256('second\n'));
    expect(isPreviousExport(dir, target)).toBe(true);
    writeFileSync(target, 'edited by hand\n');
    expect(isPreviousExport(dir, target)).toBe(false);
  });
});
