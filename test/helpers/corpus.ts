import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The development corpus (test/fixtures/corpus, copied byte for byte from ../shared/corpus; see its README). */
export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

export const CORPUS_FILES = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();

/** A corpus file as decoded text: LF line endings, as decodeInput gives it. */
export function corpusText(name: string): string {
  return readFileSync(`${CORPUS_DIR}${name}`, 'utf8').replace(/\r\n?/g, '\n');
}
