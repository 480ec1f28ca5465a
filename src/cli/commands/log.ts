import { describeChange } from '../../history/describe-change.js';
import { describeOutlineChange } from '../../history/describe-outline-change.js';
import { entryTouches } from '../../history/entry-touches.js';
import { readValidHistory } from '../../history/history-store.js';
import { usageError } from '../../diagnostics/diagnostic.js';
import { colorsFor, type Io } from '../io.js';
import { openDraft } from '../open-draft.js';

export interface LogOptions {
  draft?: string;
  json?: boolean;
  limit?: string;
}

/** `ndraft log [<paragraph>]`: the changes made to the draft, newest first. */
export async function logCommand(number: string | undefined, options: LogOptions, io: Io): Promise<number> {
  const opened = await openDraft(options.draft, io.cwd);
  const { dir } = opened;
  const address = number === undefined ? undefined : opened.paragraph(number).address;
  const entries = await readValidHistory(dir);
  if (options.limit !== undefined && !/^\d+$/.test(options.limit.trim())) throw usageError(`--limit takes a whole number, not "${options.limit}"`);
  const limit = options.limit === undefined ? Infinity : Number(options.limit);
  const shown = entries
    .filter((e) => address === undefined || entryTouches(e, address))
    .reverse()
    .slice(0, limit);

  if (options.json) {
    io.write(`${JSON.stringify(shown, null, 2)}\n`);
    return 0;
  }
  if (shown.length === 0) {
    io.write(number === undefined ? 'No changes recorded yet.\n' : `No changes recorded for paragraph ${number}.\n`);
    return 0;
  }
  const c = colorsFor(io);
  const undone = new Set(entries.map((e) => e.undoes).filter(Boolean));
  for (const entry of shown) {
    const when = entry.time.replace('T', ' ').slice(0, 19);
    io.write(`${c.yellow(entry.id)}${undone.has(entry.id) ? c.dim(' (undone)') : ''}\n`);
    const who = entry.onBehalfOf === undefined ? c.bold(entry.author) : `${c.bold(entry.author)} for ${c.bold(entry.onBehalfOf)}`;
    io.write(`  ${when} UTC  ${who}  ${entry.command}\n`);
    if (entry.message) io.write(`  ${entry.message}\n`);
    if (entry.outline) io.write(c.dim(`  draft.yaml: ${describeOutlineChange(entry.outline.before, entry.outline.after)}\n`));
    for (const change of entry.changes) io.write(c.dim(`  ${change.paragraph}: ${describeChange(change.before, change.after)}\n`));
  }
  return 0;
}
