import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { allAlternatives } from '../model/find-wording.js';
import type { Paragraph } from '../model/schemas.js';

/** Where a paragraph's file is, to place the note; `locate` gives line and column of a path in it. */
export type ParagraphPlace = (address: string) => { file: string; locate: (path: (string | number)[]) => { line: number; column: number; sourceLine: string } } | undefined;

/**
 * ndraft before `supportedBy` recorded `support` in `proposedBy`, so an alternative proposed by
 * several delegations may list supporters among them, and nothing tells which. They are left
 * there (rewriting them would be a guess); one warning for the whole draft says so, placed at
 * the first such alternative.
 */
/** How many alternatives of a paragraph list several delegations in proposedBy: what the cache keeps, so that a draft without any is not read for the note. */
export function legacySupporterCount(paragraph: Paragraph): number {
  // Counted in place (no list of found alternatives): every paragraph of a draft is counted when the cache does not know it.
  const several = (alternatives: Paragraph['alternatives'] | undefined) => (alternatives ?? []).reduce((n, alternative) => n + ((alternative.proposedBy?.length ?? 0) > 1 ? 1 : 0), 0);
  return paragraph.items.reduce((n, item) => n + several(item.alternatives), several(paragraph.alternatives));
}

export function legacySupportersNote(paragraphs: readonly Paragraph[], place: ParagraphPlace): Diagnostic | undefined {
  const found: { paragraph: Paragraph; path: (string | number)[]; label: string; names: readonly string[] }[] = [];
  for (const paragraph of paragraphs) {
    for (const f of allAlternatives(paragraph)) {
      const names = f.alternative.proposedBy ?? [];
      if (names.length < 2) continue;
      const path = f.itemIndex === undefined ? ['alternatives', f.index, 'proposedBy'] : ['items', f.itemIndex, 'alternatives', f.index, 'proposedBy'];
      found.push({ paragraph, path, label: f.alternative.label, names });
    }
  }
  const first = found[0];
  if (first === undefined) return undefined;
  const where = place(first.paragraph.address);
  const example = `"${first.label}" of ${first.paragraph.address}: ${first.names.join(', ')}`;
  return {
    code: 'LEGACY_SUPPORTERS',
    severity: 'warning',
    message: `${found.length} alternative${found.length === 1 ? ' lists' : 's list'} several delegations in proposedBy (${example}${found.length > 1 ? ', …' : ''}). Versions of ndraft before supportedBy stored supporters there, and they cannot be told apart from proposers: they stay in proposedBy. Move the ones you know to be supporters into supportedBy by hand; "ndraft support" now records support there`,
    ...(where ? { file: where.file, ...where.locate(first.path) } : {}),
  };
}
