import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inputError } from '../../diagnostics/diagnostic.js';
import { HISTORY_DIR, readHistory } from '../../history/history-store.js';
import { firstConflictMarker } from '../../reconcile/conflict-markers.js';
import { resolveMarked, type MarkedFile } from '../../reconcile/resolve-marked.js';
import { ObjectStore } from '../../revisions/object-store.js';
import { readRevisions } from '../../revisions/read-revision.js';
import { commitMerge } from '../../store/commit-merge.js';
import { locateDraft } from '../../store/locate-draft.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from '../../store/paragraph-file-name.js';
import { isRefusal, readDraftFile } from '../../store/read-draft-file.js';
import { loadParsers } from '../../store/yaml-parser.js';
import type { ChangeOptions } from '../change-paragraph.js';
import { gitAttribute } from '../git-merge-sides.js';
import { historyHeader } from '../history-header.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';

/**
 * `ndraft resolve-conflicts`: the files a merge without ndraft's driver left with git's conflict
 * markers (a hosting platform's web merge) are merged as the driver would have merged them, by
 * the same code. The common version is taken from the markers (diff3 style), else from git's
 * index while the merge is unfinished, else from the merge commit that committed the markers (the
 * merge base of its parents), else from the latest revision that holds the file. All or nothing: one file that cannot be represented and
 * nothing is written. One history entry.
 */
export async function resolveConflictsCommand(options: ChangeOptions, io: Io): Promise<number> {
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  return options.dryRun ? resolveUnlocked(dir, options, io) : whileLocked(io, dir, 'resolve-conflicts', () => resolveUnlocked(dir, options, io));
}

async function resolveUnlocked(dir: string, options: ChangeOptions, io: Io): Promise<number> {
  const c = colorsFor(io);
  const marked = markedFiles(dir);
  if (marked.length === 0) {
    io.write(`No git conflict markers in ${relative(io.cwd, dir) || '.'}: nothing to resolve\n`);
    return 0;
  }
  const parsers = await loadParsers();
  const top = git(dir, 'rev-parse', '--show-toplevel')?.trim();
  const store = new ObjectStore(dir);
  const revisions = (await readRevisions(dir)).revisions.reverse();
  // Outside an unfinished merge, the merge commit that brought the markers in names the sides.
  const unfinished = top !== undefined && git(top, 'rev-parse', '--verify', '-q', 'MERGE_HEAD') !== undefined;
  const local = unfinished ? [] : (await readHistory(dir)).entries;
  const files: MarkedFile[] = marked.map(({ path, text }) => {
    const repoPath = top === undefined ? path : relative(top, join(dir, path)).split('\\').join('/');
    const committed = top === undefined || unfinished ? undefined : committedMerge(top, repoPath, text);
    const gitBase = top === undefined ? undefined : git(top, 'show', committed ? `${committed.base}:${repoPath}` : `:1:${repoPath}`);
    const theirsLabel = /^>{7} (.+)$/m.exec(text)?.[1];
    const base = gitBase ?? revisionBase(path, revisions, store);
    return { path, text, ...(base !== undefined ? { base } : {}), attribute: gitAttribute(top ?? dir, repoPath, io.env, parsers, theirsLabel, local, committed) };
  });
  const draftMarked = marked.some((f) => f.path === DRAFT_FILE);
  const meta = draftMarked ? undefined : parsers.parseDraftFile(join(dir, DRAFT_FILE), readDraftFile(dir, join(dir, DRAFT_FILE))).meta;
  const existing = new Set(existsSync(join(dir, PARAGRAPHS_DIR)) ? readdirSync(join(dir, PARAGRAPHS_DIR)).map((n) => n.toLowerCase()) : []);
  const resolved = resolveMarked(files, meta, parsers, (address) => existing.has(paragraphFileName(address).toLowerCase()));
  if (resolved.conflicts.length > 0) {
    throw inputError(`${resolved.conflicts.length === 1 ? 'a file' : `${resolved.conflicts.length} files`} cannot be merged; nothing was changed:\n${resolved.conflicts.map((r) => `  ${r}`).join('\n')}`);
  }
  const warnings = resolved.warnings.map((w) => `${c.yellow('warning:')} ${w}\n`).join('');
  const names = [...resolved.writes.keys()];
  if (options.dryRun) {
    io.write(`${c.bold('Dry run')}, nothing written. Would have resolved ${describe(marked.length)}: ${marked.map((f) => f.path).join(', ')}\n${warnings}`);
    return 0;
  }
  const header = await historyHeader(dir, options, io, 'resolve-conflicts');
  commitMerge(dir, resolved.writes, [], { ...header, changes: resolved.changes, ...(resolved.outline ? { outline: resolved.outline } : {}) });
  io.write(`${c.green('✓')} Resolved ${describe(marked.length)}: ${marked.map((f) => f.path).join(', ')}\n${warnings}`);
  if (top !== undefined) io.write(`Then: git add ${names.map((n) => relative(io.cwd, join(dir, n)) || n).join(' ')} ${relative(io.cwd, join(dir, HISTORY_DIR)) || HISTORY_DIR}\n`);
  return 0;
}

function describe(n: number): string {
  return `${n} file${n === 1 ? '' : 's'} with git conflict markers`;
}

/** draft.yaml, the paragraph files and the history entries that hold conflict markers. */
function markedFiles(dir: string): { path: string; text: string }[] {
  const candidates = [DRAFT_FILE, ...[PARAGRAPHS_DIR, HISTORY_DIR].flatMap((folder) => (existsSync(join(dir, folder)) ? readdirSync(join(dir, folder)).filter((n) => n.endsWith('.yaml')).map((n) => `${folder}/${n}`) : []))];
  return candidates.flatMap((path) => {
    const bytes = readDraftFile(dir, join(dir, path));
    if (isRefusal(bytes)) return [];
    const text = bytes.toString('utf8');
    return firstConflictMarker(text) ? [{ path, text }] : [];
  });
}

/** The file as the latest revision holding it recorded it: a common version both sides started from, or an earlier one. */
function revisionBase(path: string, newestFirst: Awaited<ReturnType<typeof readRevisions>>['revisions'], store: ObjectStore): string | undefined {
  for (const revision of newestFirst) {
    const hash = path === DRAFT_FILE ? revision.draft : Object.entries(revision.paragraphs).find(([address]) => `${PARAGRAPHS_DIR}/${paragraphFileName(address)}` === path)?.[1];
    const bytes = hash === undefined ? undefined : store.read(hash);
    if (bytes) return bytes.toString('utf8');
  }
  return undefined;
}

/**
 * The merge commit that committed this file with its markers (a web merge), among the last
 * merges: its parents are the two sides, and their merge base the version both had.
 */
function committedMerge(top: string, repoPath: string, text: string): { ours: string; theirs: string; base: string } | undefined {
  const merges = (git(top, 'log', '--merges', '-n', '20', '--format=%H %P', 'HEAD') ?? '').split('\n').filter(Boolean);
  for (const line of merges) {
    const [commit, ours, theirs] = line.split(' ');
    if (!commit || !ours || !theirs || git(top, 'show', `${commit}:${repoPath}`) !== text) continue;
    const base = git(top, 'merge-base', ours, theirs)?.trim();
    if (base) return { ours, theirs, base };
  }
  return undefined;
}

function git(cwd: string, ...args: string[]): string | undefined {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 10_000, maxBuffer: 64 * 1024 * 1024 });
  return run.status === 0 ? run.stdout : undefined;
}
