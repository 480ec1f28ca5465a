import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A temporary name beside `path`, so that the final rename stays on one file system. */
export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.ndraft-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it:
 * write a temporary file beside it, flush it to disk, then rename it over the target.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: { durable?: boolean } = {}): void {
  const temporary = temporarySibling(path);
  try {
    const fd = openSync(temporary, 'w', 0o644);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      // durable: false skips the flush, for a file that can be rebuilt (the parse cache).
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
