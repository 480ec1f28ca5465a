import { Buffer } from 'node:buffer';
import * as zlib from 'node:zlib';

/**
 * Files as a ZIP archive (PKWARE APPNOTE 4.3: local headers, data, central directory, end
 * record; no ZIP64, so every file and the whole archive under 4 GB), each deflated by Node's
 * zlib. fflate's `zipSync` deflates in JavaScript: for the 5.5 MB document.xml of a
 * 5,000-paragraph draft that is ~0.25 s of CPU where zlib takes ~0.05 s. Files are stored in
 * the order given (a .docx starts with `[Content_Types].xml`); the time stamps are 1980-01-01,
 * so the same files always give the same bytes.
 */
export function zipFiles(files: ReadonlyArray<readonly [name: string, data: Uint8Array]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = new TextEncoder().encode(name);
    const deflated = zlib.deflateRawSync(data, { level: 6 });
    // A tiny file can grow when deflated: it is stored as it is then.
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const entry = { nameBytes, method: stored ? 0 : 8, crc: crc32(data), compressed: body.length, size: data.length };
    const local = header(LOCAL_SIGNATURE, entry, 30);
    chunks.push(local, nameBytes, body);
    central.push(header(CENTRAL_SIGNATURE, entry, 46, offset), nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, END_SIGNATURE, true);
  view.setUint16(8, files.length, true);
  view.setUint16(10, files.length, true);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...central, end]);
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

interface Entry {
  nameBytes: Uint8Array;
  method: number;
  crc: number;
  compressed: number;
  size: number;
}

/** A local file header (30 bytes) or a central directory header (46 bytes, with the local header's offset). */
function header(signature: number, entry: Entry, length: 30 | 46, localOffset = 0): Uint8Array {
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, signature, true);
  // The central header has "version made by" before the fields the two share.
  const at = length === 46 ? 2 : 0;
  if (length === 46) view.setUint16(4, 20, true);
  view.setUint16(4 + at, 20, true); // version needed: 2.0, deflate
  view.setUint16(6 + at, 0x0800, true); // names in UTF-8
  view.setUint16(8 + at, entry.method, true);
  view.setUint16(10 + at, 0, true); // time 00:00
  view.setUint16(12 + at, DOS_DATE_1980, true);
  view.setUint32(14 + at, entry.crc, true);
  view.setUint32(18 + at, entry.compressed, true);
  view.setUint32(22 + at, entry.size, true);
  view.setUint16(26 + at, entry.nameBytes.length, true);
  // Extra field, and in the central header comment, disk, attributes: all zero.
  if (length === 46) view.setUint32(42, localOffset, true);
  return bytes;
}

/** zlib's CRC-32 where Node has it (20.15 and later), else the same sum computed here. */
function crc32(data: Uint8Array): number {
  // Looked up, not imported by name: a name Node lacks would stop the module loading on Node 20.0–20.14.
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return typeof native === 'function' ? native(data) : tableCrc32(data);
}

let TABLE: Uint32Array | undefined;

function tableCrc32(data: Uint8Array): number {
  if (TABLE === undefined) {
    TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
