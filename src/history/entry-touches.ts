import type { HistoryEntry } from '../model/schemas.js';
import { paragraphShifts } from './outline-differences.js';

/**
 * Whether a history entry concerns a paragraph: it changed the paragraph, or added, removed or
 * moved it in the outline (`move 62 --after 64` changes draft.yaml alone). `log 62` lists both.
 */
export function entryTouches(entry: HistoryEntry, address: string): boolean {
  if (entry.changes.some((c) => c.paragraph === address)) return true;
  return entry.outline !== undefined && paragraphShifts(entry.outline.before.sections, entry.outline.after.sections).some((s) => s.address === address);
}
