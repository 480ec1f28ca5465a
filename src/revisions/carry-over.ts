import { labelKey } from '../model/match-label.js';
import { isAgreed, paragraphSlots } from '../model/paragraph-slots.js';
import type { Alternative, Item, Note, Paragraph } from '../model/schemas.js';
import { STANCE_FIELDS, STANCES } from '../model/stances.js';
import { withoutStaleBracketPositions } from '../resolve/bracket-positions.js';

/** What a paragraph of the draft gives the same paragraph of a later text, and what it could not. */
export interface CarriedOver {
  paragraph: Paragraph;
  /** Agreement kept where the later text left the wording as it was but printed no marker: "paragraph", "item f)". */
  agreementKept: string[];
  /** What could not go along, said plainly: `positions on "Alt 4" (not in the new text)`. */
  dropped: string[];
}

/**
 * The paragraph of a later text (`imported`), as the draft's paragraph `kept` becomes: the later
 * text's words, numbers, statuses and structure, with what was set in ndraft carried over where
 * its place still exists: the address, positions on alternatives (matched by label, or by the
 * same wording under another label), their scope, notes signed by a person (`ndraft note`), and
 * positions on brackets still standing as written (`withoutStaleBracketPositions`). Agreement
 * reached in the room is not undone by a text that prints no "(Agreed)": where the wording is
 * the same, an agreed paragraph or item stays agreed. Pure.
 */
export function carryOver(kept: Paragraph, imported: Paragraph): CarriedOver {
  const dropped: string[] = [];
  const agreementKept: string[] = [];
  const next: Paragraph = { ...structuredClone(imported), address: kept.address };

  if (keepsAgreement(kept.status, imported.status) && sameWording(kept, imported)) {
    next.status = kept.status;
    agreementKept.push('paragraph');
  }
  next.items = imported.items.map((item) => {
    const before = kept.items.find((old) => labelKey(old.label) === labelKey(item.label));
    if (!before) return item;
    const carried: Item = { ...item };
    if (keepsAgreement(before.status, item.status) && before.text === item.text && (item.alternatives ?? []).length === 0) {
      carried.status = before.status;
      agreementKept.push(`item ${item.label}`);
    }
    const notes = mergeNotes(item.notes, before.notes);
    if (notes) carried.notes = notes;
    const alternatives = carryAlternatives(before.alternatives ?? [], item.alternatives ?? [], `item ${item.label} `, dropped);
    if (alternatives.length > 0) carried.alternatives = alternatives;
    return carried;
  });
  for (const old of kept.items) {
    if (!imported.items.some((item) => labelKey(item.label) === labelKey(old.label))) dropLost(`item ${old.label}`, old.notes, old.alternatives ?? [], dropped);
  }
  next.alternatives = carryAlternatives(kept.alternatives, imported.alternatives, '', dropped);
  const notes = mergeNotes(imported.notes, kept.notes);
  if (notes) next.notes = notes;

  if (kept.bracketPositions !== undefined) {
    const withPositions = withoutStaleBracketPositions({ ...next, bracketPositions: kept.bracketPositions });
    const left = new Set((withPositions.bracketPositions ?? []).map((p) => `${p.in} ${p.bracket}`));
    for (const p of kept.bracketPositions) if (!left.has(`${p.in} ${p.bracket}`)) dropped.push(`positions on bracket ${p.bracket} in ${p.in} (not there as written in the new text)`);
    if (withPositions.bracketPositions !== undefined) next.bracketPositions = withPositions.bracketPositions;
  }
  return { paragraph: next, agreementKept, dropped };
}

/** Whether the wording (every text: the paragraph's, its items' and the alternatives') is the same on both sides. */
export function sameWording(a: Paragraph, b: Paragraph): boolean {
  const slotsA = paragraphSlots(a);
  const slotsB = paragraphSlots(b);
  return a.bracketed === b.bracketed && slotsA.length === slotsB.length && slotsA.every((slot, i) => slot.name === slotsB[i]?.name && sameText(slot.text, slotsB[i]?.text ?? ''));
}

/** The same words, spacing aside; most texts of a later revision are unchanged, and equal strings need no normalising. */
function sameText(a: string, b: string): boolean {
  return a === b || normal(a) === normal(b);
}

function normal(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** An agreement in the draft survives a later text that marks nothing (open); any other status the text gives wins. */
function keepsAgreement(before: Paragraph['status'] | undefined, after: Paragraph['status'] | undefined): boolean {
  return isAgreed(before) && (after === undefined || after === 'open');
}

/**
 * The later text's alternatives, each with the positions, scope and signed notes of the draft's
 * alternative it continues: the one with the same label (`Alt 3`, `alt3`), else the one with the
 * same wording. A delegation's position in the text itself (an attribution it prints) wins over
 * the one recorded in ndraft.
 */
function carryAlternatives(before: readonly Alternative[], after: readonly Alternative[], place: string, dropped: string[]): Alternative[] {
  const used = new Set<Alternative>();
  const result = after.map((alt) => {
    const old =
      before.find((b) => !used.has(b) && labelKey(b.label) === labelKey(alt.label)) ?? before.find((b) => !used.has(b) && sameText(b.text, alt.text));
    if (!old) return alt;
    used.add(old);
    const carried: Alternative = { ...alt };
    const inText = new Set(STANCES.flatMap((stance) => alt[STANCE_FIELDS[stance]] ?? []));
    for (const stance of STANCES) {
      const field = STANCE_FIELDS[stance];
      const names = [...(alt[field] ?? []), ...(old[field] ?? []).filter((name) => !inText.has(name))];
      if (names.length > 0) carried[field] = [...new Set(names)];
    }
    if (carried.scope === undefined && old.scope !== undefined) carried.scope = old.scope;
    const notes = mergeNotes(alt.notes, old.notes);
    if (notes) carried.notes = notes;
    return carried;
  });
  for (const old of before) if (!used.has(old)) dropLost(`${place}${old.label}`, old.notes, [old], dropped);
  return result;
}

/** The later text's notes, then the draft's notes signed by a person (`ndraft note`) that it does not print already. */
function mergeNotes(fromText: readonly Note[] | undefined, fromDraft: readonly Note[] | undefined): Note[] | undefined {
  const signed = (fromDraft ?? []).filter((note) => note.author !== undefined && !(fromText ?? []).some((t) => sameText(t.text, note.text)));
  const notes = [...(fromText ?? []), ...signed];
  return notes.length > 0 ? notes : undefined;
}

/** Records what leaves with a place the new text no longer has: its positions and signed notes. */
function dropLost(name: string, notes: readonly Note[] | undefined, alternatives: readonly Alternative[], dropped: string[]): void {
  const signed = (notes ?? []).filter((note) => note.author !== undefined).length;
  if (signed > 0) dropped.push(`${signed} note${signed === 1 ? '' : 's'} on ${name} (not in the new text)`);
  for (const alt of alternatives) {
    const held = STANCES.some((stance) => (alt[STANCE_FIELDS[stance]] ?? []).length > 0);
    if (held) dropped.push(`positions on "${alt.label}"${name.endsWith(alt.label) ? '' : ` of ${name}`} (not in the new text)`);
  }
}
