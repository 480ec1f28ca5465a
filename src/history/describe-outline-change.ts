import { blockPlaces } from '../model/option-blocks.js';
import type { DraftMeta } from '../model/schemas.js';
import { outlineDifferences } from './outline-differences.js';

/** What a change did to draft.yaml, in a few words: `block "Paragraph 3": "Option 2" accepted`, `61bis added after 61 in section 3b`. */
export function describeOutlineChange(before: DraftMeta, after: DraftMeta): string {
  const old = blockPlaces(before.sections);
  const parts = blockPlaces(after.sections).flatMap(({ block }, i) => {
    const was = old[i]?.block.accepted;
    if (was === block.accepted) return [];
    return [`block "${block.block}": ${block.accepted === undefined ? `"${was}" no longer accepted` : `"${block.accepted}" accepted`}`];
  });
  parts.push(...outlineDifferences(before.sections, after.sections));
  return parts.length > 0 ? parts.join('; ') : 'outline changed';
}
