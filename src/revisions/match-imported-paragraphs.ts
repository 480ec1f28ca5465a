import { matchByContent, MATCH_THRESHOLD, sharedWords } from '../compare/align-paragraphs.js';
import type { Paragraph } from '../model/schemas.js';

/** One side of the matching: its addresses in reading order, and each paragraph by address. */
export interface MatchSide {
  addresses: readonly string[];
  paragraph(address: string): Paragraph;
}

export interface ParagraphMatch {
  /** Pairs of (address in the draft, address in the imported text), in the imported text's reading order. */
  pairs: { draft: string; imported: string; by: 'number' | 'content' }[];
  /** Imported paragraphs that match none of the draft's: new in this text. */
  added: string[];
  /** The draft's paragraphs that match none of the imported text's: gone from this text. */
  removed: string[];
}

/**
 * Which paragraph of a later text is which paragraph of the draft. Numbers are stable across
 * revisions, so a paragraph first keeps the one now printed under its address when their words
 * are alike. The rest (a paragraph inserted renumbers every one after it) are paired by their
 * words, as `compare` pairs them (`matchByContent`). A paragraph reworded beyond recognition
 * that still stands under its number, with nothing else taking its place, is the same paragraph
 * reworded. What is left is added or removed.
 */
export function matchImportedParagraphs(draft: MatchSide, imported: MatchSide): ParagraphMatch {
  const importedAddresses = new Set(imported.addresses);
  const byNumber = new Map<string, string>();
  const underSameAddress: string[] = [];
  for (const address of draft.addresses) {
    if (!importedAddresses.has(address)) continue;
    underSameAddress.push(address);
    const a = draft.paragraph(address);
    const b = imported.paragraph(address);
    if (a.text === b.text || sharedWords(a, b) >= MATCH_THRESHOLD) byNumber.set(address, address);
  }
  const usedImported = new Set(byNumber.values());
  const leftDraft = draft.addresses.filter((address) => !byNumber.has(address));
  const leftImported = imported.addresses.filter((address) => !usedImported.has(address));
  const byContent = new Map(matchByContent(leftDraft, leftImported, draft.paragraph, imported.paragraph));
  for (const address of byContent.values()) usedImported.add(address);
  // Still under its own address, and nothing else took either side: the same paragraph, reworded.
  for (const address of underSameAddress) {
    if (byNumber.has(address) || byContent.has(address) || usedImported.has(address)) continue;
    byNumber.set(address, address);
    usedImported.add(address);
  }
  const draftOf = new Map<string, { draft: string; by: 'number' | 'content' }>();
  for (const [d, i] of byNumber) draftOf.set(i, { draft: d, by: 'number' });
  for (const [d, i] of byContent) draftOf.set(i, { draft: d, by: d === i ? 'number' : 'content' });
  const pairs: ParagraphMatch['pairs'] = [];
  const added: string[] = [];
  for (const address of imported.addresses) {
    const found = draftOf.get(address);
    if (found) pairs.push({ draft: found.draft, imported: address, by: found.by });
    else added.push(address);
  }
  const matchedDraft = new Set(pairs.map((p) => p.draft));
  return { pairs, added, removed: draft.addresses.filter((address) => !matchedDraft.has(address)) };
}
