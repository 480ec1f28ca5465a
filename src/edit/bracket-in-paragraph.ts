import { inputError } from '../diagnostics/diagnostic.js';
import { findItem } from '../model/find-wording.js';
import { withSlotText } from '../model/paragraph-slots.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Paragraph } from '../model/schemas.js';
import { parseNotation } from '../notation/parse-notation.js';
import { printNotation } from '../notation/print-notation.js';
import type { Resolution } from '../resolve/accept-alternative.js';
import { bracketWords } from './bracket-words.js';
import { refuseAgreedItem } from './locked-item.js';

export interface BracketRequest {
  words: string;
  /** In this item's text rather than the paragraph's. */
  item?: string;
  /** Which match, from 1, when the words are found more than once. */
  occurrence?: number;
  /** The delegation asking for the brackets (most often: to delete the words). */
  by?: string;
}

/** Puts brackets around words of a paragraph's text, or of one item's: they become contested, to keep or drop. */
export function bracketInParagraph(paragraph: Paragraph, request: BracketRequest): Resolution {
  const name = paragraphName(paragraph);
  let path: (string | number)[] = ['text'];
  let text = paragraph.text;
  let where = `paragraph ${name}`;
  if (request.item !== undefined) {
    const { item, index } = findItem(paragraph, request.item);
    refuseAgreedItem(paragraph, item);
    path = ['items', index, 'text'];
    text = item.text;
    where = `item ${item.label} of paragraph ${name}`;
  }
  const parsed = parseNotation(text);
  if (!parsed.ok) throw inputError(`the text of ${where} does not parse (see "ndraft validate"); fix it first`);
  const result = printNotation(bracketWords(parsed.tree, request.words, request.occurrence));
  const asked = request.by !== undefined ? `, as ${request.by} asks` : '';
  return { paragraph: withSlotText(paragraph, path, result), summary: `put "${request.words.trim()}" in brackets in ${where}${asked}` };
}
