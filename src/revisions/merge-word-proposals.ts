import { isDeepStrictEqual } from 'node:util';
import { nextParagraphLabel } from '../importer/docx/tracked-alternatives.js';
import { insertAfter } from '../reconcile/keep-both.js';
import { MATCH_THRESHOLD, sharedWords } from '../compare/align-paragraphs.js';
import { outlineAddresses } from '../model/outline.js';
import { isAgreed } from '../model/paragraph-slots.js';
import type { Alternative, Draft, DraftMeta, Item, Note, Paragraph } from '../model/schemas.js';

/** The draft a delegation's Word copy is read into: its outline and each paragraph by address. */
export interface DraftReceiving {
  meta: DraftMeta;
  paragraph(address: string): Paragraph;
}

/** What the delegation's copy brought, paragraph by paragraph, for the summary and --json. */
export interface WordProposalsReport {
  /** Paragraphs given new alternatives (tracked changes, or words edited without tracking). */
  proposals: { address: string; label: string; proposedBy: string[]; untracked: boolean }[];
  /** Notes added (Word comments, and the readers' notes on whole insertions and deletions). */
  notes: { address: string; author?: string | undefined }[];
  /** Paragraphs of the copy the draft has not: added bracketed, after the paragraph before them in the copy. */
  added: { address: string; after?: string | undefined }[];
  /** Paragraphs the copy puts in brackets whole (a tracked deletion): a proposal to delete them. */
  deletionsProposed: string[];
  /** Paragraphs whose words differ from the draft's though no change was tracked. */
  untracked: string[];
  /** Agreed paragraphs they proposed changes to: kept as notes, the agreement stands (`ndraft reopen` first to make them alternatives). */
  onAgreed: string[];
  /** Paragraphs of the copy found in the draft under the same address with like words: none means the copy is not of this draft. */
  matched: number;
}

export interface WordProposals {
  meta: DraftMeta;
  changes: { before: Paragraph | null; after: Paragraph }[];
  report: WordProposalsReport;
}

/**
 * A delegation's Word copy of the draft (ndraft's own export, edited with track changes on),
 * already read into a draft (`readDocxSource`: the base text with their tracked changes rejected,
 * each author's changes as alternatives proposed by that delegation, comments as notes), laid
 * over the draft without touching its text. Paragraphs are matched by the address ndraft printed
 * and the reader gave back; as the export reads back unchanged, whatever the copy has that the
 * draft has not is theirs: alternatives and notes the draft lacks are added (alternatives
 * relabelled after the draft's), a paragraph whose base words differ (edited without tracking)
 * gets them as an alternative by `editor`, one bracketed whole is proposed for deletion, and a
 * paragraph the draft lacks is added after its predecessor, bracketed. Nothing is dropped. Pure.
 */
export function mergeWordProposals(draft: DraftReceiving, copy: Draft, editor: string): WordProposals {
  const known = new Set(outlineAddresses(draft.meta.sections));
  const sections = structuredClone(draft.meta.sections);
  const report: WordProposalsReport = { proposals: [], notes: [], added: [], deletionsProposed: [], untracked: [], onAgreed: [], matched: 0 };
  const changes: WordProposals['changes'] = [];
  let previous: string | undefined;
  // The draft's preamble and closing, printed by the export as running text, may read back as unnumbered paragraphs.
  const outside = new Set([draft.meta.preamble, draft.meta.closing].flatMap((t) => (t === undefined ? [] : [words(t)])));
  for (const theirs of copy.paragraphs) {
    if (!known.has(theirs.address) && theirs.number === undefined && theirs.items.length === 0 && outside.has(words(theirs.text))) continue;
    if (!known.has(theirs.address)) {
      const after = previous;
      if (after === undefined || !insertAfter(sections, after, theirs.address)) sections.at(-1)?.paragraphs.push(theirs.address);
      known.add(theirs.address);
      changes.push({ before: null, after: { ...theirs, status: 'open', bracketed: true } });
      report.added.push({ address: theirs.address, ...(after !== undefined ? { after } : {}) });
      previous = theirs.address;
      continue;
    }
    previous = theirs.address;
    const before = draft.paragraph(theirs.address);
    if (before.text === theirs.text || sharedWords(before, theirs) >= MATCH_THRESHOLD) report.matched++;
    const after = isAgreed(before.status) ? notesOnAgreed(before, theirs, editor, report) : overlay(before, theirs, editor, report);
    if (!isDeepStrictEqual(after, before)) changes.push({ before, after });
  }
  const meta = report.added.length > 0 ? { ...draft.meta, sections } : draft.meta;
  return { meta, changes, report };
}

/**
 * An agreed paragraph takes no alternatives nor brackets: what they propose for it is kept as
 * notes (nothing of theirs is lost), and said, so that the chair may reopen it.
 */
