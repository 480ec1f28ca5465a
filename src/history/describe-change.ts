import { countAlternatives, parseParagraph } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { paragraphUnits } from '../model/spans.js';

/** The numbers of the bracket spans a paragraph takes part in. */
function spanNumbers(paragraph: Paragraph): Set<number> {
  return new Set(paragraphUnits(paragraph).flatMap((unit) => unit.marks.map((m) => m.span)));
}

/** What a change did to a paragraph, in a few words: `status open → agreed; 2 brackets → 1`. */
export function describeChange(before: Paragraph | null, after: Paragraph | null): string {
  if (before === null) return 'created';
  if (after === null) return 'removed';
  const parts: string[] = [];
  if (before.number !== after.number) parts.push(`renumbered ${before.number ?? '(unnumbered)'} → ${after.number ?? '(unnumbered)'}`);
  if (before.status !== after.status) parts.push(`status ${before.status} → ${after.status}`);
  if (before.bracketed !== after.bracketed) parts.push(after.bracketed ? 'bracketed as a whole' : 'no longer bracketed as a whole');
  if (before.text !== after.text) parts.push('text reworded');
  after.items.forEach((item, i) => {
    const old = before.items[i];
    if (old && old.status !== item.status) parts.push(`item ${item.label} ${old.status ?? 'open'} → ${item.status ?? 'open'}`);
  });
  const reworded = after.items.filter((item, i) => before.items[i] !== undefined && before.items[i]?.text !== item.text).map((i) => i.label);
  if (reworded.length > 0) parts.push(`item${reworded.length === 1 ? '' : 's'} ${reworded.join(' ')} reworded`);
  if (after.items.length !== before.items.length) parts.push(`${before.items.length} → ${after.items.length} items`);
  const brackets = [parseParagraph(before).brackets.length, parseParagraph(after).brackets.length];
  if (brackets[0] !== brackets[1]) parts.push(`${brackets[0]} → ${brackets[1]} brackets`);
  const [spansBefore, spansAfter] = [spanNumbers(before), spanNumbers(after)];
  const left = [...spansBefore].filter((n) => !spansAfter.has(n));
  const joined = [...spansAfter].filter((n) => !spansBefore.has(n));
  if (left.length > 0) parts.push(`out of bracket span${left.length === 1 ? '' : 's'} ${left.join(', ')}`);
  if (joined.length > 0) parts.push(`in bracket span${joined.length === 1 ? '' : 's'} ${joined.join(', ')}`);
  const alternatives = [countAlternatives(before), countAlternatives(after)];
  if (alternatives[0] !== alternatives[1]) parts.push(`${alternatives[0]} → ${alternatives[1]} alternatives`);
  else if (JSON.stringify(before.alternatives) !== JSON.stringify(after.alternatives) || JSON.stringify(before.items) !== JSON.stringify(after.items)) {
    if (parts.length === 0) parts.push('alternatives or positions changed');
  }
  const notes = countNotes(after) - countNotes(before);
  if (notes !== 0) parts.push(`${Math.abs(notes)} note${Math.abs(notes) === 1 ? '' : 's'} ${notes > 0 ? 'added' : 'removed'}`);
  return parts.length > 0 ? parts.join('; ') : 'no visible change';
}

/** The notes of a paragraph and of its items. */
function countNotes(paragraph: Paragraph): number {
  return (paragraph.notes?.length ?? 0) + paragraph.items.reduce((sum, item) => sum + (item.notes?.length ?? 0), 0);
}
