import { entryTouches } from '../../history/entry-touches.js';
import { newestSummariesFirst, type EntrySummary } from '../../history/entry-summaries.js';
import { newestEntriesFirst } from '../../history/history-store.js';
import { usageError } from '../../diagnostics/diagnostic.js';
import type { HistoryEntry } from '../../model/schemas.js';
import { readRevisionSummaries, type RevisionSummary } from '../../revisions/read-revision.js';
import { ObjectCache } from '../../store/object-cache.js';
import { colorsFor, type Io } from '../io.js';
import { openDraft, refuseLinkedFolders } from '../open-draft.js';
import { locateDraft } from '../../store/locate-draft.js';

export interface LogOptions {
  draft?: string;
  json?: boolean;
  limit?: string;
  revisions?: boolean;
}

/**
 * `ndraft log [<paragraph>]`: the changes made to the draft, newest first, and, for the whole
 * draft, the revisions recorded between them. Only the entries shown are read (`-n`), each from
 * its summary in the object cache once it has been read before.
 */
export async function logCommand(number: string | undefined, options: LogOptions, io: Io): Promise<number> {
  if (options.limit !== undefined && !/^\d+$/.test(options.limit.trim())) throw usageError(`--limit takes a whole number, not "${options.limit}"`);
  const limit = options.limit === undefined ? Infinity : Number(options.limit);
  if (options.revisions) {
    if (number === undefined) throw usageError('--revisions tells the story of one paragraph: name it, e.g. ndraft log 61 --revisions');
    return (await import('./log-revisions.js')).logRevisions(number, options, io);
  }
  // The draft is opened only to find the paragraph named: the whole log needs the history alone.
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  refuseLinkedFolders(dir);
  const address = number === undefined ? undefined : (await openDraft(dir, io.cwd)).paragraph(number).address;

  if (options.json) {
    const shown: HistoryEntry[] = [];
    for await (const entry of newestEntriesFirst(dir)) {
      if (shown.length >= limit) break;
      if (address === undefined || entryTouches(entry, address)) shown.push(entry);
    }
    io.write(`${JSON.stringify(shown, null, 2)}\n`);
    return 0;
  }

  const cache = new ObjectCache(dir, 'summaries');
  const c = colorsFor(io);
  // Newest first, so an undo is met before the change it undid.
  const undone = new Set<string>();
  // The revisions newest first, each printed above the newest change made before it.
  const snapshots = address === undefined ? (await readRevisionSummaries(dir, cache)).revisions.reverse() : [];
  // Written in one piece: ten thousand writes to a pipe cost more than the rest of the log.
  const out: string[] = [];
  const snapshotsAfter = (time: string) => {
    while (snapshots.length > 0 && (snapshots[0] as RevisionSummary).time >= time) out.push(snapshotLine(snapshots.shift() as RevisionSummary, c));
  };
  let shown = 0;
  let more = false;
  for await (const entry of newestSummariesFirst(dir, cache)) {
    if (entry.undoes !== undefined) undone.add(entry.undoes);
    if (address !== undefined && !entry.touches.includes(address)) continue;
    if (shown >= limit) {
      more = true;
      break;
    }
    snapshotsAfter(entry.time);
    out.push(entryLines(entry, undone.has(entry.id), c));
    shown++;
  }
  if (!more && shown > 0) snapshotsAfter('');
  cache.save();
  io.write(out.join(''));
  if (shown === 0) io.write(number === undefined ? 'No changes recorded yet.\n' : `No changes recorded for paragraph ${number}.\n`);
  return 0;
}

function entryLines(entry: EntrySummary, undone: boolean, c: ReturnType<typeof colorsFor>): string {
  const when = entry.time.replace('T', ' ').slice(0, 19);
  const who = entry.onBehalfOf === undefined ? c.bold(entry.author) : `${c.bold(entry.author)} for ${c.bold(entry.onBehalfOf)}`;
  const lines = [`${c.yellow(entry.id)}${undone ? c.dim(' (undone)') : ''}`, `  ${when} UTC  ${who}  ${entry.command}`];
  if (entry.message) lines.push(`  ${entry.message}`);
  if (entry.outline) lines.push(c.dim(`  draft.yaml: ${entry.outline}`));
  for (const change of entry.changes) lines.push(c.dim(`  ${change.paragraph}: ${change.description}`));
  return `${lines.join('\n')}\n`;
}

/** A revision, between the changes: `── revision Rev.1, 2026-11-30 08:00 UTC, Chair: after the first reading`. */
function snapshotLine(revision: RevisionSummary, c: ReturnType<typeof colorsFor>): string {
  const when = revision.time.replace('T', ' ').slice(0, 16);
  return `${c.cyan(`── revision ${revision.name}`)}, ${when} UTC, ${revision.author}${revision.message ? `: ${revision.message}` : ''}\n`;
}
