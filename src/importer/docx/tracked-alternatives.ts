import type { Alternative, Draft, Item, Paragraph } from '../../model/schemas.js';
import { addNote, type PlaceTarget } from './attach-word-extras.js';
import type { ClassifiedBlock } from './classify-word-blocks.js';
import { wholeChange } from './word-lines.js';

/**
 * Adds one author's tracked changes to the draft as that author's alternatives: `proposal` is the
 * draft read with only this author's changes taken (the others rejected), `base` the draft read
 * with none. Both come from the same paragraphs with the same numbers, so they are compared
 * paragraph by paragraph, item by item: every text that differs becomes an alternative of the
 * paragraph or item, proposed by `delegation`. Returns how many were added.
 */
export function addTrackedAlternatives(base: Draft, proposal: Draft, delegation: string): number {
  const proposed = new Map(proposal.paragraphs.map((p) => [p.address, p]));
  let added = 0;
  for (const p of base.paragraphs) {
    const theirs = proposed.get(p.address);
    if (!theirs) continue;
    if (theirs.text !== p.text) {
      p.alternatives.push(alternative(nextParagraphLabel(p), theirs.text, delegation));
      added++;
    }
    p.items.forEach((item, i) => {
      const their = theirs.items[i];
      if (their === undefined || their.label !== item.label || their.text === item.text) return;
      item.alternatives = [...(item.alternatives ?? []), alternative(nextItemLabel(p, item), their.text, delegation)];
      added++;
    });
    p.alternatives.forEach((alt, i) => {
      const their = theirs.alternatives[i];
      if (their === undefined || their.label !== alt.label || their.text === alt.text) return;
      // An alternative has no alternatives: the reworded one stands beside it, saying what it rewords.
      p.alternatives.push({ ...alternative(nextParagraphLabel(p), their.text, delegation), notes: [{ text: `Rewords ${alt.label} (tracked changes in Word)`, kind: 'comment', author: delegation }] });
      added++;
    });
  }
  return added;
}

function alternative(label: string, text: string, delegation: string): Alternative {
  return { label, text, proposedBy: [delegation] };
}

/** `Alt 3` after `Alt 1` and `Alt 2`: the next number no alternative of the paragraph has. */
export function nextParagraphLabel(p: Paragraph): string {
  return `Alt ${nextNumber(p.alternatives.map((a) => a.label), /^Alt\.?\s*(\d+)$/i)}`;
}

/** `Alt 71g2` for item g) of paragraph 71, as negotiators label item alternatives. */
function nextItemLabel(p: Paragraph, item: Item): string {
  const key = item.label.replace(/[^0-9A-Za-z]/g, '').toLowerCase();
  const stem = `${p.number ?? p.address}${key}`.replace(/[^0-9A-Za-z]/g, '');
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `Alt ${stem}${nextNumber((item.alternatives ?? []).map((a) => a.label), new RegExp(`^Alt\\s*${escaped}(\\d+)$`, 'i'))}`;
}

function nextNumber(labels: readonly string[], pattern: RegExp): number {
  let max = labels.length;
  for (const label of labels) {
    const n = pattern.exec(label);
    if (n) max = Math.max(max, Number(n[1]));
  }
  return max + 1;
}

/**
 * A paragraph or item inserted whole stands in brackets (the reading put them there) with a note
 * from its author; one deleted whole is bracketed too, as a proposal to delete it.
 */
export function markWholeChanges(draft: Draft, classified: readonly ClassifiedBlock[], at: (index: number) => PlaceTarget | undefined, delegationOf: (user: string) => string): void {
  for (const c of classified) {
    const whole = c.role.kind === 'text' ? wholeChange(c.block.runs) : undefined;
    if (!whole) continue;
    const target = at(c.block.index);
    if (whole.kind === 'del' && target) {
      if (target.kind === 'text') target.paragraph.bracketed = true;
      else if (target.kind === 'item') target.at.text = `[${target.at.text}]`;
    }
    const what = whole.kind === 'ins' ? 'Proposed as a new text (a tracked insertion in Word)' : 'Proposed for deletion (a tracked deletion in Word)';
    const date = whole.date?.slice(0, 10);
    addNote(draft, target, { text: what, kind: 'comment', author: delegationOf(whole.author), ...(date ? { date } : {}) });
  }
}
