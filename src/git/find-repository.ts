import { inputError } from '../diagnostics/diagnostic.js';
import { gitMessage, runGit } from './run-git.js';

/** The git repository a draft folder is in, and where in it the draft is. */
export interface Repository {
  /** The repository's top folder (its work tree). */
  root: string;
  /** The draft folder's path inside the repository: "/"-separated, no trailing "/", "" at the top. */
  draftPath: string;
}

/**
 * Asks git where the repository holding `dir` starts. Git itself answers, so a draft in a
 * subfolder, a worktree, a linked folder or GIT_DIR set by hand are all found as git finds them.
 */
export function findRepository(dir: string): Repository {
  const result = runGit(dir, ['rev-parse', '--show-toplevel', '--show-prefix'], { maxBytes: 1024 * 1024 });
  if (result.status !== 0) {
    const said = gitMessage(result);
    if (/not a git repository/i.test(said)) throw inputError(`${dir} is not in a git repository ("git init" makes one, "git clone" fetches one)`);
    throw inputError(`git cannot tell which repository ${dir} is in: ${said}`);
  }
  const [root = '', prefix = ''] = result.stdout.toString('utf8').split('\n');
  if (root === '') throw inputError(`${dir} is inside a git folder without a work tree (a bare repository); ndraft needs a checkout`);
  return { root, draftPath: prefix.replace(/\/$/, '') };
}

/** `draft.yaml` → `drafts/tunis/draft.yaml`: a path inside the draft as git names it from the repository's top. */
export function pathInRepository(repository: Repository, inDraft: string): string {
  return repository.draftPath === '' ? inDraft : `${repository.draftPath}/${inDraft}`;
}
