import type { Paragraph } from './schemas.js';

/**
 * How messages name a paragraph: its printed number where that is also its address (`61`), else
 * the number with the address a user can type (`2 (art3-2)`), else the address alone (`pp1`).
 */
export function paragraphName(paragraph: Pick<Paragraph, 'address' | 'number'>): string {
  const { address, number } = paragraph;
  if (number === undefined) return address;
  return number === address ? number : `${number} (${address})`;
}