function notesOnAgreed(ours: Paragraph, theirs: Paragraph, editor: string, report: WordProposalsReport): Paragraph {
  const open = overlay({ ...ours, status: 'open' }, theirs, editor, { ...report, proposals: [], notes: [], deletionsProposed: [], untracked: [] });
  const p = structuredClone(ours);
  const proposed = open.alternatives.slice(ours.alternatives.length).map((a): Note => ({ text: `Proposed wording: ${a.text}`, kind: 'comment', ...(a.proposedBy?.[0] ? { author: a.proposedBy[0] } : {}) }));
  const deletion: Note[] = open.bracketed && !ours.bracketed ? [{ text: 'Proposed for deletion', kind: 'comment', author: editor }] : [];
  addNotes(p, [...proposed, ...deletion, ...(theirs.notes ?? [])], p.address, report);
  if (!isDeepStrictEqual(p, ours)) report.onAgreed.push(p.address);
  return p;
}

/** The draft's paragraph with what the copy adds to it. */
function overlay(ours: Paragraph, theirs: Paragraph, editor: string, report: WordProposalsReport): Paragraph {
  const p = structuredClone(ours);
  const propose = (alt: Alternative, untracked: boolean) => {
    const label = nextParagraphLabel(p);
    p.alternatives.push({ ...alt, label });
    report.proposals.push({ address: p.address, label, proposedBy: alt.proposedBy ?? [], untracked });
  };
  const proposed = (text: string) => ours.alternatives.some((a) => a.text === text);
  if (theirs.text !== ours.text && !proposed(theirs.text)) {
    propose({ label: '', text: theirs.text, proposedBy: [editor] }, true);
    report.untracked.push(p.address);
  }
  for (const alt of theirs.alternatives) {
    const same = ours.alternatives.find((a) => a.label === alt.label);
    if (same && same.text === alt.text) {
      addNotes(p.alternatives.find((a) => a.label === alt.label) as Alternative, alt.notes, p.address, report);
      continue;
    }
    if (proposed(alt.text)) continue;
    if (same) {
      // One of the draft's alternatives, reworded with tracking off: theirs, not its proposers'.
      propose({ label: '', text: alt.text, proposedBy: [editor], notes: [{ text: `Rewords ${same.label} (edited in Word without tracking)`, kind: 'comment', author: editor }] }, true);
      if (!report.untracked.includes(p.address)) report.untracked.push(p.address);
      continue;
    }
    propose(alt, false);
  }
  theirs.items.forEach((item, i) => {
    const mine = p.items[i];
    if (mine === undefined || mine.label !== item.label) {
      // An item the draft has not: kept as a note, nothing of theirs is lost.
      p.notes = [...(p.notes ?? []), { text: `Proposed item ${item.label} ${item.text} (from Word)`, kind: 'comment', ...(item.alternatives?.[0]?.proposedBy?.[0] ? { author: item.alternatives[0].proposedBy[0] } : {}) }];
      report.notes.push({ address: p.address });
      return;
    }
    mergeItem(mine, ours.items[i] as Item, item, p, editor, report);
  });
  if (theirs.bracketed && !ours.bracketed) {
    p.bracketed = true;
    report.deletionsProposed.push(p.address);
  }
  addNotes(p, theirs.notes, p.address, report);
  return p;
}

function mergeItem(mine: Item, ours: Item, item: Item, p: Paragraph, editor: string, report: WordProposalsReport): void {
  const label = () => `Alt ${`${p.number ?? p.address}${mine.label}`.replace(/[^0-9A-Za-z]/g, '')}${(mine.alternatives?.length ?? 0) + 1}`;
  const propose = (alt: Alternative, untracked: boolean) => {
    if (isAgreed(mine.status)) {
      // An agreed item takes no alternative: theirs is kept as a note on it.
      addNotes(mine, [{ text: `Proposed wording: ${alt.text}`, kind: 'comment', ...(alt.proposedBy?.[0] ? { author: alt.proposedBy[0] } : {}) }], p.address, report);
      if (!report.onAgreed.includes(p.address)) report.onAgreed.push(p.address);
      return;
    }
    const named = label();
    mine.alternatives = [...(mine.alternatives ?? []), { ...alt, label: named }];
    report.proposals.push({ address: p.address, label: named, proposedBy: alt.proposedBy ?? [], untracked });
  };
  if (item.text !== ours.text && !(ours.alternatives ?? []).some((a) => a.text === item.text)) {
    propose({ label: '', text: item.text, proposedBy: [editor] }, true);
    if (!report.untracked.includes(p.address)) report.untracked.push(p.address);
  }
  for (const alt of item.alternatives ?? []) {
    if ((ours.alternatives ?? []).some((a) => a.text === alt.text)) continue;
    propose(alt, false);
  }
  addNotes(mine, item.notes, p.address, report);
}

/** Their notes the part has not yet (the export prints the draft's own, which read back the same). */
function addNotes(part: { notes?: Note[] | undefined }, theirs: readonly Note[] | undefined, address: string, report: WordProposalsReport): void {
  for (const note of theirs ?? []) {
    if ((part.notes ?? []).some((n) => n.text === note.text && n.author === note.author)) continue;
    part.notes = [...(part.notes ?? []), note];
    report.notes.push({ address, author: note.author });
  }
}

function words(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
