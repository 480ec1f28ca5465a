import type { CompareSummary, DraftComparison, ParagraphComparison } from '../compare/types.js';

/**
 * The words every compare format shares: the summary line, each paragraph's name and what
 * happened to it. Pure strings; each renderer marks them up.
 */
const SUMMARY_PARTS: readonly [keyof CompareSummary, string, string][] = [
  ['bracketsRemoved', 'bracket removed', 'brackets removed'],
  ['bracketsAdded', 'bracket added', 'brackets added'],
  ['reworded', 'reworded', 'reworded'],
  ['alternativesAccepted', 'alternative accepted', 'alternatives accepted'],
  ['alternativesAdded', 'alternative added', 'alternatives added'],
  ['alternativesDropped', 'alternative dropped', 'alternatives dropped'],
  ['newlyAgreed', 'newly agreed', 'newly agreed'],
  ['reopened', 'reopened', 'reopened'],
  ['deleted', 'deleted', 'deleted'],
  ['added', 'added', 'added'],
  ['renumbered', 'renumbered', 'renumbered'],
  ['moved', 'moved', 'moved'],
];

/** "12 paragraphs changed: 7 brackets removed, 3 newly agreed, 1 deleted, 2 added, 1 renumbered". */
export function summaryLine(summary: CompareSummary): string {
  const n = summary.paragraphsChanged;
  if (n === 0) return 'No paragraph changed';
  const parts = SUMMARY_PARTS.filter(([key]) => summary[key] > 0).map(([key, one, many]) => `${summary[key]} ${summary[key] === 1 ? one : many}`);
  return `${n} paragraph${n === 1 ? '' : 's'} changed${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** "import → working (the draft as it is now)". */
export function sidesLine(comparison: DraftComparison): string {
  const name = (n: string) => (n === 'working' ? 'working (the draft as it is now)' : n);
  return `${name(comparison.a.name)} → ${name(comparison.b.name)}`;
}

/** The figures negotiators track, before and after: "agreed 3 → 5, brackets 40 → 33, alternatives 12 → 9". */
export function figuresLine(comparison: DraftComparison): string {
  const a = comparison.a.figures;
  const b = comparison.b.figures;
  return [
    `paragraphs ${a.paragraphs.total} → ${b.paragraphs.total}`,
    `agreed ${a.paragraphs.agreed + a.paragraphs.agreedAdRef} → ${b.paragraphs.agreed + b.paragraphs.agreedAdRef}`,
    `brackets ${a.brackets} → ${b.brackets}`,
    `alternatives ${a.alternatives} → ${b.alternatives}`,
  ].join(', ');
}

/** "Paragraph 62 (was 61)", "Paragraph 12bis", "Paragraph pp3" for an unnumbered one. */
export function paragraphTitle(p: ParagraphComparison): string {
  const now = p.after ?? p.before;
  const name = (place: NonNullable<ParagraphComparison['after']>) => place.number ?? place.address;
  const title = `Paragraph ${now ? name(now) : '?'}`;
  return p.before && p.after && name(p.before) !== name(p.after) ? `${title} (was ${name(p.before)})` : title;
}

/** What happened to the paragraph, one phrase each: "2 brackets removed", "open → agreed", "Alt 3 accepted". */
export function changePhrases(p: ParagraphComparison): string[] {
  const phrases: string[] = [];
  const { before, after } = p;
  if (!before) phrases.push(`added in ${after?.section ?? 'the draft'}`);
  if (!after) phrases.push(`deleted from ${before?.section ?? 'the draft'} (no longer in the draft)`);
  if (before && after) {
    if (p.kinds.includes('renumbered')) phrases.push(`renumbered ${before.number ?? '(unnumbered)'} → ${after.number ?? '(unnumbered)'}`);
    if (p.alignedBy === 'content' && before.address !== after.address) phrases.push(`matched by its wording (address ${before.address} → ${after.address})`);
    if (p.kinds.includes('moved')) phrases.push(`moved from ${before.section} to ${after.section}`);
    if (before.status !== after.status) phrases.push(`${before.status} → ${after.status}`);
  }
  if (p.bracketsRemoved > 0) phrases.push(`${p.bracketsRemoved} bracket${p.bracketsRemoved === 1 ? '' : 's'} removed`);
  if (p.bracketsAdded > 0) phrases.push(`${p.bracketsAdded} bracket${p.bracketsAdded === 1 ? '' : 's'} added`);
  if (p.kinds.includes('brackets') && p.bracketsRemoved + p.bracketsAdded === 0) phrases.push('bracketed as a whole: changed');
  for (const label of p.alternativesAccepted) phrases.push(`${label} accepted`);
  for (const label of p.alternativesDropped) phrases.push(`${label} dropped`);
  for (const label of p.alternativesAdded) phrases.push(`${label} added`);
  for (const s of p.itemStatuses) phrases.push(`item ${s.item}: ${s.before ?? 'no status'} → ${s.after ?? 'no status'}`);
  if (p.kinds.includes('reworded')) phrases.push('reworded');
  return phrases;
}
