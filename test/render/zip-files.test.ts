import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/render/zip-files.js';

const big = 'ab ccc deeee '.repeat(20_000);
const files: Array<[string, Uint8Array]> = [
  ['[Content_Types].xml', strToU8('<Types/>')],
  ['word/document.xml', strToU8(big)],
  ['dossier/é.txt', strToU8('x')],
  ['empty', new Uint8Array(0)],
];

/** The central directory's entries: name, method, CRC, sizes. */
function directory(zip: Uint8Array): Array<{ name: string; method: number; crc: number; compressed: number; size: number }> {
  const data = Buffer.from(zip);
  const end = data.length - 22;
  expect(data.readUInt32LE(end)).toBe(0x06054b50);
  const entries = [];
  let at = data.readUInt32LE(end + 16);
  for (let i = 0; i < data.readUInt16LE(end + 10); i++) {
    const nameLength = data.readUInt16LE(at + 28);
    entries.push({ name: data.toString('utf8', at + 46, at + 46 + nameLength), method: data.readUInt16LE(at + 10), crc: data.readUInt32LE(at + 16), compressed: data.readUInt32LE(at + 20), size: data.readUInt32LE(at + 24) });
    at += 46 + nameLength;
  }
  return entries;
}

describe('zipFiles', () => {
  it('gives back the same files, in the order given, read by fflate (the Word import\'s reader)', () => {
    const unpacked = unzipSync(zipFiles(files));
    expect(Object.keys(unpacked)).toEqual(files.map(([name]) => name));
    for (const [name, data] of files) expect(strFromU8(unpacked[name] as Uint8Array)).toBe(strFromU8(data));
  });

  it('deflates what shrinks, stores what would grow, with each file\'s CRC-32 and sizes', () => {
    const entries = directory(zipFiles(files));
    const doc = entries.find((e) => e.name === 'word/document.xml');
    expect(doc).toMatchObject({ method: 8, size: big.length, crc: crc32(strToU8(big)) });
    expect(doc?.compressed).toBeLessThan(big.length / 50);
    expect(entries.find((e) => e.name === 'dossier/é.txt')).toMatchObject({ method: 0, size: 1, compressed: 1, crc: crc32('x') });
  });

  it('is a ZIP that unzip tests clean (CRCs checked), and the same files give the same bytes', () => {
    const zip = zipFiles(files);
    expect(Buffer.from(zipFiles(files)).equals(Buffer.from(zip))).toBe(true);
    const probe = spawnSync('unzip', ['-v'], { encoding: 'utf8' });
    if (probe.status !== 0) return;
    const file = join(mkdtempSync(join(tmpdir(), 'ndraft-zip-')), 'test.zip');
    writeFileSync(file, zip);
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.stdout).toContain('No errors detected');
    expect(test.status).toBe(0);
  });
});
