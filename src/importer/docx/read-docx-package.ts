import { inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { inputError } from '../../diagnostics/diagnostic.js';
import { formatBytes, inputLimits, pastLimit } from '../../limits/input-limits.js';

/** The parts of a .docx the reader uses, by their names in the package. */
export type DocxParts = ReadonlyMap<string, Uint8Array>;

/** What the Word reader reads; the rest of the package (images, fonts, themes) is never unpacked. */
export const READ_PARTS = [
  'word/document.xml',
  'word/numbering.xml',
  'word/styles.xml',
  'word/comments.xml',
  'word/footnotes.xml',
  'docProps/core.xml',
] as const;

/**
 * The members of a .docx that ndraft reads, unpacked within the limits. The ZIP directory names
 * every member and its unpacked size before anything is inflated, so the limits on the number of
 * members and on the total size are checked against it: a zip bomb is refused before it costs
 * memory. fflate inflates each member into a buffer of exactly the declared size, so a member
 * that lies about its size is cut short (and then fails to parse) rather than growing.
 */
export function readDocxPackage(bytes: Uint8Array, name: string): DocxParts {
  const limits = inputLimits();
  let entries = 0;
  let total = 0;
  let unpacked: Record<string, Uint8Array> | undefined;
  try {
    // fflate reads the directory and checks the limits; Node's zlib (native: ~10× fflate's inflate) then unpacks what is read.
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        if (entries > limits.zipEntries) throw new LimitError(`${name} has more than ${limits.zipEntries} members, ${pastLimit('zipEntries')}`);
        if (total > limits.zipSize) throw new LimitError(`${name} would unpack to more than ${formatBytes(limits.zipSize)} (a zip bomb?), ${pastLimit('zipSize', formatBytes(limits.zipSize))}`);
        return false;
      },
    });
    unpacked = unpackNatively(bytes) ?? unzipSync(bytes, { filter: (file) => (READ_PARTS as readonly string[]).includes(file.name) });
  } catch (error) {
    if (error instanceof LimitError) throw inputError(error.message);
    throw inputError(`${name} is a damaged ZIP archive (${(error as Error).message}); the file may have been cut short in a download: get a fresh copy`);
  }
  const parts = new Map(Object.entries(unpacked));
  if (!parts.has('word/document.xml')) throw inputError(`${name} is a ZIP archive without word/document.xml: not a Word document, or a damaged one`);
  return parts;
}

class LimitError extends Error {}

/**
 * One small member of a .docx (`docProps/core.xml`), unpacked alone: undefined when the package
 * has none, cannot be read, or declares it larger than `maxBytes` (what the whole package holds
 * is checked, within the limits, when it is read: `readDocxPackage`).
 */
export function readDocxPart(bytes: Uint8Array, part: string, maxBytes = 1 << 20): Uint8Array | undefined {
  try {
    return unzipSync(bytes, { filter: (file) => file.name === part && file.originalSize <= maxBytes })[part];
  } catch {
    return undefined;
  }
}

/**
 * The members ndraft reads, found through the ZIP's central directory and inflated by zlib, each
 * to no more than its declared size. Undefined for anything unusual (ZIP64, a member that is
 * damaged or larger than it says, a method other than store and deflate): fflate then unpacks
 * the package as before, and says what is wrong with it.
 */
function unpackNatively(zip: Uint8Array): Record<string, Uint8Array> | undefined {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let at = view.length - 22; at >= Math.max(0, view.length - 22 - 0xffff); at--) {
    if (view.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return undefined;
  const found: Record<string, Uint8Array> = {};
  try {
    for (let k = 0; k < count; k++) {
      if (view.readUInt32LE(at) !== 0x02014b50) return undefined;
      const method = view.readUInt16LE(at + 10);
      const packed = view.readUInt32LE(at + 20);
      const size = view.readUInt32LE(at + 24);
      const nameLength = view.readUInt16LE(at + 28);
      const local = view.readUInt32LE(at + 42);
      const name = view.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
      if (!(READ_PARTS as readonly string[]).includes(name)) continue;
      if (packed === 0xffffffff || size === 0xffffffff || view.readUInt32LE(local) !== 0x04034b50) return undefined;
      const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
      if (start + packed > view.length) return undefined;
      const data = view.subarray(start, start + packed);
      if (method === 0 && packed === size) found[name] = new Uint8Array(data);
      else if (method === 8) {
        const out = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
        if (out.length !== size) return undefined;
        found[name] = out;
      } else return undefined;
    }
  } catch {
    return undefined;
  }
  return found;
}
