import { isDeepStrictEqual } from 'node:util';
import { inputError, NdraftError } from '../diagnostics/diagnostic.js';
import { paragraphName } from '../model/paragraph-name.js';
import { quickSchemaCheck } from '../model/quick-schema-check.js';
import { isAgreed } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { renderBracketNumbering } from '../render/bracket-numbering.js';
import { renderChange } from '../render/render-change.js';
import type { Resolution } from '../resolve/accept-alternative.js';
import { unresolvedPlaces } from '../resolve/agree.js';
import { commitChanges } from '../store/commit-changes.js';
import { locateDraft } from '../store/locate-draft.js';
import { colorsFor, type Io } from './io.js';
import { whileLocked } from './lock-draft.js';
import { historyHeader } from './history-header.js';
import { openDraft, type OpenedDraft } from './open-draft.js';

/** The options every command that changes a paragraph takes. */
export interface ChangeOptions {
  draft?: string;
  /** The person entering the change (`--author`); default NDRAFT_AUTHOR, git's user.name, the OS user. */
  author?: string;
  /** The delegation it is entered for, as stored (set by the position commands from `--by`). */
  onBehalfOf?: string;
  message?: string;
  dryRun?: boolean;
  /**
   * Who enters the change, asked of git as soon as the draft's folder is known (`resolveAuthorSoon`)
   * and answered while the draft is opened and changed: set by `changeParagraph` and `changeDraft`.
   */
  authorSoon?: () => Promise<string>;
}

/** A change's result: the paragraph and summary, and for a position, the delegation it was entered for. */
export type ChangeResult = Resolution & { onBehalfOf?: string };

export interface ChangeRequest {
  /** The paragraph as the user named it: its address or its printed number. */
  paragraph: string;
  /** The command as typed, for the history: `accept 61 "Alt 3"`. */
  command: string;
  /** Agreed paragraphs are locked: only commands that exist to unlock them may pass. */
  allowAgreed?: boolean | ((paragraph: Paragraph) => boolean);
  /**
   * The pure change; `dir` for what it reads besides the paragraph (under the same lock). It may
   * name the delegation the change is entered for, read under the lock too, for the history.
   */
  change: (paragraph: Paragraph, dir: string, author: () => Promise<string>) => ChangeResult | Promise<ChangeResult>;
  /**
   * Another change the same words may mean, decided on the draft as opened under the lock (an
   * option block's, for `accept 3 "Option 2"`): it returns the exit code when it took over.
   */
  instead?: (opened: OpenedDraft, options: ChangeOptions) => Promise<number | undefined>;
}

/**
 * The one path by which a command changes a paragraph: take the draft's lock (not for a dry run,
 * which writes nothing), open the draft, refuse to touch an agreed paragraph, apply the pure
 * change, check the result, then show it (`--dry-run`) or write it and its history entry
 * atomically, and say in one line what was done, followed by the paragraph's brackets as now
 * numbered (a resolved bracket renumbers those after it).
 */
export async function changeParagraph(io: Io, options: ChangeOptions, request: ChangeRequest): Promise<number> {
  if (options.dryRun) return changeUnlocked(io, options, request);
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const authorSoon = (await import('./resolve-author.js')).resolveAuthorSoon(options.author, io.env, dir);
  return whileLocked(io, dir, request.command, () => changeUnlocked(io, { ...options, draft: dir, authorSoon }, request));
}

