import type { ParagraphChild } from 'docx';
import { WordingDiff } from '../diff/wording-diff.js';
import { pieceSpans, safeText, toRuns, type Piece, type RevisionKind, type RevisionMark } from './docx-runs.js';

/**
 * Tracked changes: which words changed between two wordings, which labelled parts (items,
 * alternatives) came and went, the revision marks, and the runs of a piece against its baseline.
 */

/** A piece against its baseline: literal pieces replaced as a whole, wordings word by word. */
export function revisedRuns(old: Piece | undefined, now: Piece, mark: () => RevisionMark): ParagraphChild[] {
  const before = old?.text ?? '';
  if (before === now.text) return toRuns(pieceSpans(now));
  if (now.kind === 'literal') return [...toRuns(pieceSpans(now, before), { kind: 'deleted', mark }), ...toRuns(pieceSpans(now), { kind: 'inserted', mark })];
  return wordingSegments(before, now.text).flatMap((segment) => toRuns(pieceSpans(now, segment.text), segment.kind === 'same' ? undefined : { kind: segment.kind, mark }));
}

/** A stretch of a wording: unchanged, or one side of a change. */
export interface WordingSegment {
  kind: 'same' | RevisionKind;
  text: string;
}

/**
 * The wording `after` as unchanged, deleted and inserted stretches against `before`, word by word
 * (`diffWordings`: a top-level bracket moves as one unit, spacing is not compared). The text of
 * each stretch is cut from the wording it belongs to, token by token, so accepting every change
 * gives `after` exactly, and rejecting every change gives the words of `before`.
 */
export function wordingSegments(before: string, after: string): WordingSegment[] {
  if (before === after) return after === '' ? [] : [{ kind: 'same', text: after }];
  const differ = new WordingDiff();
  const oldTokens = differ.tokenize(before).filter((t) => t !== '');
  const newTokens = differ.tokenize(after).filter((t) => t !== '');
  const segments: WordingSegment[] = [];
  let o = 0;
  let n = 0;
  for (const change of differ.diff(before, after)) {
    const count = change.count;
    if (change.removed) {
      segments.push({ kind: 'deleted', text: oldTokens.slice(o, o + count).join('') });
      o += count;
    } else if (change.added) {
      segments.push({ kind: 'inserted', text: newTokens.slice(n, n + count).join('') });
      n += count;
    } else {
      segments.push({ kind: 'same', text: newTokens.slice(n, n + count).join('') });
      o += count;
      n += count;
    }
  }
  return shareEdgeSpacing(segments);
}

/**
 * A deletion and the insertion after it that start with the same spacing give it to the text
 * before them, so the change reads `the <del>necessity</del><ins>importance</ins> of`.
 */
function shareEdgeSpacing(segments: WordingSegment[]): WordingSegment[] {
  const result: WordingSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const deletion = segments[i] as WordingSegment;
    const insertion = segments[i + 1];
    if (deletion.kind === 'deleted' && insertion?.kind === 'inserted') {
      const shared = commonLeadingSpace(deletion.text, insertion.text);
      if (shared !== '' && shared !== deletion.text && shared !== insertion.text) {
        result.push({ kind: 'same', text: shared });
        deletion.text = deletion.text.slice(shared.length);
        insertion.text = insertion.text.slice(shared.length);
      }
    }
    if (deletion.text !== '') result.push(deletion);
  }
  // Unchanged stretches that now touch become one run.
  return result.reduce<WordingSegment[]>((merged, segment) => {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.kind === 'same' && segment.kind === 'same') last.text += segment.text;
    else merged.push(segment);
    return merged;
  }, []);
}

function commonLeadingSpace(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i] && /\s/u.test(a[i] as string)) i++;
  return a.slice(0, i);
}

/** A labelled part (item, alternative) as it was and as it is; one side is missing when it came or went. */
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

/** Hands out revision marks with ids unique across the document, the author and date of each paragraph. */
export class RevisionMarks {
  private nextId = 1;

  constructor(private readonly authorOf: (number: string) => { author: string; date: string }) {}

  /** A factory of fresh marks for the changes of paragraph `number`. */
  forParagraph(number: string): () => RevisionMark {
    const { author, date } = this.authorOf(number);
    const safeAuthor = safeText(author).replace(/\s+/g, ' ').trim() || 'Unknown';
    const safeDate = wordDate(date);
    return () => ({ id: this.nextId++, author: safeAuthor, date: safeDate });
  }
}

/** `w:date` is an xsd:dateTime; Word is happiest with whole seconds in UTC. Unreadable dates become the epoch. */
function wordDate(date: string): string {
  const time = Date.parse(date);
  return new Date(Number.isNaN(time) ? 0 : time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
