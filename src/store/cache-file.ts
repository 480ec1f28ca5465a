import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * The parse cache's file, `<draft>/.ndraft/cache`: a header of fixed length giving the byte
 * lengths of the two parts that follow and the SHA-1 of the first, the index (JSON, read at
 * every command) and the paragraphs (one JSON text each, one after the other in the order of the
 * index's rows, each parsed on its own when asked for: `show 61` parses one).
 * What the parts mean is `parse-cache.ts`'s business; this file only reads and writes them.
 *
 * Verified, because the cache must never change what a command reports: an index whose SHA-1
 * differs is no cache at all, and a paragraph whose checksum (CRC-32 of its JSON text, kept in
 * the index) differs is left out, so that its file is read and parsed again. Both are checked as
 * the file is read, in one read of one open file: a cache replaced meanwhile by another command
 * cannot mix with this one. Checking the ~3.5 MB of a 5,000-paragraph draft costs ~2–5 ms.
 */

export type Identity = [ino: number, size: number, mtimeMs: number, ctimeMs: number];

/** The counts of `Counts`, flat, in the order of `countsRow`. */
export type CountsRow = [total: number, agreed: number, agreedAdRef: number, open: number, deleted: number, itemsAgreed: number, brackets: number, bracketed: number, alternatives: number];

/** One file of the draft: identity (null when not safe to record), hash, and what is known of its content. */
export type Row = [
  name: string,
  ino: number | null,
  size: number | null,
  mtimeMs: number | null,
  ctimeMs: number | null,
  hash: string,
  address: string,
  counts: CountsRow | null,
  problems: Omit<Diagnostic, 'file'>[] | null,
  /** 1 when a text of the paragraph takes part in a bracket span (checked across files), once the checks have run. */
  spanned?: 1 | null,
  /** How many of its alternatives list several delegations in proposedBy (`legacySupporterCount`), once the checks have run. */
  legacy?: number | null,
];

export interface StoredIndex {
  key?: string;
  draft?: { hash: string; meta: DraftMeta; identity?: Identity };
  /** Arrays, not objects keyed by name or hash: JSON.parse builds them several times faster. */
  rows?: Row[];
  /** Where each row's paragraph stands in the paragraphs part: byte offset and length, flat. */
  slices?: number[];
  /** Each row's paragraph's checksum (`checksum`). */
  sums?: number[];
}

/** `ndraft-cache <index bytes> <paragraphs bytes> <SHA-1 of the index>\n`, padded to a fixed length. */
const HEADER_LENGTH = 128;

/** CRC-32 (zlib's, Node ≥ 20.15), else the first 32 bits of SHA-1: either tells a damaged paragraph. */
export const checksum: (bytes: Uint8Array) => number =
  typeof zlib.crc32 === 'function' ? (bytes) => zlib.crc32(bytes) : (bytes) => crypto.createHash('sha1').update(bytes).digest().readUInt32BE(0);

/** Node's one-call hash (20.12 and later): no hash object for each of a draft's thousands of files. */
const oneCallHash = (crypto as { hash?: (algorithm: string, data: Uint8Array | string, encoding: 'hex') => string }).hash;

/**
 * SHA-1 of the bytes (a text: of its UTF-8), in hex: a file's key in the caches, and the check of
 * this file's index. A text is hashed as it is, without a buffer made for it.
 */
export function contentHash(bytes: Uint8Array | string): string {
  return oneCallHash ? oneCallHash('sha1', bytes, 'hex') : crypto.createHash('sha1').update(bytes).digest('hex');
}

/** Written atomically and checked for length, the cache is damaged only by a disk fault or a hand. */
export function damaged(path: string): Error {
  return inputError(`the parse cache ${path} is damaged; delete it (ndraft rebuilds it) and run the command again`);
}

/** `length` bytes from `position`; throws when the file ends first. */
function readAt(fd: number, length: number, position: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) throw new Error('the file ended early');
    done += read;
  }
  return bytes;
}

/**
 * The cache file's two parts: the index parsed, with only the rows whose paragraph is intact, and
 * a reader of the paragraph of each of those rows. Undefined when the file is not a whole cache.
 */
