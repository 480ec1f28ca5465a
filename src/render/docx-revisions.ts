import type { Attribution } from '../compare/attribute-changes.js';
import { pieceSpans, safeText, toRuns, type RevisionMark } from './docx-runs.js';
import type { TrackedPiece } from './tracked-lines.js';

/** Word runs (XML) for a tracked piece: unchanged stretches plain, each change a `w:ins` or `w:del` by its author. */
export function trackedRuns({ piece, segments }: TrackedPiece, marks: RevisionMarks): string {
  return segments
    .map((segment) => {
      const by = segment.by;
      return toRuns(pieceSpans(piece, segment.text), segment.kind === 'same' || by === undefined ? undefined : { kind: segment.kind, mark: () => marks.mark(by) });
    })
    .join('');
}

/** Hands out revision marks with ids unique across the document, each with its change's author and date. */
export class RevisionMarks {
  private nextId = 1;

  mark(by: Attribution): RevisionMark {
    const author = safeText(by.author).replace(/\s+/g, ' ').trim() || 'Unknown';
    return { id: this.nextId++, author, date: wordDate(by.date) };
  }
}

/** `w:date` is an xsd:dateTime; Word is happiest with whole seconds in UTC. Unreadable dates become the epoch. */
function wordDate(date: string): string {
  const time = Date.parse(date);
  return new Date(Number.isNaN(time) ? 0 : time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
