import { isDeepStrictEqual } from 'node:util';
import { outlineAddresses } from '../model/outline.js';
import type { HistoryEntry, Paragraph } from '../model/schemas.js';
import type { DraftSide } from '../revisions/draft-side.js';
import type { Attribution } from './attribute-changes.js';
import type { AttributionMemo } from './attribution-memo.js';
import { alignParagraphs } from './align-paragraphs.js';
import { sameAsStored } from './same-as-stored.js';

/** A paragraph as one change left it (undefined: gone), and who made that change. */
export interface ParagraphStep {
  paragraph: Paragraph | undefined;
  by: Attribution;
}

/** A paragraph that changed since the revision: as it was, as it is, and the changes between, in order. */
export interface TrackedParagraph {
  base?: Paragraph;
  current?: Paragraph;
  /** From `base` to `current`: the history entries that changed it, and "unattributed" steps for what they do not account for (hand edits). */
  steps: ParagraphStep[];
  /** The SHA-1 of the file `base` was read from, when known: it names that paragraph (a format's memo keys on it). */
  baseHash?: string;
  /** Likewise for `current`. */
  currentHash?: string;
}

export interface TrackedChanges {
  /** The paragraphs of the working draft that changed or came since, by address. */
  changed: Map<string, TrackedParagraph>;
  /** The paragraphs gone from the outline, by the address of the working draft's paragraph they stood after ("" before the first). */
  removed: Map<string, TrackedParagraph[]>;
  /** Who a change is given to when no history entry made it. */
  unattributed: Attribution;
  /** The revision the changes are since, as the user named it: "Rev.1", "import". */
  since?: string;
  /** Where the formats keep the words' attribution between runs (`attributeAll`). */
  memo?: AttributionMemo;
}

/**
 * Tracked changes from the compare engine: the paragraphs that differ between a revision (`a`)
 * and the working draft (`b`), aligned as `compare` aligns them (by address, then by content)
 * and compared as texts so that hand edits count, each with the chain of changes that led
 * from one to the other. The chain is the history entries made since the
 * revision (`entries`, oldest first) that touched the paragraph; wherever an entry's "before"
 * is not the text the chain has reached (somebody edited the file by hand), and after the last
 * entry if the file differs from what it left, an unattributed step fills the gap. So every
 * change is accounted for, and each by who made it.
 */
export function trackedChanges(a: DraftSide, b: DraftSide, entries: readonly HistoryEntry[], unattributed: Attribution): TrackedChanges {
  const recorded = recordedChanges(entries);
  const changed = new Map<string, TrackedParagraph>();
  const removed = new Map<string, TrackedParagraph[]>();
  const orderA = outlineAddresses(a.meta.sections);
  const inB = new Set(outlineAddresses(b.meta.sections));
  // Aligned as compare aligns them; a pair is not compared word by word here (the formats do
  // that, with the history), only told changed or not: by its files' hashes, then its content.
  const pairs = alignParagraphs(orderA, [...inB], a.paragraph, b.paragraph);
  const aToB = new Map<string, string>();
  for (const pair of pairs) if (pair.a !== undefined && pair.b !== undefined) aToB.set(pair.a, pair.b);
  for (const pair of pairs) {
    if (pair.a !== undefined && pair.b !== undefined && a.hashes.get(pair.a) !== undefined && a.hashes.get(pair.a) === b.hashes.get(pair.b)) continue;
    const base = pair.a === undefined ? undefined : a.paragraph(pair.a);
    const current = pair.b === undefined ? undefined : b.paragraph(pair.b);
    if (base !== undefined && current !== undefined && sameParagraph(base, current)) continue;
    const addresses = new Set([pair.a, pair.b].filter((x): x is string => x !== undefined));
    const steps = paragraphSteps(base, current, recorded, addresses, unattributed);
    const baseHash = fileHash(pair.a === undefined ? undefined : a.hashes.get(pair.a));
    const currentHash = fileHash(pair.b === undefined ? undefined : b.hashes.get(pair.b));
    const tracked: TrackedParagraph = { ...(base ? { base } : {}), ...(current ? { current } : {}), steps, ...(baseHash ? { baseHash } : {}), ...(currentHash ? { currentHash } : {}) };
    if (pair.b !== undefined) changed.set(pair.b, tracked);
    else if (pair.a !== undefined) {
      const after = standsAfter(pair.a, orderA, (address) => aToB.get(address));
      removed.set(after, [...(removed.get(after) ?? []), tracked]);
    }
  }
  return { changed, removed, unattributed };
}

