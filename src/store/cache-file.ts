import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * The parse cache's file, `<draft>/.ndraft/cache`: a header of fixed length giving the byte
 * lengths of the two parts that follow, the index (JSON, read at every command) and the
 * paragraphs (one JSON text each, one after the other in the order of the index's rows, read
 * only when a paragraph is asked for, and each parsed on its own: `show 61` parses one).
 * What the parts mean is `parse-cache.ts`'s business; this file only reads and writes them.
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
];

export interface StoredIndex {
  key?: string;
  draft?: { hash: string; meta: DraftMeta; identity?: Identity };
  /** Arrays, not objects keyed by name or hash: JSON.parse builds them several times faster. */
  rows?: Row[];
  /** Where each row's paragraph stands in the paragraphs part: byte offset and length, flat. */
  slices?: number[];
}

/** `ndraft-cache <index bytes> <paragraphs bytes>\n`, padded to a fixed length. */
const HEADER_LENGTH = 64;

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

/** The cache file's two parts: the index parsed, and a reader of the paragraph of each row. */
export function readCacheFile(path: string, key: string): { index: StoredIndex & { rows: Row[] }; mtimeMs: number; paragraph: (row: number) => Paragraph } | undefined {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    const match = /^ndraft-cache (\d+) (\d+)\n/.exec(readAt(fd, Math.min(HEADER_LENGTH, stats.size), 0).toString('latin1'));
    if (!match) return undefined;
    const indexLength = Number(match[1]);
    const paragraphsLength = Number(match[2]);
    // A file cut short (a crash before the data reached the disk) is no cache at all.
    if (stats.size !== HEADER_LENGTH + indexLength + paragraphsLength) return undefined;
    const index = JSON.parse(readAt(fd, indexLength, HEADER_LENGTH).toString('utf8')) as StoredIndex;
    const slices = index.slices;
    if (index.key !== key || !Array.isArray(index.rows) || !Array.isArray(slices) || slices.length !== 2 * index.rows.length) return undefined;
    let body: Buffer | undefined;
    return {
      index: { ...index, rows: index.rows },
      mtimeMs: stats.mtimeMs,
      paragraph: (row) => {
        try {
          if (!body) {
            const again = openSync(path, 'r');
            try {
              body = readAt(again, paragraphsLength, HEADER_LENGTH + indexLength);
            } finally {
              closeSync(again);
            }
          }
          const start = slices[2 * row] as number;
          return JSON.parse(body.toString('utf8', start, start + (slices[2 * row + 1] as number))) as Paragraph;
        } catch {
          throw damaged(path);
        }
      },
    };
  } finally {
    closeSync(fd);
  }
}

/** Writes both parts. Not flushed to disk first: after a crash, a cut-short file is recognised and ignored. */
export function writeCacheFile(path: string, index: Omit<StoredIndex, 'slices'>, paragraphs: readonly Paragraph[]): void {
  const pieces = paragraphs.map((paragraph) => JSON.stringify(paragraph));
  const slices: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const length = Buffer.byteLength(piece, 'utf8');
    slices.push(offset, length);
    offset += length;
  }
  const indexBytes = Buffer.from(JSON.stringify({ ...index, slices }), 'utf8');
  const body = Buffer.from(pieces.join(''), 'utf8');
  const header = Buffer.alloc(HEADER_LENGTH, ' ');
  header.write(`ndraft-cache ${indexBytes.length} ${body.length}\n`, 'latin1');
  writeFileAtomic(path, Buffer.concat([header, indexBytes, body]), { durable: false });
}