async function changeUnlocked(io: Io, options: ChangeOptions, request: ChangeRequest): Promise<number> {
  const opened = await openDraft(options.draft, io.cwd);
  const other = await request.instead?.(opened, options);
  if (other !== undefined) return other;
  const { dir } = opened;
  const before = opened.paragraph(request.paragraph);
  const allowed = typeof request.allowAgreed === 'function' ? request.allowAgreed(before) : request.allowAgreed === true;
  if (!allowed) refuseAgreed(before);
  const changed: ChangeResult = await Promise.resolve()
    .then(() => request.change(before, dir, authorOf(options, io, dir)))
    .catch((error: unknown) => {
      throw withOtherPrintings(error, request.paragraph, before, opened.draft.paragraphs);
    });
  const { summary, onBehalfOf } = changed;
  // A position on a bracket that the change resolved (or reworded) goes with it.
  const after = changed.paragraph.bracketPositions === undefined ? changed.paragraph : (await import('../resolve/bracket-positions.js')).withoutStaleBracketPositions(changed.paragraph);
  await checkResult(after);

  const c = colorsFor(io);
  if (isDeepStrictEqual(before, after)) {
    io.write(`Nothing to change: ${summary}\n`);
    return 0;
  }
  if (options.dryRun) {
    io.write(`${c.bold('Dry run')}, nothing written. Would have: ${summary}\n${renderChange(before, after, c)}\n`);
    io.write(`${renderBracketNumbering(after, c, 'after it')}\n`);
    return 0;
  }
  commitChanges(dir, [after], {
    ...(await historyHeader(dir, onBehalfOf === undefined ? options : { ...options, onBehalfOf }, io, request.command)),
    changes: [{ paragraph: before.address, before, after }],
  });
  io.write(`${c.green('✓')} ${capitalize(summary)}\n`);
  io.write(`${renderBracketNumbering(after, c)}\n`);
  return 0;
}

/** An agreed paragraph is locked: the refusal says how to reopen it. */
export function refuseAgreed(paragraph: Paragraph): void {
  if (isAgreed(paragraph.status)) {
    throw inputError(`paragraph ${paragraphName(paragraph)} is ${paragraph.status === 'agreed' ? 'agreed' : 'agreed ad ref'} and locked; reopen it first with "ndraft reopen ${paragraph.address}"`);
  }
}

/** A change must leave a paragraph that loads back: valid schema, parseable text, nothing open if agreed. */
export async function checkResult(paragraph: Paragraph): Promise<void> {
  await checkResults([paragraph]);
}

/** `checkResult` of each paragraph of a change to many (`import --into`: ~1,000), in order; the checks' modules are loaded once, not once a paragraph. */
export async function checkResults(paragraphs: readonly Paragraph[]): Promise<void> {
  const { paragraphProblems } = await import('../validate/check-paragraph.js');
  for (const paragraph of paragraphs) {
    // zod (~100 ms to load) only when the quick check of the generated JSON Schema is not sure.
    if (!quickSchemaCheck('paragraph', paragraph)) {
      const { paragraphSchema } = await import('../model/schemas.js');
      const schema = paragraphSchema.safeParse(paragraph);
      if (!schema.success) throw new Error(`the change produced an invalid paragraph: ${schema.error.message}`);
    }
    const open = unresolvedPlaces(paragraph);
    const notation = open.filter((u) => u.kind === 'notation');
    if (notation.length > 0) throw inputError(`the result would not parse: ${notation.map((u) => u.description).join('; ')}`);
    if (isAgreed(paragraph.status) && open.length > 0) throw new Error('the change would leave an agreed paragraph with open brackets');
    // No command may leave a paragraph that the next command would refuse to open (undo and reopen included).
    const locked = paragraphProblems(paragraph).find((p) => p.code === 'AGREED_NOT_RESOLVED');
    if (locked) throw inputError(`refused: ${locked.message}; reopen it first with "ndraft reopen ${paragraph.address}"`);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A change refused on paragraph `2` of a treaty whose articles each have a paragraph 2: the
 * user may have meant another one. The refusal then says which addresses also print that number
 * (read only on this error path: the paragraph alone was read to get here).
 */
function withOtherPrintings(error: unknown, ref: string, found: Paragraph, paragraphs: readonly Paragraph[]): unknown {
  if (!(error instanceof NdraftError) || error.kind !== 'input') return error;
  const spelling = (n: string) => n.toLowerCase().replace(/\s+/gu, '');
  const others = paragraphs.filter((p) => p.address !== found.address && p.number !== undefined && spelling(p.number) === spelling(ref));
  if (others.length === 0) return error;
  const hint = `number ${ref} is also printed for ${others.map((p) => p.address).join(', ')}; name the one you mean by its address`;
  return new NdraftError(error.kind, `${error.message} (${hint})`, error.diagnostics);
}

/** Who enters the change: the answer already asked for (`authorSoon`), else asked now (a dry run). */
export function authorOf(options: ChangeOptions, io: Io, dir: string): () => Promise<string> {
  return options.authorSoon ?? (async () => (await import('./resolve-author.js')).resolveAuthor(options.author, io.env, dir));
}
