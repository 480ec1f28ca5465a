import { inputError } from '../diagnostics/diagnostic.js';
import type { Attribution } from '../compare/attribute-changes.js';
import { trackedChanges, type TrackedChanges } from '../compare/tracked-changes.js';
import { draftAtRevision } from '../history/revision.js';
import { outlineAddresses } from '../model/outline.js';
import type { Draft, HistoryEntry } from '../model/schemas.js';
import type { ObjectCache } from '../store/object-cache.js';
import type { DraftSide } from './draft-side.js';
import { revisionSide } from './draft-side.js';
import { ObjectStore } from './object-store.js';
import { IMPORT_REVISION, listRevisionNames, storedRevisionName } from './revision-store.js';

/**
 * What `export --changes-since <since>` shows: the working draft against a revision, every
 * change attributed. `since` names a revision (`Rev.1`, `import`, any case), compared as
 * recorded, so hand edits made since count; the history entries made after it attribute the
 * changes they account for. For drafts from before revisions existed, `since` may instead be a
 * history id (or its unique start), or `import` when no revision bears that name: the text as it
 * stood just after that entry, rebuilt from the history. With a `cache`, the revision's
 * paragraphs parsed before are read from it (and those parsed now kept in it: save it after).
 */
export async function changesSince(
  dir: string,
  since: string,
  working: DraftSide,
  draft: Draft,
  history: () => Promise<HistoryEntry[]>,
  unattributed: Attribution,
  cache?: ObjectCache,
): Promise<TrackedChanges> {
  const stored = storedRevisionName(dir, since);
  if (stored !== undefined) {
    const side = await revisionSide(dir, stored, new ObjectStore(dir), { ...(cache ? { cache } : {}), parsers: 'when-prepared' });
    // Only the paragraphs whose files differ are read (trackedChanges skips the others by hash).
    await side.prepare?.([...side.hashes].filter(([address, hash]) => working.hashes.get(address) !== hash).map(([address]) => address));
    const entries = (await history()).filter((entry) => entry.time > side.revision.time);
    return { ...trackedChanges(side, working, entries, unattributed), since: stored };
  }
  const entries = await history();
  const isHistoryId = since.toLowerCase() === IMPORT_REVISION || (/^\d{4}/.test(since) && entries.some((entry) => entry.id.startsWith(since)));
  if (!isHistoryId) {
    const names = listRevisionNames(dir);
    throw inputError(`no revision "${since}"; ${names.length === 0 ? 'the draft has none yet (record one with "ndraft snapshot <name>")' : `the draft has ${names.join(', ')} (see "ndraft revisions")`}, or give a history id from "ndraft log"`);
  }
  const id = since.toLowerCase() === IMPORT_REVISION ? IMPORT_REVISION : since;
  const rebuilt = draftAtRevision(draft, entries, id);
  const later = id === IMPORT_REVISION ? entries : entries.slice(entries.findIndex((entry) => entry.id.startsWith(since)) + 1);
  return { ...trackedChanges(historySide(rebuilt.baseline, draft, working, later), working, later, unattributed), since };
}

/**
 * The draft as the history rebuilds it: each paragraph's "before" in the first entry since that
 * changed it, the outline as the first entry since that changed it found it. A paragraph that
 * no entry changed is the working draft's, so it shares the working draft's hash and is not
 * compared.
 */
function historySide(baseline: ReadonlyMap<string, Draft['paragraphs'][number]>, draft: Draft, working: DraftSide, later: readonly HistoryEntry[]): DraftSide {
  const current = new Map(draft.paragraphs.map((p) => [p.address, p]));
  const meta = later.find((entry) => entry.outline !== undefined)?.outline?.before ?? working.meta;
  const paragraphs = new Map(baseline);
  // A paragraph the outline lists that the history never saw (added by hand) is taken as it is now.
  for (const address of outlineAddresses(meta.sections)) if (!paragraphs.has(address) && current.has(address)) paragraphs.set(address, current.get(address) as Draft['paragraphs'][number]);
  const hashes = new Map<string, string>();
  for (const [address, paragraph] of paragraphs) {
    const hash = working.hashes.get(address);
    hashes.set(address, paragraph === current.get(address) && hash !== undefined ? hash : `history:${address}`);
  }
  return {
    name: 'history',
    meta,
    hashes,
    figures: working.figures,
    paragraph: (address) => {
      const paragraph = paragraphs.get(address);
      if (paragraph === undefined) throw new Error(`internal error: the history has no paragraph ${address}`);
      return paragraph;
    },
  };
}
