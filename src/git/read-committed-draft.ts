import { inputError, usageError } from '../diagnostics/diagnostic.js';
import { DRAFT_FILE, PARAGRAPHS_DIR } from '../store/paragraph-file-name.js';
import type { FileBytes } from '../store/parse-files.js';
import { findRepository, pathInRepository, type Repository } from './find-repository.js';
import { GitObjects } from './git-objects.js';
import { gitMessage, runGit } from './run-git.js';

/** One file of the draft as a commit holds it. */
export interface CommittedFile {
  /** Its path as git names it at that commit, `HEAD~1:drafts/tunis/paragraphs/061.yaml`, for messages. */
  shownAs: string;
  /** Its name inside the draft's folder: `draft.yaml`, `061.yaml`. */
  name: string;
  /** Its bytes, or why they were not read (past the size limit; a link or a submodule, not a file). */
  bytes: FileBytes;
  /** Its git object id, when it was read. */
  object?: string;
}

/** The draft folder's files as committed at a ref, read through git. */
export interface CommittedDraft {
  ref: string;
  /** The full id of the commit the ref names. */
  commit: string;
  repository: Repository;
  draftFile: CommittedFile;
  /** The paragraph files (`paragraphs/*.yaml`), by name. */
  paragraphs: CommittedFile[];
}

/** Names and modes of a whole draft's files are small; this is room for 100,000 of them. */
const LISTING_LIMIT = 64 * 1024 * 1024;

/** The repository of a draft folder and its objects, shared by the sides of one comparison. */
export interface DraftRepository {
  dir: string;
  repository: Repository;
  objects: GitObjects;
}

export function draftRepository(dir: string): DraftRepository {
  const repository = findRepository(dir);
  return { dir, repository, objects: new GitObjects(repository.root) };
}

/** The commit a ref names (its full id); an unknown ref is an input error. */
export function resolveCommit({ repository }: DraftRepository, ref: string): string {
  if (ref.startsWith('-')) throw usageError(`"${ref}" is not a git revision (a revision never starts with "-")`);
  const resolved = runGit(repository.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { maxBytes: 4096 });
  const commit = resolved.stdout.toString('utf8').trim();
  if (resolved.status !== 0 || commit === '') throw inputError(`unknown git revision "${ref}": no commit, branch or tag of that name in ${repository.root}`);
  return commit;
}

/** One entry of a git tree, as `ls-tree` lists it. */
export interface TreeEntry {
  mode: string;
  type: string;
  object: string;
}

/**
 * The git ids of `draft.yaml` and of the `paragraphs` folder at a commit (`ls-tree`, not
 * recursive: two lines). Git names a tree by the hash of everything in it, so these two ids name
 * every byte of the draft's files as committed.
 */
export function draftTreeIds({ repository }: DraftRepository, ref: string, commit: string): { draft?: TreeEntry; paragraphs?: TreeEntry } {
  const draftYaml = pathInRepository(repository, DRAFT_FILE);
  const listing = runGit(repository.root, ['--literal-pathspecs', 'ls-tree', '-z', '--full-name', commit, '--', draftYaml, pathInRepository(repository, PARAGRAPHS_DIR)], { maxBytes: 64 * 1024 });
  if (listing.status !== 0) throw inputError(`git cannot list the files of ${ref}: ${gitMessage(listing)}`);
  const found: { draft?: TreeEntry; paragraphs?: TreeEntry } = {};
  for (const entry of listing.stdout.toString('utf8').split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, mode, type, object, path] = match as unknown as [string, string, string, string, string];
    found[path === draftYaml ? 'draft' : 'paragraphs'] = { mode, type, object };
  }
  return found;
}

/**
 * Reads `draft.yaml` and `paragraphs/*.yaml` of the draft as the commit `ref` holds them, with
 * git itself: `ls-tree` lists them, then `cat-file` reads those not read yet (see GitObjects:
 * within the size limit, bounded as they stream). `commit` is the ref resolved, when the caller has it.
 */
export async function readCommittedDraft(source: DraftRepository, ref: string, commit = resolveCommit(source, ref)): Promise<CommittedDraft> {
  const { repository, objects } = source;
  const { root } = repository;
  const draftYaml = pathInRepository(repository, DRAFT_FILE);
  const paragraphsDir = pathInRepository(repository, PARAGRAPHS_DIR);
  const listing = runGit(root, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-name', commit, '--', draftYaml, paragraphsDir], { maxBytes: LISTING_LIMIT });
  if (listing.status !== 0) throw inputError(`git cannot list the files of ${ref}: ${gitMessage(listing)}`);

  const listed: { path: string; name: string; object?: string; refusal?: string }[] = [];
  for (const entry of listing.stdout.toString('utf8').split('\0')) {
    // "<mode> <type> <object>\t<path>"
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, mode, type, object, path] = match as unknown as [string, string, string, string, string];
    const name = path === draftYaml ? DRAFT_FILE : path.slice(paragraphsDir.length + 1);
    if (path !== draftYaml && (name.includes('/') || !name.endsWith('.yaml'))) continue;
    if (type === 'blob' && (mode === '100644' || mode === '100755')) listed.push({ path, name, object });
    else listed.push({ path, name, refusal: `not read: a ${mode === '120000' ? 'symbolic link' : type} in git, not a file` });
  }
  if (!listed.some((file) => file.path === draftYaml)) {
    const where = repository.draftPath === '' ? 'the top folder of the repository' : repository.draftPath;
    throw inputError(`the draft is not in ${ref} (commit ${commit.slice(0, 12)}): ${where} has no ${DRAFT_FILE} there`);
  }

  const contents = await objects.read(listed.flatMap((file) => (file.object === undefined ? [] : [file.object])));
  let draftFile: CommittedFile | undefined;
  const paragraphs: CommittedFile[] = [];
  for (const { path, name, object, refusal } of listed) {
    const bytes = object === undefined ? { unreadable: refusal ?? 'not read' } : (contents.get(object) as FileBytes);
    const file = { shownAs: `${ref}:${path}`, name, bytes, ...(object !== undefined ? { object } : {}) };
    if (path === draftYaml) draftFile = file;
    else paragraphs.push(file);
  }
  paragraphs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ref, commit, repository, draftFile: draftFile as CommittedFile, paragraphs };
}
