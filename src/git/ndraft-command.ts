import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/**
 * How git should run ndraft from a driver: plain `ndraft` when an `ndraft` is on PATH (so the
 * driver follows upgrades and works in every clone), else the absolute path of the ndraft
 * running now, quoted for the shell git runs drivers with.
 */
export function ndraftCommand(pathVariable: string | undefined): string {
  for (const folder of (pathVariable ?? '').split(delimiter)) {
    if (folder !== '' && isExecutable(join(folder, 'ndraft'))) return 'ndraft';
  }
  return shellQuote(join(PACKAGE_ROOT, 'bin', 'ndraft'));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A word for sh: as it is when it holds nothing sh would read, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
