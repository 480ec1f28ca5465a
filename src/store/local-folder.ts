import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `<draft>/.ndraft/`: what ndraft keeps for itself (cache, lock, journal); never part of the draft. */
export const LOCAL_FOLDER = '.ndraft';

/** The local folder of a draft, created when missing with a .gitignore that ignores the whole folder. */
export function localFolder(dir: string): string {
  const folder = join(dir, LOCAL_FOLDER);
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, '.gitignore'))) writeFileSync(join(folder, '.gitignore'), '*\n');
  return folder;
}
