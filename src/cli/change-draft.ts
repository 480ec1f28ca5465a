import { describeOutlineChange } from '../history/describe-outline-change.js';
import { renderChange } from '../render/render-change.js';
import type { DraftChange } from '../resolve/accept-option.js';
import { commitChanges } from '../store/commit-changes.js';
import { checkResult, type ChangeOptions } from './change-paragraph.js';
import { colorsFor, type Io } from './io.js';
import { historyHeader } from './history-header.js';
import type { OpenedDraft } from './open-draft.js';

export interface DraftChangeRequest {
  /** The command as typed, for the history: `accept 3 "Option 2"`. */
  command: string;
  /** The pure change, given the whole draft as it is under the lock. */
  change: (opened: OpenedDraft) => DraftChange;
}

/**
 * The sibling of `changeParagraph`'s last step for a change to several paragraphs and draft.yaml
 * at once (accepting an option of a block), on a draft `changeParagraph` opened under the lock
 * (see `ChangeRequest.instead`): the same checks, then one history entry recording every
 * paragraph's before and after and the outline's, written all or nothing; `--dry-run` shows it
 * and writes nothing.
 */
export async function applyDraftChange(io: Io, options: ChangeOptions, opened: OpenedDraft, request: DraftChangeRequest): Promise<number> {
  const { dir } = opened;
  const { meta, paragraphs, summary } = request.change(opened);
  for (const { after } of paragraphs) await checkResult(after);
  if (meta !== undefined) {
    const { draftSchema } = await import('../model/schemas.js');
    const checked = draftSchema.safeParse(meta);
    if (!checked.success) throw new Error(`the change produced an invalid draft.yaml: ${checked.error.message}`);
  }

  const c = colorsFor(io);
  if (options.dryRun) {
    io.write(`${c.bold('Dry run')}, nothing written. Would have: ${summary}\n`);
    if (meta !== undefined) io.write(`draft.yaml: ${describeOutlineChange(opened.meta, meta)}\n`);
    for (const { before, after } of paragraphs) io.write(`${renderChange(before, after, c)}\n`);
    return 0;
  }
  commitChanges(
    dir,
    paragraphs.map((p) => p.after),
    {
      ...(await historyHeader(dir, options, io, request.command)),
      changes: paragraphs.map(({ before, after }) => ({ paragraph: before.address, before, after })),
      ...(meta !== undefined ? { outline: { before: opened.meta, after: meta } } : {}),
    },
    meta,
  );
  io.write(`${c.green('✓')} ${summary.charAt(0).toUpperCase()}${summary.slice(1)}\n`);
  return 0;
}
