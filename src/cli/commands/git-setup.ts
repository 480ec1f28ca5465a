import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DRAFT_ATTRIBUTES, withAttributes } from '../../git/git-attributes.js';
import { driverConfig, localConfigValue, setLocalConfig, trackedFiles } from '../../git/git-config.js';
import { findRepository, pathInRepository } from '../../git/find-repository.js';
import { ndraftCommand } from '../../git/ndraft-command.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { LOCAL_FOLDER, localFolder } from '../../store/local-folder.js';
import { locateDraft } from '../../store/locate-draft.js';
import { colorsFor, type Io } from '../io.js';

export interface GitSetupOptions {
  draft?: string;
  dryRun?: boolean;
}

const ATTRIBUTES_FILE = '.gitattributes';

/**
 * `ndraft git-setup`: makes git understand the draft. `.gitattributes` in the draft folder (it
 * travels with the draft; commit it) names ndraft's merge and diff drivers for its files; the
 * repository's local git config (never committed: each clone runs git-setup once) says how to
 * run them; `.ndraft/.gitignore` keeps ndraft's local files (cache, lock, journal) out of git.
 * Running it again changes nothing.
 */
export async function gitSetupCommand(options: GitSetupOptions, io: Io): Promise<number> {
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const repository = findRepository(dir);
  const shown = (inDraft: string) => pathInRepository(repository, inDraft);
  // Paths in commands to type are relative to where the user is.
  const here = (path: string) => relative(io.cwd, path) || '.';
  const c = colorsFor(io);
  const dry = options.dryRun === true;
  const done = (what: string) => io.write(`${dry ? c.yellow('would') : c.green('✓')} ${what}\n`);
  const kept = (what: string) => io.write(`${c.dim('·')} ${what}\n`);

  io.write(`${dry ? `${c.bold('Dry run')}, nothing written. ` : ''}Git setup for the draft ${repository.draftPath || '.'} in ${repository.root}:\n`);

  const attributesFile = join(dir, ATTRIBUTES_FILE);
  const existing = existsSync(attributesFile) ? readFileSync(attributesFile, 'utf8') : undefined;
  const { text, added } = withAttributes(existing, DRAFT_ATTRIBUTES);
  if (added.length > 0 && !dry) writeFileAtomic(attributesFile, text);
  for (const line of DRAFT_ATTRIBUTES) {
    if (added.includes(line)) done(`${dry ? 'add' : 'added'} to ${shown(ATTRIBUTES_FILE)}: ${line}`);
    else kept(`${shown(ATTRIBUTES_FILE)} has: ${line}`);
  }

  for (const entry of driverConfig(ndraftCommand(io.env.PATH))) {
    if (localConfigValue(repository.root, entry.key) === entry.value) {
      kept(`git config ${entry.key} is "${entry.value}"`);
      continue;
    }
    if (!dry) setLocalConfig(repository.root, entry);
    done(`set git config ${entry.key} "${entry.value}"`);
  }

  const ignore = join(dir, LOCAL_FOLDER, '.gitignore');
  if (existsSync(ignore)) kept(`${shown(`${LOCAL_FOLDER}/.gitignore`)} keeps ndraft's local files (cache, lock, journal) out of git`);
  else {
    if (!dry) localFolder(dir);
    done(`${dry ? 'write' : 'wrote'} ${shown(`${LOCAL_FOLDER}/.gitignore`)}: ndraft's local files (cache, lock, journal) stay out of git`);
  }
  const tracked = trackedFiles(repository.root, shown(LOCAL_FOLDER));
  if (tracked.length > 0) {
    io.write(`${c.yellow('warning:')} git already tracks ${tracked.length} file${tracked.length === 1 ? '' : 's'} of ${shown(LOCAL_FOLDER)}/; stop tracking them with: git rm -r --cached ${here(join(dir, LOCAL_FOLDER))}\n`);
  }

  if (added.length > 0 && !dry) {
    io.write(`Commit ${shown(ATTRIBUTES_FILE)} so that the whole team has it: git add ${here(attributesFile)} && git commit -m "ndraft git-setup"\n`);
  }
  io.write('Everyone who clones the repository runs "ndraft git-setup" once: git config is not committed.\n');
  return 0;
}
