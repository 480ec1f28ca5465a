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
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        if (entries > limits.zipEntries) throw new LimitError(`${name} has more than ${limits.zipEntries} members, ${pastLimit('zipEntries')}`);
        if (total > limits.zipSize) throw new LimitError(`${name} would unpack to more than ${formatBytes(limits.zipSize)} (a zip bomb?), ${pastLimit('zipSize', formatBytes(limits.zipSize))}`);
        return (READ_PARTS as readonly string[]).includes(file.name);
      },
    });
  } catch (error) {
    if (error instanceof LimitError) throw inputError(error.message);
    throw inputError(`${name} is a damaged ZIP archive (${(error as Error).message}); the file may have been cut short in a download: get a fresh copy`);
  }
  const parts = new Map(Object.entries(unpacked));
  if (!parts.has('word/document.xml')) throw inputError(`${name} is a ZIP archive without word/document.xml: not a Word document, or a damaged one`);
  return parts;
}

class LimitError extends Error {}
