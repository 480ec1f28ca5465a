import { basename } from 'node:path';
import { inputError, usageError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { draftSchema } from '../../model/schemas.js';
import { renderChange } from '../../render/render-change.js';
import { describeWordProposals } from '../../render/render-word-proposals.js';
import { mergeWordProposals, type WordProposals } from '../../revisions/merge-word-proposals.js';
import { commitChanges } from '../../store/commit-changes.js';
import { usableDelegations } from '../../store/read-delegations.js';
import { checkResult } from '../change-paragraph.js';
import { diagnosticJson, displayPath, formatDiagnostic } from '../format-diagnostic.js';
import { historyHeader } from '../history-header.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';
import { openDraft } from '../open-draft.js';
import type { ImportIntoOptions } from './import-into.js';

/**
 * `ndraft import their.docx --into DRAFT [--as "EU"]`: a delegation's Word copy of the draft
 * (ndraft's export, edited with track changes on) read as that delegation's proposals and notes
 * on the draft's paragraphs (`mergeWordProposals`); the draft's text stays. Under the lock, as
 * one change with one history entry, so `undo` takes it all back. No revision is recorded: the
 * chair's text did not change. `--as` names the delegation for Word users delegations.yaml does
 * not know, and for words edited without tracking.
 */
export async function importWordIntoCommand(bytes: Uint8Array, path: string, file: string, dir: string, options: ImportIntoOptions, io: Io): Promise<number> {
  const given = (['title', 'encoding', 'from', 'conventions'] as const).filter((key) => options[key] !== undefined).map((key) => `--${key}`);
  if (given.length > 0) throw usageError(`${given.join(', ')} ${given.length === 1 ? 'does' : 'do'} not go with a Word copy of the draft: its words are read as proposals on the draft, in the draft's own conventions`);
  const command = `import ${file} --into .${options.as !== undefined ? ` --as ${JSON.stringify(options.as)}` : ''}`;
  const work = async () => {
    const opened = await openDraft(dir, io.cwd);
    const { delegations } = await usableDelegations(dir);
    const delegationOf = (user: string) => delegations?.canonical(user) ?? options.as ?? user;
    // Loaded as import.ts loads it: the Word reader stays a chunk of its own (test/e2e/lazy-word-reader.test.ts).
    const { readDocxSource } = await import('../../importer/docx/read-docx-source.js');
    const read = readDocxSource(bytes, { file: path, name: file, fallbackTitle: opened.meta.title, source: basename(path), delegationOf, ...(opened.meta.conventions ? { conventions: opened.meta.conventions } : {}) });
    // Words edited with tracking off name no one: the delegation of --as, else of the first Word user who tracked a change, else of who saved the document, else the file.
    const user = [...read.summary.tracked.authors.keys()][0] ?? read.summary.lastModifiedBy;
    const editor = options.as ?? (user !== undefined ? delegationOf(user) : basename(path));
    const merged = mergeWordProposals({ meta: opened.meta, paragraph: (address) => opened.paragraph(address) }, read.draft, editor);
    if (merged.report.matched === 0) {
      throw inputError(`${file}: none of its ${read.draft.paragraphs.length} paragraphs is one of the draft's (same number, like words); is it a copy of this draft as ndraft exported it? Nothing was changed`);
    }
    for (const change of merged.changes) await checkResult(change.after);
    if (merged.meta !== opened.meta && !draftSchema.safeParse(merged.meta).success) throw new Error('import --into produced an invalid draft.yaml');
    if (!options.dryRun && merged.changes.length > 0) {
      commitChanges(
        dir,
        merged.changes.map((c) => c.after),
        {
          ...(await historyHeader(dir, options, io, command)),
          changes: merged.changes.map(({ before, after }) => ({ paragraph: after.address, before, after })),
          ...(merged.meta !== opened.meta ? { outline: { before: opened.meta, after: merged.meta } } : {}),
        },
        merged.meta !== opened.meta ? merged.meta : undefined,
      );
    }
    return { merged, warnings: read.allWarnings };
  };
  const { merged, warnings } = await (options.dryRun ? work() : whileLocked(io, dir, command, work));
  report(io, merged, warnings, { path, dir, dryRun: options.dryRun === true, json: options.json === true });
  return 0;
}

function report(io: Io, merged: WordProposals, read: readonly Diagnostic[], at: { path: string; dir: string; dryRun: boolean; json: boolean }): void {
  // The reader's remarks on the draft's own words (an unbracketed "a/b") are the draft's, said by validate.
  const warnings = read.filter((w) => w.code !== 'UNBRACKETED_CHOICE');
  const untracked = merged.report.untracked.map((address) => ({ code: 'UNTRACKED_EDIT', severity: 'warning' as const, message: `paragraph ${address}: its words differ from the draft's, though Word tracked no change there; kept as an alternative` }));
  if (at.json) {
    io.write(`${JSON.stringify({ draft: displayPath(at.dir, io.cwd), dryRun: at.dryRun, changed: merged.changes.map((c) => c.after.address), ...merged.report, warnings: [...warnings, ...untracked].map((w) => diagnosticJson(w, io.cwd)) }, null, 2)}\n`);
    return;
  }
  const c = colorsFor(io);
  for (const w of [...warnings, ...untracked]) io.error(`${formatDiagnostic(w, io.cwd, colorsFor(io, 'stderr'))}\n`);
  const from = `${displayPath(at.path, io.cwd)} into ${displayPath(at.dir, io.cwd)}`;
  const lines = describeWordProposals(merged.report);
  if (merged.changes.length === 0) {
    io.write(`Nothing to change: ${from} proposes nothing the draft has not already\n`);
    return;
  }
  io.write(`${at.dryRun ? `${c.bold('Dry run')}, nothing written. Would have imported` : `${c.green('Imported')}`} ${from}: the draft's text is unchanged\n${lines.map((l) => `  ${l}\n`).join('')}`);
  if (at.dryRun) for (const { before, after } of merged.changes) io.write(`${renderChange(before, after, c)}\n`);
}
