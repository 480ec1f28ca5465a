import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { HISTORY_DIR } from '../history/history-store.js';
import { OBJECTS_DIR, REVISIONS_DIR } from '../revisions/revision-folders.js';
import { isRunning } from './draft-lock.js';
import { JOURNAL_FOLDER } from './journal.js';
import { LOCAL_FOLDER } from './local-folder.js';
import { PARAGRAPHS_DIR } from './paragraph-file-name.js';

/**
 * What a killed ndraft may leave behind, each named with the pid of the process that made it:
 * temporary files of an atomic write (`.061.yaml.ndraft-tmp-<pid>-<hex>`), the staging folder of
 * an import beside the draft (`.rev1.ndraft-tmp-<pid>-<hex>/`), a change staged but never made
 * (`.ndraft/journal/<time>-<pid>-<hex>/` without its journal) and a lock candidate
 * (`.ndraft/lock.<pid>-<hex>`). Only those of processes no longer running are leftovers: the
 * others belong to a command at work right now. Same host assumed, as for the lock.
 */
const PATTERNS: readonly { folder: (dir: string) => string; name: RegExp }[] = [
  { folder: (dir) => dir, name: /\.ndraft-tmp-(\d+)-[0-9a-f]+$/ },
  { folder: (dir) => join(dir, PARAGRAPHS_DIR), name: /\.ndraft-tmp-(\d+)-[0-9a-f]+$/ },
  { folder: (dir) => join(dir, HISTORY_DIR), name: /\.ndraft-tmp-(\d+)-[0-9a-f]+$/ },
  { folder: (dir) => join(dir, REVISIONS_DIR), name: /\.ndraft-tmp-(\d+)-[0-9a-f]+$/ },
  { folder: (dir) => join(dir, OBJECTS_DIR), name: /\.ndraft-tmp-(\d+)-[0-9a-f]+$/ },
  { folder: (dir) => join(dir, LOCAL_FOLDER), name: /(?:\.ndraft-tmp-|^lock(?:\.break)?\.)(\d+)-[0-9a-f]+$/ },
  { folder: (dir) => join(dir, LOCAL_FOLDER, JOURNAL_FOLDER), name: /^\d{8}T\d{9}Z-(\d+)-[0-9a-f]+$/ },
];

/** The leftovers of a draft (absolute paths), including an import's staging folder beside it. */
export function findLeftovers(dir: string): string[] {
  const found: string[] = [];
  for (const { folder, name } of PATTERNS) found.push(...deadOnes(folder(dir), name));
  const sibling = new RegExp(`^\\.${escapeRegExp(basename(dir))}\\.ndraft-tmp-(\\d+)-[0-9a-f]+$`);
  found.push(...deadOnes(dirname(dir), sibling));
  return found;
}

/**
 * Removes the leftovers, except a change folder that holds its journal: that change was made and
 * is finished by `recoverCommits`, never thrown away.
 */
export function removeLeftovers(dir: string): void {
  for (const path of findLeftovers(dir)) {
    if (existsSync(join(path, 'journal.json'))) continue;
    rmSync(path, { recursive: true, force: true });
  }
}

/** What `validate` says of each leftover: a warning, with the command that removes it. */
export function leftoverWarnings(dir: string): Diagnostic[] {
  return findLeftovers(dir).map((path) =>
    existsSync(join(path, 'journal.json'))
      ? { code: 'UNFINISHED_CHANGE', severity: 'warning', file: path, message: 'a change was interrupted before all its files were in place; ndraft reads the draft as changed, and the next change (any command that writes) puts them in place' }
      : { code: 'LEFTOVER', severity: 'warning', file: path, message: `left by an interrupted ndraft; the next change removes it, or remove it now: rm -r '${path.replace(/'/g, "'\\''")}'` },
  );
}

function deadOnes(folder: string, pattern: RegExp): string[] {
  if (!existsSync(folder)) return [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const pid = pattern.exec(name)?.[1];
    return pid !== undefined && !isRunning(Number(pid)) ? [join(folder, name)] : [];
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
