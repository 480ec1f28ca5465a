import { isDeepStrictEqual } from 'node:util';
import type { Change } from 'diff';
import { diffWordings } from '../diff/wording-diff.js';
import type { Conventions } from '../model/conventions-schema.js';
import { outlineAddresses } from '../model/outline.js';
import { isAgreed, paragraphSlots } from '../model/paragraph-slots.js';
import { isReservedFileName } from '../model/reserved-names.js';
import type { Draft, DraftMeta, Paragraph } from '../model/schemas.js';
import { carryOver, sameWording } from './carry-over.js';
import { matchImportedParagraphs } from './match-imported-paragraphs.js';
import { carrySectionNotes, remapOutline } from './remap-outline.js';

/** The draft a later text is imported into: its outline and each paragraph by address. */
export interface DraftBeingUpdated {
  meta: DraftMeta;
  paragraph(address: string): Paragraph;
}

export interface ImportIntoOptions {
  /** The revision the later text is recorded as (`--as Rev.2`): it names the addresses of new paragraphs whose own is taken. */
  revision: string;
  /** A new title (`--title`); the draft keeps its own otherwise. */
  title?: string;
  /** The conventions to store: the draft's and any `--conventions` file's. */
  conventions?: Conventions;
}

/** A paragraph that was agreed and that the later text rewords: said loudly, with its word diff. */
export interface AgreedReworded {
  address: string;
  /** Its number as printed before, and now. */
  before?: string | undefined;
  after?: string | undefined;
  /** Each of its texts that changed (`text`, `item f)`, `Alt 2`), as a word diff. */
  diffs: { name: string; changes: Change[] }[];
  /** Whether the later text still marks it agreed. */
  stillAgreed: boolean;
  /** Set when the later text puts the whole paragraph in brackets, or takes them off. */
  bracketed?: { before: boolean; after: boolean };
}

export interface ImportIntoReport {
  /** Paragraphs of the later text matched with one of the draft: by number, or by content where the number changed. */
  matchedByNumber: number;
  matchedByContent: number;
  unchanged: number;
  updated: string[];
  renumbered: { address: string; before?: string | undefined; after?: string | undefined }[];
  /** New paragraphs, by their address (which is the imported one unless the draft used it already). */
  added: string[];
  removed: string[];
  agreedReworded: AgreedReworded[];
  /** Removed paragraphs that were agreed or carried work done in ndraft (positions, signed notes). */
  removedWithWork: { address: string; what: string[] }[];
  agreementKept: string[];
  /** Paragraphs deleted in the draft (status deleted) that the later text prints again, without a "(Deleted)": open again. */
  reinstated: string[];
  /** Positions and notes that had nowhere to go, by paragraph. */
  dropped: { address: string; what: string }[];
}

export interface ImportIntoResult {
  meta: DraftMeta;
  /** Every paragraph that changes: updated (before and after), added (before null), removed (after null). */
  changes: { paragraph: string; before: Paragraph | null; after: Paragraph | null }[];
  /** Every paragraph of the result, in reading order. */
  paragraphs: Paragraph[];
  report: ImportIntoReport;
}

/**
 * A later revision of the same text (the chair's Rev.2), already read into a draft of its own
 * (`imported`: from text, Word or PDF alike), made the text of `draft`. Each paragraph of the
 * later text is matched with the draft's (`matchImportedParagraphs`) and keeps that one's
 * address and what was set in ndraft (`carryOver`); new ones get addresses of their own; the
 * draft's paragraphs the later text no longer has are removed (history and the earlier
 * revisions keep them, and `compare` shows them deleted). The outline, preamble, closing and
 * notes are the later text's; the title, symbol and date stay the draft's. Pure.
 */
