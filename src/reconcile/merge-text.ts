import type { Alternative, Paragraph } from '../model/schemas.js';
import type { Side } from './contributors.js';
import type { MergeContext } from './merge-context.js';
import { mergeWords } from './merge-words.js';
import { pickThreeWay } from './three-way.js';

/**
 * One text both copies may have changed: a change on one side is taken; changes on both to
 * different words are both made (`mergeWords`); changes that touch keep the text they shared and
 * add each side's wording to `added`. When a side agreed the
 * paragraph, its text stands and only the other side's becomes an alternative.
 */
export function mergeText(ctx: MergeContext, base: string, ours: string, theirs: string, where: string, part: (p: Paragraph) => unknown, added: Alternative[], agreedSide = ctx.agreedSide): string {
  if (agreedSide !== undefined) {
    const agreed = agreedSide === 'ours' ? ours : theirs;
    const otherSide: Side = agreedSide === 'ours' ? 'theirs' : 'ours';
    const other = agreedSide === 'ours' ? theirs : ours;
    if (other !== base && other !== agreed) {
      const alternative = ctx.wording(otherSide, other, where, part);
      added.push(alternative);
      ctx.warn(() => `${otherSide}' change to ${where} is "${alternative.label}", beside the agreed wording`);
    }
    return agreed;
  }
  const picked = pickThreeWay(base, ours, theirs);
  if (picked.agreed) return picked.value;
  const words = mergeWords(base, ours, theirs);
  if (words !== undefined) return words;
  const fromOurs = ctx.wording('ours', ours, where, part);
  const fromTheirs = ctx.wording('theirs', theirs, where, part);
  added.push(fromOurs, fromTheirs);
  ctx.warn(() => `both copies changed ${where}: it keeps the wording they shared; ours is "${fromOurs.label}", theirs "${fromTheirs.label}"`);
  return base;
}

