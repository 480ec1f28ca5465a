/**
 * An sfnt (TrueType) file of the tables, in tag order, each 4-byte aligned with its checksum,
 * and head's checkSumAdjustment set so that the whole file sums to 0xB1B0AFBA.
 */
export function writeSfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const padded = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + tags.length * 16;
  const size = tags.reduce((sum, tag) => sum + padded((tables.get(tag) as Uint8Array).length), headerSize);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, 16 * 2 ** log2);
  view.setUint16(8, log2);
  view.setUint16(10, tags.length * 16 - 16 * 2 ** log2);
  let at = headerSize;
  let headAt = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag) as Uint8Array;
    out.set(data, at);
    const entry = 12 + i * 16;
    for (let k = 0; k < 4; k++) view.setUint8(entry + k, tag.charCodeAt(k));
    view.setUint32(entry + 4, checksum(view, at, padded(data.length)));
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, data.length);
    if (tag === 'head') headAt = at;
    at += padded(data.length);
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(view, 0, size)) >>> 0);
  return out;
}

function checksum(view: DataView, from: number, length: number): number {
  let sum = 0;
  for (let at = from; at < from + length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}

/** The parts one after another (a glyf table from its glyphs). */
export function concatBytes(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