export function readCacheFile(path: string, key: string): { index: StoredIndex & { rows: Row[] }; mtimeMs: number; paragraph: (row: number) => Paragraph; stored: (row: number) => StoredParagraph } | undefined {
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    const stats = fstatSync(fd);
    mtimeMs = stats.mtimeMs;
    if (stats.size < HEADER_LENGTH) return undefined;
    bytes = readAt(fd, stats.size, 0);
  } finally {
    closeSync(fd);
  }
  const match = /^ndraft-cache (\d+) (\d+) ([0-9a-f]{40})\n */.exec(bytes.toString('latin1', 0, HEADER_LENGTH));
  if (!match || match[0].length !== HEADER_LENGTH) return undefined;
  const indexLength = Number(match[1]);
  const paragraphsLength = Number(match[2]);
  // A file cut short (a crash before the data reached the disk) is no cache at all.
  if (bytes.length !== HEADER_LENGTH + indexLength + paragraphsLength) return undefined;
  const indexBytes = bytes.subarray(HEADER_LENGTH, HEADER_LENGTH + indexLength);
  if (contentHash(indexBytes) !== match[3]) return undefined;
  const index = JSON.parse(indexBytes.toString('utf8')) as StoredIndex;
  const { rows, slices, sums } = index;
  if (index.key !== key || !Array.isArray(rows) || !Array.isArray(slices) || !Array.isArray(sums) || slices.length !== 2 * rows.length || sums.length !== rows.length) return undefined;

  const body = bytes.subarray(HEADER_LENGTH + indexLength);
  const intact: Row[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const intactSums: number[] = [];
  rows.forEach((row, i) => {
    const start = slices[2 * i] as number;
    const end = start + (slices[2 * i + 1] as number);
    const sum = sums[i] as number;
    if (!(start >= 0 && end <= body.length && checksum(body.subarray(start, end)) === sum)) return;
    intact.push(row);
    starts.push(start);
    ends.push(end);
    intactSums.push(sum);
  });
  return {
    index: { ...index, rows: intact },
    mtimeMs,
    paragraph: (row) => JSON.parse(body.toString('utf8', starts[row], ends[row])) as Paragraph,
    stored: (row) => new StoredParagraph(body.subarray(starts[row], ends[row]), intactSums[row] as number),
  };
}

/**
 * A paragraph's JSON text as a cache file holds it, checked against its checksum when read.
 * Saving the cache again copies it as it is: parsing and printing thousands of paragraphs that
 * did not change was most of the cost of saving after a one-paragraph change.
 */
export class StoredParagraph {
  constructor(
    readonly json: Buffer,
    readonly sum: number,
  ) {}
}

/**
 * The paragraphs' JSON texts as the cache file holds them, encoded at once into one buffer (a
 * first save, a fresh clone or an import, has thousands: a buffer for each was much of what saving
 * cost); each is a piece of it, which `writeCacheFile` copies as it is.
 */
export function encodeParagraphs(paragraphs: readonly Paragraph[]): StoredParagraph[] {
  const texts = paragraphs.map((paragraph) => JSON.stringify(paragraph));
  const all = texts.join('');
  const joined = Buffer.from(all, 'utf8');
  // As many bytes as characters: all ASCII, each text's length is its length in bytes.
  const ascii = joined.length === all.length;
  let at = 0;
  return texts.map((text) => {
    const length = ascii ? text.length : Buffer.byteLength(text, 'utf8');
    const json = joined.subarray(at, at + length);
    at += length;
    return new StoredParagraph(json, checksum(json));
  });
}

/**
 * Writes both parts; a paragraph already encoded (`StoredParagraph`: read from the cache file, or
 * encoded beforehand) is copied as it is. Not flushed to disk first: after a crash, a cut-short
 * or damaged file is recognised and ignored.
 */
export function writeCacheFile(path: string, index: Omit<StoredIndex, 'slices' | 'sums'>, paragraphs: readonly (Paragraph | StoredParagraph)[]): Buffer {
  const pieces: StoredParagraph[] = [];
  // The paragraphs not yet encoded are encoded together (see `encodeParagraphs`).
  const fresh = paragraphs.filter((p): p is Paragraph => !(p instanceof StoredParagraph));
  const encoded = fresh.length > 0 ? encodeParagraphs(fresh) : [];
  let next = 0;
  for (const paragraph of paragraphs) pieces.push(paragraph instanceof StoredParagraph ? paragraph : (encoded[next++] as StoredParagraph));
  const slices: number[] = [];
  const sums: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    slices.push(offset, piece.json.length);
    sums.push(piece.sum);
    offset += piece.json.length;
  }
  const indexBytes = Buffer.from(JSON.stringify({ ...index, slices, sums }), 'utf8');
  const header = Buffer.alloc(HEADER_LENGTH, ' ');
  header.write(`ndraft-cache ${indexBytes.length} ${offset} ${contentHash(indexBytes)}\n`, 'latin1');
  const bytes = Buffer.concat([header, indexBytes, ...pieces.map((piece) => piece.json)], HEADER_LENGTH + indexBytes.length + offset);
  rewriteCacheFile(path, bytes);
  return bytes;
}

/** Writes a cache file's bytes as `writeCacheFile` made them. */
export function rewriteCacheFile(path: string, bytes: Buffer): void {
  writeFileAtomic(path, bytes, { durable: false });
}
