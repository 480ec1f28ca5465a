import { paragraphName } from '../model/paragraph-name.js';
import { isAgreed } from '../model/paragraph-slots.js';
import { paragraphSchema, type Alternative, type Paragraph, type Status } from '../model/schemas.js';
import { withoutStaleBracketPositions } from '../resolve/bracket-positions.js';
import { paragraphProblems } from '../validate/check-paragraph.js';
import type { Attribute, Side } from './contributors.js';
import { CannotRepresent, labelFresh, MergeContext, type MergeOutcome } from './merge-context.js';
import { mergeItems } from './merge-items.js';
import { mergeText } from './merge-text.js';
import { mergeAlternatives, mergeBracketPositions, mergeNotes } from './merge-lists.js';
import { pickThreeWay, sameValue } from './three-way.js';

/**
 * The three-way merge of one paragraph file: `base` as both copies had it, `ours` and `theirs`
 * as each left it (`base` undefined: both added it). Every part merges on its own, so that one
 * side adding a position and the other a note gives both. Where both changed the same text, the
 * text they shared stays and each side's wording is added as an alternative (a negotiation's own
 * way of saying "two proposals for these words"); where one side agreed the paragraph while the
 * other changed it, the agreed wording stands, reopened, with the change beside it. The result is
 * always a paragraph `validate` accepts; what cannot be represented so is a conflict.
 */
export function mergeParagraph(base: Paragraph | undefined, ours: Paragraph, theirs: Paragraph, attribute: Attribute): MergeOutcome<Paragraph> {
  if (sameValue(ours, theirs)) return { merged: ours, warnings: [] };
  const name = paragraphName(ours);
  if (base === undefined) return { conflict: `paragraph ${name}: both copies added it, differently` };
  if (ours.address !== theirs.address || base.address !== ours.address) return { conflict: `paragraph ${name}: the copies give it different addresses (${ours.address}, ${theirs.address})` };
  if (sameValue(base, ours)) return { merged: theirs, warnings: [] };
  if (sameValue(base, theirs)) return { merged: ours, warnings: [] };

  const ctx = new MergeContext(`paragraph ${name}`, ours.address, attribute, { ours, theirs }, agreedWhileChanged(base, ours, theirs));
  try {
    const merged = mergeParts(ctx, base, ours, theirs);
    labelFresh(merged, ctx.fresh);
    const rehomed = withPositionsFollowingBrackets(merged, ctx.fresh);
    const result = withoutStaleBracketPositions(rehomed);
    // A position on a bracket that no text holds any more: said, not dropped silently.
    const dropped = (rehomed.bracketPositions ?? []).filter((p) => !(result.bracketPositions ?? []).includes(p));
    if (dropped.length > 0) ctx.warn(`positions on ${dropped.map((p) => `${p.bracket} (${p.in})`).join(', ')} were dropped: no text holds those brackets any more`);
    const errors = paragraphProblems(result).filter((p) => p.severity === 'error');
    if (errors.length > 0) return { conflict: `paragraph ${name}: merged, it would not be valid (${errors.map((e) => e.message).join('; ')})` };
    const checked = paragraphSchema.safeParse(result);
    if (!checked.success) return { conflict: `paragraph ${name}: merged, it would not match the schema (${checked.error.issues[0]?.message})` };
    return { merged: result, warnings: ctx.warnings.map((w) => w()) };
  } catch (error) {
    if (error instanceof CannotRepresent) return { conflict: error.message };
    throw error;
  }
}

/**
 * The side that agreed the paragraph while the other changed what is negotiated in it (anything
 * but its notes), if one did: its agreement must not silently cover words nobody agreed to.
 */
function agreedWhileChanged(base: Paragraph, ours: Paragraph, theirs: Paragraph): Side | undefined {
  const negotiated = ({ notes: _notes, status: _status, ...rest }: Paragraph) => rest;
  const agreedNow = (p: Paragraph) => isAgreed(p.status) && !isAgreed(base.status);
  const changed = (p: Paragraph) => !sameValue(negotiated(p), negotiated(base));
  if (agreedNow(ours) && changed(theirs) && !sameValue(negotiated(theirs), negotiated(ours))) return 'ours';
  if (agreedNow(theirs) && changed(ours) && !sameValue(negotiated(theirs), negotiated(ours))) return 'theirs';
  return undefined;
}

