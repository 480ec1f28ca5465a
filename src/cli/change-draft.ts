import { isDeepStrictEqual } from 'node:util';
import { describeOutlineChange } from '../history/describe-outline-change.js';
import { renderChange } from '../render/render-change.js';
import { quickSchemaCheck } from '../model/quick-schema-check.js';
import type { Paragraph } from '../model/schemas.js';
import type { DraftChange } from '../resolve/accept-option.js';
import { commitChanges } from '../store/commit-changes.js';
import { authorOf, checkResult, type ChangeOptions } from './change-paragraph.js';
import { colorsFor, type Io } from './io.js';
import { historyHeader } from './history-header.js';
import { locateDraft } from '../store/locate-draft.js';
import { whileLocked } from './lock-draft.js';
import { openDraft, type OpenedDraft } from './open-draft.js';

export interface DraftChangeRequest {
  /** The command as typed, for the history: `accept 3 "Option 2"`. */
  command: string;
  /** The pure change, given the whole draft as it is under the lock. */
  change: (opened: OpenedDraft, author: () => Promise<string>) => DraftChange<Paragraph | null> | Promise<DraftChange<Paragraph | null>>;
}

/**
 * `changeParagraph`'s first step for a change to the draft as a whole (a paragraph added or
 * moved, a section retitled): take the lock (not for a dry run), open the draft, then
 * `applyDraftChange`.
 */
export async function changeDraft(io: Io, options: ChangeOptions, request: DraftChangeRequest): Promise<number> {
  if (options.dryRun) return applyDraftChange(io, options, await openDraft(options.draft, io.cwd), request);
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const authorSoon = (await import('./resolve-author.js')).resolveAuthorSoon(options.author, io.env, dir);
  return whileLocked(io, dir, request.command, async () => applyDraftChange(io, { ...options, draft: dir, authorSoon }, await openDraft(dir, io.cwd), request));
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
  const { meta, paragraphs, summary } = await request.change(opened, authorOf(options, io, dir));
  for (const { after } of paragraphs) await checkResult(after);
  if (meta !== undefined && !quickSchemaCheck('draft', meta)) {
    const { draftSchema } = await import('../model/schemas.js');
    const checked = draftSchema.safeParse(meta);
    if (!checked.success) throw new Error(`the change produced an invalid draft.yaml: ${checked.error.message}`);
  }

  const c = colorsFor(io);
  if (paragraphs.length === 0 && (meta === undefined || isDeepStrictEqual(meta, opened.meta))) {
    io.write(`Nothing to change: ${summary}\n`);
    return 0;
  }
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
      changes: paragraphs.map(({ before, after }) => ({ paragraph: after.address, before, after })),
      ...(meta !== undefined ? { outline: { before: opened.meta, after: meta } } : {}),
    },
    meta,
  );
  io.write(`${c.green('✓')} ${summary.charAt(0).toUpperCase()}${summary.slice(1)}\n`);
  return 0;
}