/** A side's hash when it is a file's SHA-1; a side rebuilt from the history names the paragraphs it rebuilt otherwise. */
function fileHash(hash: string | undefined): string | undefined {
  return hash !== undefined && /^[0-9a-f]{40}$/.test(hash) ? hash : undefined;
}

/** The working draft's paragraph that a paragraph of `a` now gone stood after: the nearest one before it that is still there. */
function standsAfter(address: string, orderA: readonly string[], inB: (address: string) => string | undefined): string {
  for (let i = orderA.indexOf(address) - 1; i >= 0; i--) {
    const there = inB(orderA[i] as string);
    if (there !== undefined) return there;
  }
  return '';
}

interface RecordedChange {
  before: Paragraph | null;
  after: Paragraph | null;
  by: Attribution;
}

/** Each paragraph's recorded changes, oldest first, by address. */
function recordedChanges(entries: readonly HistoryEntry[]): Map<string, RecordedChange[]> {
  const byAddress = new Map<string, RecordedChange[]>();
  for (const entry of entries) {
    const by = entryAttribution(entry);
    for (const change of entry.changes) byAddress.set(change.paragraph, [...(byAddress.get(change.paragraph) ?? []), { before: change.before, after: change.after, by }]);
  }
  return byAddress;
}

/** A history entry as the author of its changes: the person, and the delegation it was entered for ("Ana for EU"). */
export function entryAttribution(entry: HistoryEntry): Attribution {
  return { author: entry.onBehalfOf === undefined ? entry.author : `${entry.author} for ${entry.onBehalfOf}`, date: entry.time, entry: entry.id };
}

/** The chain from `base` to `current`: the recorded changes, with unattributed steps where they leave a gap. */
export function paragraphSteps(base: Paragraph | undefined, current: Paragraph | undefined, recorded: ReadonlyMap<string, readonly RecordedChange[]>, addresses: ReadonlySet<string>, unattributed: Attribution): ParagraphStep[] {
  const changes = [...addresses].flatMap((address) => recorded.get(address) ?? []);
  // Two addresses (a paragraph matched by content) may both have changes: the entries' order is their dates'.
  if (addresses.size > 1) changes.sort((x, y) => x.by.date.localeCompare(y.by.date));
  const steps: ParagraphStep[] = [];
  let reached = base;
  for (const change of changes) {
    const before = change.before ?? undefined;
    if (!sameParagraph(before, reached)) steps.push({ paragraph: before, by: unattributed });
    steps.push({ paragraph: change.after ?? undefined, by: change.by });
    reached = change.after ?? undefined;
  }
  if (!sameParagraph(reached, current)) steps.push({ paragraph: current, by: unattributed });
  return steps;
}

/**
 * Equal as stored: a field left out and one written as nothing are the same. A thousand changed
 * paragraphs are asked about, most of them twice and equal: walked once (`sameAsStored`), without
 * building their JSON; the round trip through JSON and the deep compare only for what that walk
 * cannot answer.
 */
function sameParagraph(x: Paragraph | undefined, y: Paragraph | undefined): boolean {
  if (x === undefined || y === undefined) return x === y;
  if (x === y) return true;
  const same = sameAsStored(x, y);
  if (same !== undefined) return same;
  const jsonX = JSON.stringify(x);
  const jsonY = JSON.stringify(y);
  return jsonX === jsonY || isDeepStrictEqual(JSON.parse(jsonX), JSON.parse(jsonY));
}
