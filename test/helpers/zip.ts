import { inflateRawSync } from 'node:zlib';

/**
 * The files of a ZIP archive, read by hand: the central directory at the end lists every entry
 * with the offset of its local header; DOCX parts are stored (0) or deflated (8). docx 9 zips
 * with fflate, ndraft's export with its own writer (src/render/zip-files.ts); the project need
 * not depend on JSZip for its tests.
 */
export function unzip(bytes: Uint8Array): Map<string, string> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const files = new Map<string, string>();
  let at = data.readUInt32LE(end + 16);
  for (let i = 0; i < data.readUInt16LE(end + 10); i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + size);
    files.set(name, (method === 0 ? raw : inflateRawSync(raw)).toString('utf8'));
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return files;
}
