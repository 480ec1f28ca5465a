import { WORKING_DRAFT } from '../model/revision-names.js';
import { countParagraph } from '../report/counts.js';
import { draftFigures, type DraftSide } from '../revisions/draft-side.js';
import type { OpenedDraft } from './open-draft.js';

/**
 * The draft a command has opened, as the working side of a compare: its files' hashes as loaded
 * (so paragraphs unchanged since a revision are never read), its counts as checked. What
 * `workingSide` gives, without loading and checking the draft a second time.
 */
export function openedSide(opened: OpenedDraft): DraftSide {
  const hashes = new Map<string, string>();
  for (const f of opened.files) if (f.address !== undefined && f.hash !== undefined) hashes.set(f.address, f.hash);
  return {
    name: WORKING_DRAFT,
    meta: opened.meta,
    hashes,
    // Only a summary shows them (compare); tracked changes never ask.
    get figures() {
      return draftFigures(opened.counts);
    },
    // Named by its address, which the draft has: found at once, never taken for a printed number.
    paragraph: (address) => opened.paragraph(address),
    counts: (address) => opened.counts.get(address) ?? countParagraph(opened.paragraph(address)),
  };
}
