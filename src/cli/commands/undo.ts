import { isDeepStrictEqual } from 'node:util';
import { inputError } from '../../diagnostics/diagnostic.js';
import { newestEntriesFirst } from '../../history/history-store.js';
import { undoTargetNewestFirst } from '../../history/undo-target.js';
import type { HistoryEntry } from '../../model/schemas.js';
import { renderBracketNumbering } from '../../render/bracket-numbering.js';
import { renderChange } from '../../render/render-change.js';
import { commitChanges, commitManyChanges } from '../../store/commit-changes.js';
import { locateDraft } from '../../store/locate-draft.js';
import type { ChangeOptions } from '../change-paragraph.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';
import { openDraft } from '../open-draft.js';
import { historyHeader } from '../history-header.js';
import { relative } from 'node:path';
import { readRevision } from '../../revisions/read-revision.js';
import { revisionFile, storedRevisionName } from '../../revisions/revision-store.js';

export interface UndoOptions extends ChangeOptions {
  /** Undo the last change even when someone else made it. */
  force?: boolean;
}

/**
 * `ndraft undo`: reverts the last change that has not been undone, and records the undo as a
 * change. Only your own, unless `--force`: after a pull the last change may be a colleague's.
 */
export async function undoCommand(options: UndoOptions, io: Io): Promise<number> {
  if (options.dryRun) return undoUnlocked(options, io);
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  return whileLocked(io, dir, 'undo', () => undoUnlocked({ ...options, draft: dir }, io));
}

async function undoUnlocked(options: UndoOptions, io: Io): Promise<number> {
  const opened = await openDraft(options.draft, io.cwd);
  const { dir } = opened;
  const target = await undoTargetNewestFirst(newestEntriesFirst(dir));
  if (!target) throw inputError('there is nothing to undo: no change is recorded that has not been undone');
  if (!options.force) await refuseOthersChange(target, options, io, dir);

  // A change that created or removed a paragraph also changed the outline; without that recorded,
  // undoing it would leave a file the outline does not list, or the reverse.
  if (target.changes.some((change) => change.before === null || change.after === null) && target.outline === undefined) {
    throw inputError(`"${target.command}" created or removed a paragraph without recording the outline; undo cannot revert it`);
  }
  const changes = target.changes.map((change) => {
    if (change.after === null) {
      // The paragraph was removed: it comes back, if its address is still free.
      if (opened.meta && hasParagraph(opened, change.paragraph)) {
        throw inputError(`paragraph ${change.paragraph} exists again since "${target.command}" (${target.time}); undoing it would overwrite it`);
      }
      return { paragraph: change.paragraph, before: null, after: change.before };
    }
    const current = opened.paragraph(change.paragraph);
    if (!isDeepStrictEqual(current, change.after)) {
      throw inputError(
        `paragraph ${change.paragraph} has changed since "${target.command}" (${target.time}); undoing it would lose the later change. See "ndraft log ${change.paragraph}"`,
      );
    }
    // A paragraph the change created is removed again (before: null).
    return { paragraph: change.paragraph, before: current, after: change.before };
  });

  // A change to draft.yaml too (accepting an option of a block) is undone only if the outline is still as it left it.
  if (target.outline !== undefined && !isDeepStrictEqual(opened.meta, target.outline.after)) {
    throw inputError(`draft.yaml has changed since "${target.command}" (${target.time}); undoing it would lose the later change`);
  }
  const outline = target.outline === undefined ? undefined : { before: opened.meta, after: target.outline.before };

  const revision = target.revision === undefined ? undefined : await revisionRecordedBy(dir, target.revision, target.time);
  const c = colorsFor(io);
  const summary =
    `undid "${target.command}" by ${target.author} (${whenOf(target)})` +
    (revision === undefined ? '' : revision.removed ? ` and removed revision ${revision.name}, which it recorded` : `; revision ${revision.name} stays: ${revision.why}`);
  if (options.dryRun) {
    io.write(`${c.bold('Dry run')}, nothing written. Would have: ${summary}\n`);
    for (const change of changes) io.write(`${renderChange(change.before, change.after, c)}\n`);
    return 0;
  }
  // Undoing an import --into is staged as the import was: many paragraphs at once.
  const commitAll = target.revision !== undefined ? commitManyChanges : commitChanges;
  await commitAll(
    dir,
    changes.flatMap((ch) => (ch.after ? [ch.after] : [])),
    {
      ...(await historyHeader(dir, options, io, 'undo')),
      undoes: target.id,
      changes,
      ...(outline !== undefined ? { outline } : {}),
    },
    outline?.after,
    changes.filter((ch) => ch.after === null).map((ch) => ch.paragraph),
    revision?.removed ? { removes: [revision.file] } : {},
  );
  io.write(`${c.green('✓')} ${summary.charAt(0).toUpperCase()}${summary.slice(1)}\n`);
  // An undo that gave one paragraph back its earlier words says how its brackets are numbered now.
  const [only] = changes;
  if (changes.length === 1 && only?.after && outline === undefined) io.write(`${renderBracketNumbering(only.after, c)}\n`);
  return 0;
}

/**
 * "Your own" change is one whose author is who this undo would be recorded as (--author, else
 * NDRAFT_AUTHOR, git's user.name or the OS user), regardless of case and surrounding spaces.
 */
async function refuseOthersChange(target: HistoryEntry, options: UndoOptions, io: Io, dir: string): Promise<void> {
  const { resolveAuthor } = await import('../resolve-author.js');
  const you = resolveAuthor(options.author, io.env, dir);
  if (target.author.trim().toLowerCase() === you.toLowerCase()) return;
  throw inputError(
    `the last change is ${target.author}'s "${target.command}" (${whenOf(target)}), not yours (${you}); run "ndraft undo --force" to undo it anyway, or "ndraft log" to see it`,
  );
}

function whenOf(entry: HistoryEntry): string {
  return `${entry.time.replace('T', ' ').slice(0, 16)} UTC`;
}

/**
 * The revision a change recorded with it (`import --into --as Rev.2`) goes with the change, so
 * that the same text can be imported again under the same name; unless it was recorded again
 * since (`snapshot --force`), which is then kept and said.
 */
async function revisionRecordedBy(dir: string, name: string, time: string): Promise<{ name: string; removed: true; file: string } | { name: string; removed: false; why: string }> {
  const stored = storedRevisionName(dir, name);
  if (stored === undefined) return { name, removed: false, why: 'it is no longer stored' };
  if ((await readRevision(dir, stored)).time !== time) return { name: stored, removed: false, why: 'it was recorded again since' };
  return { name: stored, removed: true, file: relative(dir, revisionFile(dir, stored)) };
}

/** Whether the draft has a paragraph at this address (an unknown one is not an error here). */
function hasParagraph(opened: Awaited<ReturnType<typeof openDraft>>, address: string): boolean {
  try {
    return opened.paragraph(address).address === address;
  } catch {
    return false;
  }
}
