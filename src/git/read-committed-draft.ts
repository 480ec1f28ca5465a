import { inputError, usageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatBytes, inputLimits, pastLimit } from '../limits/input-limits.js';
import { DRAFT_FILE, PARAGRAPHS_DIR } from '../store/paragraph-file-name.js';
import { findRepository, pathInRepository, type Repository } from './find-repository.js';
import { gitMessage, runGit } from './run-git.js';

/** One file of the draft as a commit holds it. */
export interface CommittedFile {
  /** Its path as git names it at that commit, `HEAD~1:drafts/tunis/paragraphs/061.yaml`, for messages. */
  shownAs: string;
  /** Its name inside the draft's folder: `draft.yaml`, `061.yaml`. */
  name: string;
  bytes: Buffer;
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
  /** Files that are not read: past the size limit, or links and submodules instead of files. */
  diagnostics: Diagnostic[];
}

/** Names, modes and sizes of a whole draft's files are small; this is room for 100,000 of them. */
const LISTING_LIMIT = 64 * 1024 * 1024;

/**
 * Reads `draft.yaml` and `paragraphs/*.yaml` of the draft folder `dir` as the commit `ref` holds
 * them, with git itself: `ls-tree` lists them with their sizes, then one `cat-file --batch`
 * reads them all. A file larger than the input limit is not read (a diagnostic says so), and git
 * is never allowed to print more than the sizes it listed.
 */
export function readCommittedDraft(dir: string, ref: string): CommittedDraft {
  if (ref.startsWith('-')) throw usageError(`"${ref}" is not a git revision (a revision never starts with "-")`);
  const repository = findRepository(dir);
  const { root } = repository;
  const resolved = runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { maxBytes: 4096 });
  const commit = resolved.stdout.toString('utf8').trim();
  if (resolved.status !== 0 || commit === '') throw inputError(`unknown git revision "${ref}": no commit, branch or tag of that name in ${root}`);

  const draftYaml = pathInRepository(repository, DRAFT_FILE);
  const paragraphsDir = pathInRepository(repository, PARAGRAPHS_DIR);
  const listing = runGit(root, ['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-name', commit, '--', draftYaml, paragraphsDir], { maxBytes: LISTING_LIMIT });
  if (listing.status !== 0) throw inputError(`git cannot list the files of ${ref}: ${gitMessage(listing)}`);

  const diagnostics: Diagnostic[] = [];
  const wanted: { path: string; name: string; object: string }[] = [];
  let total = 0;
  for (const entry of listing.stdout.toString('utf8').split('\0')) {
    // "<mode> <type> <object> <size>\t<path>"
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, mode, type, object, size, path] = match as unknown as [string, string, string, string, string, string];
    const name = path === draftYaml ? DRAFT_FILE : path.slice(paragraphsDir.length + 1);
    if (path !== draftYaml && (name.includes('/') || !name.endsWith('.yaml'))) continue;
    const shownAs = `${ref}:${path}`;
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) {
      diagnostics.push({ code: 'READ_FAILED', severity: 'error', message: `not read: a ${mode === '120000' ? 'symbolic link' : type} in git, not a file`, file: shownAs });
      continue;
    }
    const bytes = Number(size);
    if (bytes > inputLimits().fileSize) {
      diagnostics.push({ code: 'READ_FAILED', severity: 'error', message: `not read: it is ${formatBytes(bytes)}, ${pastLimit('fileSize', formatBytes(inputLimits().fileSize))}`, file: shownAs });
      continue;
    }
    total += bytes;
    wanted.push({ path, name, object });
  }
  if (!wanted.some((file) => file.path === draftYaml)) {
    const where = repository.draftPath === '' ? 'the top folder of the repository' : repository.draftPath;
    throw inputError(`the draft is not in ${ref} (commit ${commit.slice(0, 12)}): ${where} has no ${DRAFT_FILE} there`);
  }

  const contents = readObjects(root, [...new Set(wanted.map((file) => file.object))], total);
  let draftFile: CommittedFile | undefined;
  const paragraphs: CommittedFile[] = [];
  for (const { path, name, object } of wanted) {
    const file = { shownAs: `${ref}:${path}`, name, bytes: contents.get(object) as Buffer };
    if (path === draftYaml) draftFile = file;
    else paragraphs.push(file);
  }
  paragraphs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ref, commit, repository, draftFile: draftFile as CommittedFile, paragraphs, diagnostics };
}

/**
 * The objects' bytes, all read by one `git cat-file --batch`, which prints for each
 * "<object> blob <size>\n", the bytes, then "\n". `total` is what ls-tree said they weigh: git
 * may print no more than that and the headers.
 */
function readObjects(root: string, objects: readonly string[], total: number): Map<string, Buffer> {
  const read = new Map<string, Buffer>();
  if (objects.length === 0) return read;
  const result = runGit(root, ['cat-file', '--batch'], { input: `${objects.join('\n')}\n`, maxBytes: total + objects.length * 128 + 4096 });
  if (result.status !== 0) throw inputError(`git cannot read the draft's files: ${gitMessage(result)}`);
  const out = result.stdout;
  let at = 0;
  for (const object of objects) {
    const end = out.indexOf(10, at);
    const header = out.toString('utf8', at, end < 0 ? out.length : end);
    const match = /^([0-9a-f]+) blob (\d+)$/.exec(header);
    if (end < 0 || !match || match[1] !== object) throw inputError(`git did not give the file ${object}: ${header || 'nothing'}`);
    const size = Number(match[2]);
    read.set(object, out.subarray(end + 1, end + 1 + size));
    at = end + 1 + size + 1;
  }
  return read;
}
