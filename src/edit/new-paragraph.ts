import { inputError } from '../diagnostics/diagnostic.js';
import { isReservedFileName } from '../model/reserved-names.js';
import { ADDRESS_PATTERN } from '../model/document-fields.js';
import type { Paragraph } from '../model/schemas.js';
import { checkedNotation } from './checked-notation.js';

export interface NewParagraphRequest {
  address: string;
  text: string;
  /** The number as printed; by default the address, when the address reads as a number (`61bis`, `3.1`). */
  number?: string;
  /** No printed number, whatever the address looks like. */
  unnumbered?: boolean;
  /** The whole paragraph stands in brackets: a new paragraph still to be accepted or dropped. */
  bracketed?: boolean;
}

/** `61`, `61bis`, `61ter`, `3.1`, `3.1bis`: an address people would print as the paragraph's number. */
const NUMBER_LIKE = /^\d+(?:\.\d+)*[a-z]*$/i;

/**
 * A new paragraph, open, with the given text. Its address must be valid as a file name, new in
 * the draft (`taken`: every address there is) regardless of case, and not a name Windows reserves;
 * its text must parse.
 */
export function newParagraph(request: NewParagraphRequest, taken: readonly string[]): Paragraph {
  const { address } = request;
  if (!ADDRESS_PATTERN.test(address)) {
    throw inputError(`"${address}" is not a paragraph address: an address is letters and digits, with "." or "-" between them, like 61bis, 3.1 or art3-2bis`);
  }
  if (isReservedFileName(address)) throw inputError(`"${address}" is a reserved file name on Windows; choose another address, e.g. p-${address}`);
  const clash = taken.find((a) => a.toLowerCase() === address.toLowerCase());
  if (clash !== undefined) {
    throw inputError(clash === address ? `paragraph ${address} exists already; choose a new address, e.g. ${nextLatin(address)}` : `address ${address} differs only in case from paragraph ${clash}; choose another`);
  }
  if (request.number !== undefined && request.unnumbered === true) throw inputError('give --number or --unnumbered, not both');
  const number = request.unnumbered === true ? undefined : request.number?.trim() || (NUMBER_LIKE.test(address) ? address : undefined);
  const text = request.text.trim();
  if (text === '') throw inputError('--text is empty; give the paragraph\'s wording');
  checkedNotation(text, { name: '--text' });
  return {
    address,
    ...(number !== undefined ? { number } : {}),
    status: 'open',
    bracketed: request.bracketed === true,
    text,
    items: [],
    alternatives: [],
  };
}

const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

/** The address after `61` in the negotiators' own sequence: 61bis, then 61ter, 61quater… */
function nextLatin(address: string): string {
  const match = /^(.*?\d)([a-z]*)$/i.exec(address);
  if (!match) return `${address}-2`;
  const [, stem, suffix] = match as unknown as [string, string, string];
  if (suffix === '') return `${stem}bis`;
  const at = LATIN.indexOf(suffix.toLowerCase());
  return at >= 0 && at + 1 < LATIN.length ? `${stem}${LATIN[at + 1]}` : `${address}-2`;
}