export function importIntoDraft(draft: DraftBeingUpdated, imported: Draft, options: ImportIntoOptions): ImportIntoResult {
  const draftAddresses = outlineAddresses(draft.meta.sections);
  const importedByAddress = new Map(imported.paragraphs.map((p) => [p.address, p]));
  const importedParagraph = (address: string) => importedByAddress.get(address) as Paragraph;
  const match = matchImportedParagraphs({ addresses: draftAddresses, paragraph: draft.paragraph }, { addresses: imported.paragraphs.map((p) => p.address), paragraph: importedParagraph });

  const report: ImportIntoReport = {
    matchedByNumber: match.pairs.filter((p) => p.by === 'number').length,
    matchedByContent: match.pairs.filter((p) => p.by === 'content').length,
    unchanged: 0,
    updated: [],
    renumbered: [],
    added: [],
    removed: match.removed,
    agreedReworded: [],
    removedWithWork: [],
    agreementKept: [],
    reinstated: [],
    dropped: [],
  };
  const finalAddress = new Map<string, string>();
  const changes: ImportIntoResult['changes'] = [];
  const results = new Map<string, Paragraph>();
  for (const pair of match.pairs) {
    const before = draft.paragraph(pair.draft);
    const later = importedParagraph(pair.imported);
    const carried = carryOver(before, later);
    const after = carried.paragraph;
    finalAddress.set(pair.imported, pair.draft);
    results.set(pair.imported, after);
    for (const what of carried.dropped) report.dropped.push({ address: after.address, what });
    for (const where of carried.agreementKept) report.agreementKept.push(where === 'paragraph' ? after.address : `${after.address} ${where}`);
    if (before.number !== after.number) report.renumbered.push({ address: after.address, before: before.number, after: after.number });
    if (isAgreed(before.status) && !sameWording(before, later)) {
      report.agreedReworded.push({
        address: after.address,
        before: before.number,
        after: after.number,
        diffs: wordingDiffs(before, after),
        stillAgreed: isAgreed(after.status),
        ...(before.bracketed !== after.bracketed ? { bracketed: { before: before.bracketed, after: after.bracketed } } : {}),
      });
    }
    if (before.status === 'deleted' && after.status !== 'deleted') report.reinstated.push(after.address);
    if (isDeepStrictEqual(before, after)) report.unchanged++;
    else {
      report.updated.push(after.address);
      changes.push({ paragraph: after.address, before, after });
    }
  }

  // New paragraphs keep their imported address where the draft has not used it.
  const taken = new Set(draftAddresses.map((a) => a.toLowerCase()));
  for (const address of match.added) {
    const own = freeAddress(address, options.revision, taken);
    taken.add(own.toLowerCase());
    finalAddress.set(address, own);
    const after = { ...importedParagraph(address), address: own };
    results.set(address, after);
    report.added.push(own);
    changes.push({ paragraph: own, before: null, after });
  }
  for (const address of match.removed) {
    const before = draft.paragraph(address);
    const work = workDoneOn(before);
    if (work.length > 0) report.removedWithWork.push({ address, what: work });
    changes.push({ paragraph: address, before, after: null });
  }

  const meta: DraftMeta = {
    ...imported.meta,
    title: options.title ?? draft.meta.title,
    sections: carrySectionNotes(remapOutline(imported.meta.sections, finalAddress), draft.meta.sections),
  };
  for (const key of ['symbol', 'date'] as const) {
    const value = draft.meta[key];
    if (value !== undefined) meta[key] = value;
  }
  if (options.conventions !== undefined) meta.conventions = options.conventions;
  else delete meta.conventions;
  return { meta, changes, paragraphs: imported.paragraphs.map((p) => results.get(p.address) as Paragraph), report };
}

/**
 * `address` when the draft has no paragraph there, else one named after the revision that
 * brought it: `46-rev2` (a paragraph inserted as 46 where 46 is still the draft's, now 47).
 */
function freeAddress(address: string, revision: string, taken: ReadonlySet<string>): string {
  const free = (candidate: string) => !taken.has(candidate.toLowerCase()) && !isReservedFileName(candidate);
  if (free(address)) return address;
  const suffix = revision.toLowerCase().replace(/[^0-9a-z]+/gu, '') || 'new';
  for (let n = 1; ; n++) {
    const candidate = `${address}-${suffix}${n === 1 ? '' : `-${n}`}`;
    if (free(candidate)) return candidate;
  }
}

/** Each text of the paragraph that differs between the two, as a word diff (a text only on one side is all deleted or inserted). */
export function wordingDiffs(before: Paragraph, after: Paragraph): { name: string; changes: Change[] }[] {
  const a = new Map(paragraphSlots(before).map((s) => [s.name, s.text]));
  const b = new Map(paragraphSlots(after).map((s) => [s.name, s.text]));
  const names = [...new Set([...a.keys(), ...b.keys()])];
  return names.flatMap((name) => {
    const x = a.get(name) ?? '';
    const y = b.get(name) ?? '';
    return x.replace(/\s+/gu, ' ').trim() === y.replace(/\s+/gu, ' ').trim() ? [] : [{ name, changes: diffWordings(x, y) }];
  });
}

/** What was set on a paragraph that leaves with it: agreement, positions, signed notes. */
function workDoneOn(paragraph: Paragraph): string[] {
  const work: string[] = [];
  if (isAgreed(paragraph.status)) work.push(paragraph.status === 'agreed' ? 'agreed' : 'agreed ad ref');
  const alternatives = [...paragraph.alternatives, ...paragraph.items.flatMap((i) => i.alternatives ?? [])];
  const positions = alternatives.filter((a) => (a.proposedBy?.length ?? 0) + (a.supportedBy?.length ?? 0) + (a.opposedBy?.length ?? 0) > 0).length + (paragraph.bracketPositions?.length ?? 0);
  if (positions > 0) work.push(`positions on ${positions} wording${positions === 1 ? '' : 's'}`);
  const notes = [...(paragraph.notes ?? []), ...paragraph.items.flatMap((i) => i.notes ?? [])].filter((n) => n.author !== undefined).length;
  if (notes > 0) work.push(`${notes} signed note${notes === 1 ? '' : 's'}`);
  return work;
}
