import { historyProblems, listHistoryIds } from '../../history/history-store.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ObjectStore } from '../../revisions/object-store.js';
import { readRevisions } from '../../revisions/read-revision.js';
import { listRevisionNames } from '../../revisions/revision-store.js';
import { leftoverWarnings } from '../../store/leftovers.js';
import { loadDraft } from '../../store/load-draft.js';
import { locateDraft } from '../../store/locate-draft.js';
import { checkDraft, type CheckedDraft } from '../../validate/check-draft.js';
import { legacySupportersNote } from '../../validate/legacy-supporters.js';
import { DELEGATIONS_FILE, readDelegations } from '../../store/read-delegations.js';
import type { LoadedDraft } from '../../store/load-draft.js';
import { loadParsers } from '../../store/yaml-parser.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticJson, displayPath, formatDiagnostic } from '../format-diagnostic.js';
import { colorsFor, type Io } from '../io.js';

export interface ValidateOptions {
  draft?: string;
  json?: boolean;
}

/** Reports every problem of the draft, errors and warnings; exit 1 when there is any error. */
export async function validateCommand(options: ValidateOptions, io: Io): Promise<number> {
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const loaded = await loadDraft(dir);
  const history = await historyProblems(dir);
  const delegations = await readDelegations(dir);
  const revisions = await readRevisions(dir, new ObjectStore(dir));
  const checked = await checkDraft(loaded);
  const diagnostics = [...checked.diagnostics, ...delegations.diagnostics, ...history, ...revisions.diagnostics, ...leftoverWarnings(dir), ...(await legacyNote(checked, loaded))];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = 1 + loaded.paragraphs.length + listHistoryIds(dir).length + listRevisionNames(dir).length + (existsSync(join(dir, DELEGATIONS_FILE)) ? 1 : 0);

  if (options.json) {
    io.write(
      `${JSON.stringify({ draft: displayPath(dir, io.cwd), valid: errors === 0, files, errors, warnings, problems: diagnostics.map((d) => diagnosticJson(d, io.cwd)) }, null, 2)}\n`,
    );
    return errors > 0 ? 1 : 0;
  }
  const c = colorsFor(io);
  for (const d of diagnostics) io.write(`${formatDiagnostic(d, io.cwd, c)}\n`);
  const summary = `${files} files, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  io.write(errors > 0 ? `${c.red('✗ invalid')}: ${summary}\n` : `${c.green('✓ valid')}: ${summary}\n`);
  return errors > 0 ? 1 : 0;
}

/** The one warning about supporters that older versions stored in proposedBy, for a draft that loads. */
async function legacyNote(checked: CheckedDraft, loaded: LoadedDraft): Promise<Diagnostic[]> {
  // Counted by the checks (and kept in the parse cache): a draft without any is not read for it.
  // (`checked.draft` reads every paragraph: asked only when there is a note to place.)
  if (checked.legacySupporters === 0 || checked.draft === undefined) return [];
  // Placing the note parses a file's YAML: the parser is loaded only when there is a note.
  if (checked.draft.paragraphs.some((p) => [p, ...p.items].some((part) => (part.alternatives ?? []).some((a) => (a.proposedBy?.length ?? 0) > 1)))) await loadParsers();
  const note = legacySupportersNote(checked.draft.paragraphs, (address) => {
    const file = loaded.paragraphs.find((p) => p.address === address);
    return file && { file: file.file, locate: (path) => file.yaml.locate(path) };
  });
  return note === undefined ? [] : [note];
}
