import { readDraftSource, type ReadOptions, type ReadSource } from './read-draft-source.js';
import { isPdf } from './sniff-content.js';

/**
 * A file to import, read by what it holds rather than by its name: a PDF (`%PDF-`) goes to the
 * PDF reader, loaded only then, with the PDF library it needs; anything else is read as text.
 */
export async function readImportSource(bytes: Uint8Array, options: ReadOptions): Promise<ReadSource> {
  if (isPdf(bytes)) return (await import('./pdf/read-pdf-source.js')).readPdfSource(bytes, options);
  return readDraftSource(bytes, options);
}
