import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, usageError } from '../../diagnostics/diagnostic.js';
import { ObjectCache } from '../../store/object-cache.js';
import { HISTORY_DIR, historyFileName, nextHistoryId, readValidHistory } from '../../history/history-store.js';
import { describeOutlineChange } from '../../history/describe-outline-change.js';
import { renderChange } from '../../render/render-change.js';
import { attributeFrom } from '../../reconcile/contributors.js';
import { revisionVersion, workingVersion } from '../../reconcile/draft-versions.js';
import { mergeDrafts } from '../../reconcile/merge-drafts.js';
import { latestSharedRevision } from '../../reconcile/shared-revision.js';
import { commitMerge } from '../../store/commit-merge.js';
import { locateDraft } from '../../store/locate-draft.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from '../../store/paragraph-file-name.js';
import { isRefusal, readDraftFile } from '../../store/read-draft-file.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from '../../store/serialize.js';
import type { ChangeOptions } from '../change-paragraph.js';
import { historyHeader } from '../history-header.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';
import { resolveAuthor } from '../resolve-author.js';

/**
 * `ndraft reconcile <other-draft>`: merges another copy of the draft into this one, as the git
 * merge driver would, with the latest revision both copies hold as the common version. The
 * other copy is only read. Its history entries this copy lacks are copied in, and one entry
 * records the merge (so `undo` reverts it). All or nothing; --dry-run shows it.
 */
export async function reconcileCommand(other: string, options: ChangeOptions, io: Io): Promise<number> {
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const otherDir = locateDraft({ explicit: other, cwd: io.cwd });
  if (realpathSync(dir) === realpathSync(otherDir)) throw usageError(`${other} is this draft itself; name another copy of it`);
  const work = () => reconcileUnlocked(dir, otherDir, other, options, io);
  return options.dryRun ? work() : whileLocked(io, dir, `reconcile ${other}`, work);
}

async function reconcileUnlocked(dir: string, otherDir: string, other: string, options: ChangeOptions, io: Io): Promise<number> {
  const [ours, theirs] = [await workingVersion(dir), await workingVersion(otherDir)];
  // The revisions and both histories through this copy's object cache: entries are found by the
  // hash of their bytes, and the two copies share most of them (the other copy's is never written).
  const cache = new ObjectCache(dir);
  const shared = await latestSharedRevision(dir, otherDir, cache);
  if (!shared) {
    throw inputError(`${other} and this draft hold no revision in common, so there is no version both started from; record one in the copy both came from ("ndraft snapshot <name>") before the copies part, or compare them with "ndraft compare"`);
  }
  const base = await revisionVersion(dir, shared, cache);
  const [ourHistory, theirHistory] = [await readValidHistory(dir, cache), await readValidHistory(otherDir, cache)];
  cache.save();
  const ourIds = new Set(ourHistory.map((e) => e.id));
  const theirIds = new Set(theirHistory.map((e) => e.id));
  const copied = theirHistory.filter((e) => !ourIds.has(e.id));
  // Asked of git only when a change no entry accounts for is merged (git takes ~20 ms to answer).
  let author: string | undefined;
  const attribute = attributeFrom({
    ours: {
      entries: ourHistory.filter((e) => !theirIds.has(e.id)),
      get fallback() {
        return (author ??= resolveAuthor(options.author, io.env, dir));
      },
    },
    theirs: { entries: copied, fallback: `the copy in ${other}` },
  });
  const merged = await mergeDrafts(base, ours, theirs, attribute);
  if (merged.conflicts.length > 0) {
    throw inputError(`${other} cannot be merged into this draft; nothing was changed:\n${merged.conflicts.map((r) => `  ${r}`).join('\n')}`);
  }

  const c = colorsFor(io);
  const metaChanged = JSON.stringify(merged.meta) !== JSON.stringify(ours.meta);
  const counts = summary(merged.changes, copied.length);
  const warnings = merged.warnings.map((w) => `${c.yellow('warning:')} ${w}\n`).join('');
  if (merged.changes.length === 0 && !metaChanged && copied.length === 0) {
    io.write(`Nothing to reconcile: ${other} has nothing this draft lacks (common revision ${shared.name})\n`);
    return 0;
  }
  if (options.dryRun) {
    io.write(`${c.bold('Dry run')}, nothing written. Would have reconciled ${other} from revision ${shared.name}: ${counts}\n${warnings}`);
    if (metaChanged) io.write(`draft.yaml: ${describeOutlineChange(ours.meta, merged.meta)}\n`);
    for (const { before, after } of merged.changes) io.write(`${renderChange(before, after, c)}\n`);
    return 0;
  }

  const writes = new Map<string, string | Uint8Array>();
  for (const entry of copied) {
    const bytes = readDraftFile(otherDir, join(otherDir, HISTORY_DIR, historyFileName(entry.id)));
    if (isRefusal(bytes)) throw inputError(`${other}: history entry ${entry.id} cannot be read: ${bytes.unreadable}`);
    writes.set(`${HISTORY_DIR}/${historyFileName(entry.id)}`, bytes);
  }
  const removes: string[] = [];
  for (const { address, after } of merged.changes) {
    const path = `${PARAGRAPHS_DIR}/${paragraphFileName(address)}`;
    if (after === null) removes.push(path);
    else writes.set(path, serializeYaml(paragraphForYaml(after), 'paragraph', join(dir, path)));
  }
  if (metaChanged) writes.set(DRAFT_FILE, serializeYaml(draftMetaForYaml(merged.meta), 'draft', join(dir, DRAFT_FILE)));
  const header = await historyHeader(dir, options, io, `reconcile ${other}`);
  // The merge's own entry comes after the entries it copies in, whatever the clocks said.
  const id = nextHistoryId(dir, new Date(header.time), copied.map((e) => e.id));
  commitMerge(dir, writes, removes, {
    ...header,
    id,
    ...(header.message === undefined ? { message: `reconciled with ${other} from revision ${shared.name}` } : {}),
    changes: merged.changes.map(({ address, before, after }) => ({ paragraph: address, before, after })),
    ...(metaChanged ? { outline: { before: ours.meta, after: merged.meta } } : {}),
  });
  io.write(`${c.green('✓')} Reconciled ${other} from revision ${shared.name}: ${counts}\n${warnings}`);
  return 0;
}

function summary(changes: { before: unknown; after: unknown }[], copied: number): string {
  const count = (n: number, what: string) => `${n} paragraph${n === 1 ? '' : 's'} ${what}`;
  const added = changes.filter((c) => c.before === null).length;
  const removed = changes.filter((c) => c.after === null).length;
  return `${count(changes.length - added - removed, 'merged')}, ${added} added, ${removed} removed; ${copied} history entr${copied === 1 ? 'y' : 'ies'} copied`;
}
