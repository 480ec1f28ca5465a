import { isDeepStrictEqual } from 'node:util';
import { inputError } from '../../diagnostics/diagnostic.js';
import { historyNewestFirst } from '../../history/history-store.js';
import { undoFinder } from '../../history/undo-target.js';
import type { HistoryEntry } from '../../model/schemas.js';
import { renderBracketNumbering } from '../../render/bracket-numbering.js';
import { renderChange } from '../../render/render-change.js';
import { commitChanges } from '../../store/commit-changes.js';
import { locateDraft } from '../../store/locate-draft.js';
import type { ChangeOptions } from '../change-paragraph.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';
import { openDraft } from '../open-draft.js';
import { historyHeader } from '../history-header.js';

/** `ndraft undo`: reverts the last change that has not been undone, and records the undo as a change. */
export async function undoCommand(options: ChangeOptions, io: Io): Promise<number> {
  if (options.dryRun) return undoUnlocked(options, io);
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  return whileLocked(io, dir, 'undo', () => undoUnlocked({ ...options, draft: dir }, io));
}

async function undoUnlocked(options: ChangeOptions, io: Io): Promise<number> {
  const opened = await openDraft(options.draft, io.cwd);
  const { dir } = opened;
  // From the newest entry back, only as far as the change to revert.
  const find = undoFinder();
  let target: HistoryEntry | undefined;
  for await (const entry of historyNewestFirst(dir)) {
    target = find(entry);
    if (target) break;
  }
  if (!target) throw inputError('there is nothing to undo: no change is recorded that has not been undone');

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

  const c = colorsFor(io);
  const summary = `undid "${target.command}" by ${target.author} (${target.time.replace('T', ' ').slice(0, 16)} UTC)`;
  if (options.dryRun) {
    io.write(`${c.bold('Dry run')}, nothing written. Would have: ${summary}\n`);
    for (const change of changes) io.write(`${renderChange(change.before, change.after, c)}\n`);
    return 0;
  }
  commitChanges(
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
  );
  io.write(`${c.green('✓')} ${summary.charAt(0).toUpperCase()}${summary.slice(1)}\n`);
  // An undo that gave one paragraph back its earlier words says how its brackets are numbered now.
  const [only] = changes;
  if (changes.length === 1 && only?.after && outline === undefined) io.write(`${renderBracketNumbering(only.after, c)}\n`);
  return 0;
}

/** Whether the draft has a paragraph at this address (an unknown one is not an error here). */
function hasParagraph(opened: Awaited<ReturnType<typeof openDraft>>, address: string): boolean {
  try {
    return opened.paragraph(address).address === address;
  } catch {
    return false;
  }
}