function mergeParts(ctx: MergeContext, base: Paragraph, ours: Paragraph, theirs: Paragraph): Paragraph {
  const field = <K extends keyof Paragraph>(key: K, what: string): Paragraph[K] => {
    const picked = pickThreeWay(base[key], ours[key], theirs[key]);
    return picked.agreed ? picked.value : ctx.fail(`both copies changed its ${what}, differently (ours ${JSON.stringify(ours[key])}, theirs ${JSON.stringify(theirs[key])})`);
  };
  const status = mergeStatus(ctx, base, ours, theirs);
  const number = field('number', 'number');
  const spans = field('spans', 'bracket spans');
  const bracketed = pickThreeWay(base.bracketed, ours.bracketed, theirs.bracketed);
  const textAlternatives: Alternative[] = [];
  const text = mergeText(ctx, base.text, ours.text, theirs.text, 'the text', (p) => p.text, textAlternatives);
  const alternatives = [...mergeAlternatives(ctx, base.alternatives, ours.alternatives, theirs.alternatives, { of: '', list: (p) => p.alternatives }), ...textAlternatives];
  const notes = mergeNotes(ctx, base.notes, ours.notes, theirs.notes);
  const positions = mergeBracketPositions(ctx, base, ours, theirs);
  return {
    address: ours.address,
    ...(number !== undefined ? { number } : {}),
    status,
    bracketed: bracketed.agreed ? bracketed.value : true,
    text,
    ...(spans !== undefined ? { spans } : {}),
    items: mergeItems(ctx, base, ours, theirs),
    alternatives,
    ...(notes !== undefined ? { notes } : {}),
    ...(positions !== undefined ? { bracketPositions: positions } : {}),
  };
}

/**
 * The status: one side's change is taken, except that an agreement the other side's changes
 * would contradict reopens it (see `agreedWhileChanged`), and so does a deletion: a deleted
 * paragraph is hidden from most views, and the other side's change would go unseen.
 */
function mergeStatus(ctx: MergeContext, base: Paragraph, ours: Paragraph, theirs: Paragraph): Status {
  if (ctx.agreedSide !== undefined) {
    ctx.warn(`agreed in ${ctx.agreedSide} but changed in ${ctx.agreedSide === 'ours' ? 'theirs' : 'ours'}: reopened, the agreed wording standing, the changes beside it`);
    return 'open';
  }
  const picked = pickThreeWay(base.status, ours.status, theirs.status);
  if (!picked.agreed) {
    if (isAgreed(ours.status) && isAgreed(theirs.status)) {
      ctx.warn(`agreed in one copy and agreed ad ref in the other: kept agreed ad ref`);
      return 'agreed-ad-ref';
    }
    ctx.warn(`its status was changed differently (ours ${ours.status}, theirs ${theirs.status}): kept open`);
    return 'open';
  }
  if (picked.value === 'deleted' && base.status !== 'deleted') {
    const deleter: Side = ours.status === 'deleted' ? 'ours' : 'theirs';
    const other = deleter === 'ours' ? theirs : ours;
    const { status: _s, notes: _n, ...changed } = other;
    const { status: _bs, notes: _bn, ...was } = base;
    if (!sameValue(changed, was)) {
      ctx.warn(`deleted in ${deleter} but changed in ${deleter === 'ours' ? 'theirs' : 'ours'}: kept open, with that change`);
      return 'open';
    }
  }
  return picked.value;
}

/**
 * A position on a bracket of a text both sides changed stands, after the merge, on the
 * alternative that now holds that bracket (the side's wording the merge added), not on the
 * shared text that lacks it: `{in: text}` becomes `{in: Alt 4}`, `{in: item f)}` `{in: item f) Alt 4}`.
 */
function withPositionsFollowingBrackets(paragraph: Paragraph, fresh: ReadonlySet<Alternative>): Paragraph {
  if (paragraph.bracketPositions === undefined || fresh.size === 0) return paragraph;
  const places = [
    { slot: 'text', text: paragraph.text, alternatives: paragraph.alternatives },
    ...paragraph.items.map((item) => ({ slot: `item ${item.label}`, text: item.text, alternatives: item.alternatives ?? [] })),
  ];
  const positions = paragraph.bracketPositions.flatMap((position) => {
    const place = places.find((p) => p.slot === position.in);
    if (!place || place.text.includes(position.bracket)) return [position];
    const holders = place.alternatives.filter((alt) => fresh.has(alt) && alt.text.includes(position.bracket));
    if (holders.length === 0) return [position];
    return holders.map((alt) => ({ ...position, in: place.slot === 'text' ? alt.label : `${place.slot} ${alt.label}` }));
  });
  return { ...paragraph, bracketPositions: positions };
}
