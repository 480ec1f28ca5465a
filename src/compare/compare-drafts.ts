import type { Change } from 'diff';
import { diffWordings } from '../diff/wording-diff.js';
import { isAgreed } from '../model/paragraph-slots.js';
import { outlineAddresses } from '../model/outline.js';
import type { DraftSide } from '../revisions/draft-side.js';
import { alignParagraphs } from './align-paragraphs.js';
import { compareParagraph, type Side } from './compare-paragraph.js';
import { outlinePlaces, type OutlinePlace } from './outline-places.js';
import type { CompareSummary, DraftComparison, ParagraphComparison } from './types.js';
import type { DiffOf, WordDiffMemo } from './word-diff-memo.js';

/**
 * The whole-draft compare: what changed from side `a` to side `b`, paragraph by paragraph. The
 * sides are the texts themselves (revisions as recorded, or the working draft), so hand edits
 * count. A paragraph whose file is byte for byte the same on both sides and which stands in the
 * same section is unchanged without being read: a compare costs what changed, not the draft.
 * With a `memo`, the word diffs of a pair of paragraph files diffed before are read back from it.
 */
export function compareDrafts(a: DraftSide, b: DraftSide, memo?: WordDiffMemo): DraftComparison {
  const placesA = outlinePlaces(a.meta);
  const placesB = outlinePlaces(b.meta);
  const orderA = outlineAddresses(a.meta.sections);
  const pairs = alignParagraphs(orderA, outlineAddresses(b.meta.sections), a.paragraph, b.paragraph);
  const found: { comparison: ParagraphComparison; order: [number, number, number] }[] = [];
  for (const pair of pairs) {
    const placeA = pair.a === undefined ? undefined : placesA.get(pair.a);
    const placeB = pair.b === undefined ? undefined : placesB.get(pair.b);
    if (pair.alignedBy === 'address' && pair.a !== undefined && pair.b !== undefined && a.hashes.get(pair.a) === b.hashes.get(pair.b) && placeA?.section === placeB?.section) continue;
    const hashA = pair.a === undefined ? undefined : a.hashes.get(pair.a);
    const hashB = pair.b === undefined ? undefined : b.hashes.get(pair.b);
    const kept = memo && hashA !== undefined && hashB !== undefined ? memo.get(hashA, hashB) : undefined;
    const diffs: DiffOf[] = [];
    let fresh = false;
    // A diff read back is used in the order it was made, when it fits the texts; one missing or
    // not fitting (a damaged entry) is made again, and the pair's diffs kept again.
    const diff = (before: string, after: string): Change[] => {
      let changes = kept?.diff(diffs.length, before, after);
      if (changes === undefined) {
        changes = diffWordings(before, after);
        fresh = true;
      }
      diffs.push({ before, after, changes });
      return changes;
    };
    const comparison = compareParagraph(paragraphSide(a, pair.a, placeA), paragraphSide(b, pair.b, placeB), pair.alignedBy, diff);
    if (memo && (fresh || !kept) && hashA !== undefined && hashB !== undefined) memo.set(hashA, hashB, diffs);
    if (!comparison) continue;
    // b's reading order; a paragraph removed stands after the last paragraph before it that b still has.
    const order: [number, number, number] = placeB ? [placeB.index, 0, 0] : [placeInB(placeA?.index ?? 0, orderA, placesB), 1, placeA?.index ?? 0];
    found.push({ comparison, order });
  }
  found.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1] || x.order[2] - y.order[2]);
  const paragraphs = found.map((f) => f.comparison);
  return { a: { name: a.name, figures: a.figures }, b: { name: b.name, figures: b.figures }, summary: summarize(paragraphs), paragraphs };
}

/** One paragraph of a side as `compareParagraph` takes it: the paragraph, its counts when the side knows them, and its place. */
export function paragraphSide(draft: DraftSide, address: string | undefined, place: OutlinePlace | undefined): Side | undefined {
  if (address === undefined || place === undefined) return undefined;
  const paragraph = draft.paragraph(address);
  return {
    paragraph,
    ...(draft.counts ? { counts: draft.counts(address) } : {}),
    place: {
      address,
      ...(paragraph.number !== undefined ? { number: paragraph.number } : {}),
      section: place.section,
      ...(place.sectionNumber !== undefined ? { sectionNumber: place.sectionNumber } : {}),
      status: paragraph.status,
    },
  };
}

/**
 * Makes each side ready to read the paragraphs `compareDrafts` will read (see `DraftSide.prepare`):
 * those whose file differs between the sides, or which stand only on one side, or in another section.
 */
export async function prepareComparison(a: DraftSide, b: DraftSide): Promise<void> {
  const placesA = outlinePlaces(a.meta);
  const placesB = outlinePlaces(b.meta);
  const differs = (address: string) => a.hashes.get(address) !== b.hashes.get(address) || placesA.get(address)?.section !== placesB.get(address)?.section;
  await a.prepare?.(outlineAddresses(a.meta.sections).filter(differs));
  await b.prepare?.(outlineAddresses(b.meta.sections).filter(differs));
}

/** Where in b's reading order a paragraph of a that b no longer has would stand. */
function placeInB(indexInA: number, orderA: readonly string[], placesB: ReadonlyMap<string, OutlinePlace>): number {
  for (let i = indexInA - 1; i >= 0; i--) {
    const place = placesB.get(orderA[i] as string);
    if (place) return place.index;
  }
  return -1;
}

export function summarize(paragraphs: readonly ParagraphComparison[]): CompareSummary {
  const summary: CompareSummary = {
    paragraphsChanged: paragraphs.length,
    bracketsRemoved: 0,
    bracketsAdded: 0,
    reworded: 0,
    alternativesAccepted: 0,
    alternativesAdded: 0,
    alternativesDropped: 0,
    newlyAgreed: 0,
    reopened: 0,
    deleted: 0,
    added: 0,
    renumbered: 0,
    moved: 0,
  };
  for (const p of paragraphs) {
    const has = (kind: ParagraphComparison['kinds'][number]) => (p.kinds.includes(kind) ? 1 : 0);
    summary.bracketsRemoved += p.bracketsRemoved;
    summary.bracketsAdded += p.bracketsAdded;
    summary.reworded += has('reworded');
    summary.alternativesAccepted += p.alternativesAccepted.length;
    summary.alternativesAdded += p.alternativesAdded.length;
    summary.alternativesDropped += p.alternativesDropped.length;
    summary.newlyAgreed += has('agreed');
    summary.reopened += p.before && p.after && isAgreed(p.before.status) && p.after.status === 'open' ? 1 : 0;
    summary.deleted += has('deleted');
    summary.added += has('added');
    summary.renumbered += has('renumbered');
    summary.moved += has('moved');
  }
  return summary;
}
