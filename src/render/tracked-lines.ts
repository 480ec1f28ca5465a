import type { Attribution, AttributedSegment } from '../compare/attribute-changes.js';
import { attributeAll, type Attributing, type AttributionMemo } from '../compare/attribution-memo.js';
import { pairItems } from '../compare/pair-items.js';
import type { TrackedParagraph } from '../compare/tracked-changes.js';
import type { ExportInput } from '../export/export-input.js';
import type { Paragraph } from '../model/schemas.js';
import { paragraphLines, type Line } from './docx-paragraph-lines.js';
import type { Piece } from './docx-runs.js';

/** A piece of a line with its tracked changes: what stayed, and what was deleted and inserted, by whom. */
export interface TrackedPiece {
  piece: Piece;
  segments: AttributedSegment[];
}

/** A line of a changed paragraph; `came` or `went` when the whole line was inserted or deleted, and by whom. */
export interface TrackedLine {
  line: Line;
  pieces: TrackedPiece[];
  came?: Attribution;
  went?: Attribution;
}

/**
 * A changed paragraph as the lines every format lays out (`paragraphLines`: the numbered line,
 * items, alternatives, positions, notes), each piece with its changes attributed. Every version
 * the paragraph went through is laid out, so a marker or a position changed by one entry is
 * that entry's too. Items are named by their pairing from version to version (`pairItems`), not
 * by label: dropping a bracket in one bullet marks that bullet only. A line that came and went
 * between the revision and now is not shown. With a `memo`, the words' attribution made by an
 * earlier run for the same texts is read back (`attributeAll`).
 */
export function trackedLines(tracked: TrackedParagraph, input: ExportInput, unknown: Attribution, spanCaptions: readonly string[] = [], memo?: AttributionMemo): TrackedLine[] {
  const versions = [tracked.base, ...tracked.steps.map((step) => step.paragraph)];
  const keys = itemKeysOf(versions);
  const laidOut = versions.map((p, v) => (p === undefined ? new Map<string, Line>() : new Map(paragraphLines(p, input, spanCaptions, keys[v]).map((line) => [line.label, line]))));
  const first = laidOut[0] as Map<string, Line>;
  const last = laidOut[laidOut.length - 1] as Map<string, Line>;
  const steps = tracked.steps;
  const pairs = pairByLabel([...first.values()], [...last.values()]);
  // Every piece's texts first, attributed together: one memo entry for the paragraph.
  const texts: Attributing[] = [];
  for (const { before, after } of pairs) {
    const line = (after ?? before) as Line;
    line.pieces.forEach((piece, k) => {
      const textIn = (lines: Map<string, Line>) => lines.get(line.label)?.pieces[k]?.text ?? '';
      texts.push({ base: textIn(first), steps: steps.map((step, s) => ({ text: textIn(laidOut[s + 1] as Map<string, Line>), by: step.by })), whole: piece.kind !== 'words' });
    });
  }
  const attributed = attributeAll(texts, unknown, memo);
  let next = 0;
  return pairs.map(({ before, after }) => {
    const line = (after ?? before) as Line;
    const pieces = line.pieces.map((piece) => ({ piece, segments: attributed[next++] as AttributedSegment[] }));
    const result: TrackedLine = { line, pieces };
    // Who made the line come or go: the last step that took it from one state to the other.
    if (before === undefined || after === undefined) {
      const present = laidOut.map((lines) => lines.has(line.label));
      let by = unknown;
      for (let s = 0; s < steps.length; s++) if (present[s] !== present[s + 1] && present[s + 1] === (after !== undefined)) by = (steps[s] as (typeof steps)[number]).by;
      if (after !== undefined) result.came = by;
      else result.went = by;
    }
    return result;
  });
}

/** Consecutive segments of one kind by one author, together. */
export function runsOf<T extends { segment: AttributedSegment }>(segments: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const item of segments) {
    if (item.segment.text === '') continue;
    const last = runs[runs.length - 1]?.[0]?.segment;
    if (last !== undefined && last.kind === item.segment.kind && last.by?.author === item.segment.by?.author && last.by?.date === item.segment.by?.date) (runs[runs.length - 1] as T[]).push(item);
    else runs.push([item]);
  }
  return runs;
}

/** "Changes since Rev.1", for the line that says what the marks are. */
export function changesNote(since: string | undefined): string {
  return since === undefined ? 'Changes' : `Changes since ${since}`;
}

/** The line keys of each version's items: an item keeps its key from the version before while it pairs with one there. */
function itemKeysOf(versions: readonly (Paragraph | undefined)[]): string[][] {
  let fresh = 0;
  const all: string[][] = [];
  let previous: Paragraph | undefined;
  for (const p of versions) {
    const keys: string[] = [];
    if (p !== undefined) {
      const before = previous === undefined ? undefined : all[all.length - 1];
      if (previous !== undefined && before !== undefined) {
        for (const pair of pairItems(previous.items, p.items)) if (pair.after !== undefined) keys[pair.after] = pair.before === undefined ? `item #${++fresh}` : (before[pair.before] as string);
      } else p.items.forEach((_, i) => (keys[i] = `item #${++fresh}`));
    }
    all.push(keys);
    previous = p;
  }
  return all;
}

/** A labelled part (a line) as it was and as it is; one side is missing when it came or went. */
export interface PartPair<T> {
  before?: T;
  after?: T;
}

/**
 * The parts of both lists in reading order, paired by label: the current order, with each part
 * that went since the baseline placed after the part it followed there.
 */
export function pairByLabel<T extends { label: string }>(before: readonly T[], after: readonly T[]): PartPair<T>[] {
  const key = (part: T) => part.label.trim().toLowerCase();
  const afterKeys = new Set(after.map(key));
  const beforeByKey = new Map(before.map((part, index) => [key(part), { part, index }]));
  const pairs: PartPair<T>[] = [];
  let next = 0;
  const flushGone = (upTo: number) => {
    for (; next < upTo; next++) {
      const gone = before[next] as T;
      if (!afterKeys.has(key(gone))) pairs.push({ before: gone });
    }
  };
  for (const part of after) {
    const old = beforeByKey.get(key(part));
    if (old !== undefined && old.index >= next) {
      flushGone(old.index);
      next = old.index + 1;
    }
    pairs.push(old === undefined ? { after: part } : { before: old.part, after: part });
  }
  flushGone(before.length);
  return pairs;
}
