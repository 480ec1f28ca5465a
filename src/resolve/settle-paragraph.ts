import { inputError } from '../diagnostics/diagnostic.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Paragraph } from '../model/schemas.js';
import type { Resolution } from './accept-alternative.js';

/** Settles a paragraph bracketed as a whole: keep it (its brackets go), or drop it (status deleted, text kept). */
export function settleParagraph(paragraph: Paragraph, decision: 'keep' | 'drop'): Resolution {
  if (!paragraph.bracketed) {
    throw inputError(`paragraph ${paragraphName(paragraph)} is not bracketed as a whole; there is nothing to keep or drop`);
  }
  const next = structuredClone(paragraph);
  if (decision === 'keep') {
    next.bracketed = false;
    return { paragraph: next, summary: `kept paragraph ${paragraphName(paragraph)}: it is no longer bracketed as a whole` };
  }
  next.status = 'deleted';
  return { paragraph: next, summary: `dropped paragraph ${paragraphName(paragraph)}: its status is now deleted (its text is kept)` };
}
