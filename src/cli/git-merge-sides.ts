import { spawnSync } from 'node:child_process';
import { dirname, posix } from 'node:path';
import type { HistoryEntry } from '../model/schemas.js';
import { attributeFrom, type Attribute, type SideHistory } from '../reconcile/contributors.js';
import { draftFileKind } from '../reconcile/merge-file.js';
import type { Parsers } from '../store/yaml-parser.js';

/**
 * Who made each side's changes, for a merge git is running (`merge-driver`) or has left
 * unfinished (`resolve-conflicts`). Git names the other side's commit in the driver's
 * environment (`GITHEAD_<sha>=<branch>`, set by `git merge` and `git pull`) and, once the merge
 * stops, in MERGE_HEAD; a merge committed with its markers in it, by its parents (`commits`). Each side's own history entries are those it added since the sides
 * parted (`git diff --diff-filter=A A...B -- <draft>/history`), read through git; without the
 * other side's commit, `local` (the draft's whole history). Where no entry changed a part, the
 * side's last commit author of the file is named. Asked only when a merge
 * adds an alternative, so a clean merge runs no git command at all.
 */
export function gitAttribute(cwd: string, path: string, env: NodeJS.ProcessEnv, parsers: Parsers, theirsLabel?: string, local?: readonly HistoryEntry[], commits?: { ours: string; theirs: string }): Attribute {
  let attribute: Attribute | undefined;
  return (side, address, part, version) => {
    attribute ??= attributeFrom(gitHistories(cwd, path, env, parsers, theirsLabel, local, commits));
    return attribute(side, address, part, version);
  };
}

function gitHistories(cwd: string, path: string, env: NodeJS.ProcessEnv, parsers: Parsers, theirsLabel?: string, local: readonly HistoryEntry[] = [], commits?: { ours: string; theirs: string }): { ours: SideHistory; theirs: SideHistory } {
  const git = (...args: string[]) => {
    const run = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 10_000, maxBuffer: 64 * 1024 * 1024 });
    return run.status === 0 ? run.stdout : undefined;
  };
  const head = commits?.ours ?? git('rev-parse', '--verify', '-q', 'HEAD')?.trim();
  const theirs = commits?.theirs ?? theirsCommit(env, head) ?? git('rev-parse', '--verify', '-q', 'MERGE_HEAD')?.trim();
  const author = (commit: string | undefined) => (commit === undefined ? undefined : git('log', '-1', '--format=%an', commit, '--', path)?.trim() || undefined);
  const oursFallback = author(head) ?? env.GIT_AUTHOR_NAME ?? git('config', 'user.name')?.trim() ?? 'ours';
  const theirsFallback = author(theirs) ?? theirsLabel ?? 'theirs';
  // Git cannot tell the sides apart (a merge committed with its markers): every entry of the
  // draft's history is looked at for both, and the one that left a side's wording names it.
  if (head === undefined || theirs === undefined) return { ours: { entries: local, fallback: oursFallback }, theirs: { entries: local, fallback: theirsFallback } };
  const history = posix.join(draftFileKind(path) === 'draft' ? dirname(path) : dirname(dirname(path)), 'history');
  const added = (from: string, to: string): HistoryEntry[] => {
    const names = (git('diff', '--name-only', '--diff-filter=A', `${from}...${to}`, '--', history) ?? '').split('\n').filter((n) => n.endsWith('.yaml'));
    return names.flatMap((name) => {
      const source = git('show', `${to}:${name}`);
      const entry = source === undefined ? undefined : parsers.parseHistoryFile(name, source).entry;
      return entry ? [entry] : [];
    });
  };
  return { ours: { entries: added(theirs, head), fallback: oursFallback }, theirs: { entries: added(head, theirs), fallback: theirsFallback } };
}

/** The commit `git merge` names for the other side in the driver's environment: `GITHEAD_<sha>` that is not HEAD. */
function theirsCommit(env: NodeJS.ProcessEnv, head: string | undefined): string | undefined {
  return Object.keys(env)
    .map((key) => /^GITHEAD_([0-9a-f]{40,64})$/.exec(key)?.[1])
    .find((sha): sha is string => sha !== undefined && sha !== head);
}
