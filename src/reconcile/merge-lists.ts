import type { Alternative, BracketPosition, Note, Paragraph } from '../model/schemas.js';
import { STANCE_FIELDS, STANCES } from '../model/stances.js';
import type { Side } from './contributors.js';
import type { MergeContext } from './merge-context.js';
import { mergeWords } from './merge-words.js';
import { alignKeyed, mergeNames, pickThreeWay, sameValue, type Aligned } from './three-way.js';

/**
 * The lists of a paragraph that merge entry by entry: notes (by content: an added note is kept,
 * a removed one goes), alternatives (by label) and positions on brackets (by bracket).
 */
export function mergeNotes(ctx: MergeContext, base: readonly Note[] | undefined, ours: readonly Note[] | undefined, theirs: readonly Note[] | undefined): Note[] | undefined {
  const aligned = align(ctx, base ?? [], ours ?? [], theirs ?? [], (n) => JSON.stringify(n), 'notes');
  const merged = aligned.filter((a) => a.base === undefined || (a.ours !== undefined && a.theirs !== undefined)).map((a) => (a.ours ?? a.theirs) as Note);
  if (merged.length > 0) return merged;
  const shape = pickThreeWay(base, ours, theirs);
  return shape.agreed && shape.value !== undefined ? [] : undefined;
}

/** Where the alternatives belong, for messages and for finding who changed them: the paragraph's, or an item's. */
export interface AlternativesPlace {
  /** `of paragraph 61`-style words: "" for the paragraph's own, " of item f)" for an item's. */
  of: string;
  /** Reads this list in a paragraph (the item found by its key), for the history. */
  list: (paragraph: Paragraph) => readonly Alternative[] | undefined;
}

export function mergeAlternatives(ctx: MergeContext, base: readonly Alternative[], ours: readonly Alternative[], theirs: readonly Alternative[], place: AlternativesPlace): Alternative[] {
  const merged: Alternative[] = [];
  for (const a of align(ctx, base, ours, theirs, (alt) => alt.label, `alternatives${place.of}`)) {
    const { base: b, ours: o, theirs: t } = a;
    const part = (p: Paragraph) => place.list(p)?.find((alt) => alt.label === (o ?? t ?? b)?.label);
    if (o && t && b) merged.push(...mergeAlternative(ctx, b, o, t, place, part));
    else if (o && t) {
      merged.push(o);
      if (sameValue(o, t)) continue;
      const renamed = ctx.relabelled(t);
      merged.push(renamed);
      ctx.warn(() => `both copies added "${o.label}"${place.of}: theirs is now "${renamed.label}"`);
    } else if (b) keptUnlessUnchanged(ctx, b, o, t, `"${b.label}"${place.of}`, merged);
    else merged.push((o ?? t) as Alternative);
  }
  return merged;
}

function mergeAlternative(ctx: MergeContext, b: Alternative, o: Alternative, t: Alternative, place: AlternativesPlace, part: (p: Paragraph) => unknown): Alternative[] {
  const merged: Alternative = { ...b };
  for (const stance of STANCES) {
    const field = STANCE_FIELDS[stance];
    const names = mergeNames(b[field], o[field], t[field]);
    if (names === undefined) delete merged[field];
    else merged[field] = names;
  }
  const notes = mergeNotes(ctx, b.notes, o.notes, t.notes);
  if (notes === undefined) delete merged.notes;
  else merged.notes = notes;
  const scope = pickThreeWay(b.scope, o.scope, t.scope);
  const words = scope.agreed ? mergeWords(b.text, o.text, t.text) : undefined;
  const wording = words !== undefined && scope.agreed ? { agreed: true as const, value: { text: words, scope: scope.value } } : pickThreeWay({ text: b.text, scope: b.scope }, { text: o.text, scope: o.scope }, { text: t.text, scope: t.scope });
  if (wording.agreed) {
    merged.text = wording.value.text;
    if (wording.value.scope === undefined) delete merged.scope;
    else merged.scope = wording.value.scope;
    return [merged];
  }
  // Both reworded it: the wording they shared stays under its label, and each side's joins it.
  const where = `"${b.label}"${place.of}`;
  const added = (['ours', 'theirs'] as Side[]).map((side) => {
    const alt = side === 'ours' ? o : t;
    return ctx.wording(side, alt.text, where, part, alt.scope, { ...alt, notes: [] });
  });
  ctx.warn(() => `both copies reworded ${where}: it keeps the wording they shared; ours is "${added[0]?.label}", theirs "${added[1]?.label}"`);
  return [merged, ...added];
}

/**
 * An entry one side removed: gone if the other side left it as it was; kept, with a warning, if
 * the other side changed it (accepting or withdrawing it there must not lose that change).
 */
export function keptUnlessUnchanged<T>(ctx: MergeContext, b: T, o: T | undefined, t: T | undefined, what: string, merged: T[]): void {
  const kept = o ?? t;
  if (kept === undefined || sameValue(kept, b)) return;
  merged.push(kept);
  ctx.warn(`${what} was removed in ${o === undefined ? 'ours' : 'theirs'} but changed in ${o === undefined ? 'theirs' : 'ours'}: kept, with that change`);
}

export function mergeBracketPositions(ctx: MergeContext, base: Paragraph, ours: Paragraph, theirs: Paragraph): BracketPosition[] | undefined {
  const merged: BracketPosition[] = [];
  const key = (p: BracketPosition) => `${p.in}\u0000${p.bracket}`;
  for (const a of align(ctx, base.bracketPositions ?? [], ours.bracketPositions ?? [], theirs.bracketPositions ?? [], key, 'positions on brackets')) {
    const { base: b, ours: o, theirs: t } = a;
    if (!o && !t) continue;
    const entry: BracketPosition = { in: (o ?? t ?? b)?.in as string, bracket: (o ?? t ?? b)?.bracket as string };
    for (const stance of STANCES) {
      const field = STANCE_FIELDS[stance];
      const names = mergeNames(b?.[field], o?.[field], t?.[field]);
      if (names !== undefined && names.length > 0) entry[field] = names;
    }
    if (STANCES.some((s) => entry[STANCE_FIELDS[s]] !== undefined)) merged.push(entry);
  }
  return merged.length > 0 ? merged : undefined;
}

/** Keyed alignment; both sides reordering the same entries differently cannot be represented. */
export function align<T>(ctx: MergeContext, base: readonly T[], ours: readonly T[], theirs: readonly T[], keyOf: (entry: T) => string, what: string): Aligned<T>[] {
  return alignKeyed(base, ours, theirs, keyOf) ?? ctx.fail(`both copies reordered its ${what}, differently`);
}
