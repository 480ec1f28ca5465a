import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Which files ndraft exported, so that exporting again may replace them but nothing else.
 * Kept in `<draft>/.ndraft/exports.json`, a local folder that ignores itself in git.
 */
const FOLDER = '.ndraft';
const FILE = 'exports.json';

/** Each exported file's content hashes that ndraft may replace: one, or two while a write is under way. */
type Record = { files: { [path: string]: string | string[] } };

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function read(draftDir: string): Record {
  const path = join(draftDir, FOLDER, FILE);
  if (!existsSync(path)) return { files: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Record;
    return parsed && typeof parsed.files === 'object' ? parsed : { files: {} };
  } catch {
    return { files: {} };
  }
}

function hashesOf(record: Record, target: string): string[] {
  const recorded = record.files[target];
  return recorded === undefined ? [] : typeof recorded === 'string' ? [recorded] : recorded.filter((h) => typeof h === 'string');
}

/** True when `target` holds what ndraft exported there (or was exporting there when it was stopped). */
export function isPreviousExport(draftDir: string, target: string): boolean {
  const hashes = hashesOf(read(draftDir), target);
  return hashes.length > 0 && existsSync(target) && hashes.includes(sha256(readFileSync(target)));
}

/**
 * Writes an export so that being killed at any moment never leaves a file the next export
 * refuses to replace: the new content's hash is recorded beside the old one first, then the
 * file is written (atomically), then only the new hash is kept.
 */
export function writeExport(draftDir: string, target: string, content: string | Uint8Array, write: (target: string, content: string | Uint8Array) => void): void {
  const hash = sha256(content);
  const before = hashesOf(read(draftDir), target);
  // The same content exported again (a draft exported after every change, most of which leave
  // this format's output as it was): the record already says exactly this, so writing it twice
  // more, each time synced to disk, would change nothing.
  const recorded = before.length === 1 && before[0] === hash;
  if (!recorded) save(draftDir, target, [...new Set([...before, hash])]);
  write(target, content);
  if (!recorded) save(draftDir, target, [hash]);
}

function save(draftDir: string, target: string, hashes: string[]): void {
  const folder = join(draftDir, FOLDER);
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, '.gitignore'))) writeFileSync(join(folder, '.gitignore'), '*\n');
  const record = read(draftDir);
  record.files[target] = hashes.length === 1 ? (hashes[0] as string) : hashes;
  writeFileAtomic(join(folder, FILE), `${JSON.stringify(record, null, 2)}\n`);
}
