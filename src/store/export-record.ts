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

type Record = { files: { [path: string]: string } };

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

/** True when `target` holds exactly what ndraft last exported there. */
export function isPreviousExport(draftDir: string, target: string): boolean {
  const recorded = read(draftDir).files[target];
  return recorded !== undefined && existsSync(target) && sha256(readFileSync(target)) === recorded;
}

export function recordExport(draftDir: string, target: string, content: string | Uint8Array): void {
  const folder = join(draftDir, FOLDER);
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, '.gitignore'))) writeFileSync(join(folder, '.gitignore'), '*\n');
  const record = read(draftDir);
  record.files[target] = sha256(content);
  writeFileAtomic(join(folder, FILE), `${JSON.stringify(record, null, 2)}\n`);
}
