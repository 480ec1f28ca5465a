import type { ChalkInstance } from 'chalk';
import { bracketText } from '../model/find-bracket.js';
import { paragraphName } from '../model/paragraph-name.js';
import { parseParagraph } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';

/**
 * The paragraph's brackets as numbered after a change, one a line: resolving bracket 1 renumbers
 * the ones after it, so every change says at once what "bracket 2" now means, and the next
 * `accept --bracket` need not guess.
 *
 *     Brackets of paragraph 58 now:
 *       1  text   [the/a]
 *       2  Alt 2  [some words of a long bracket, cut after fifty charact…]
 */
export function renderBracketNumbering(paragraph: Paragraph, c: ChalkInstance, heading = 'now'): string {
  const { brackets, errors } = parseParagraph(paragraph);
  const name = paragraphName(paragraph);
  // A change never leaves text that does not parse (checkResult); a draft edited by hand might.
  if (errors.length > 0) return c.dim(`Paragraph ${name} has unbalanced brackets; see "ndraft show ${paragraph.address}"`);
  if (brackets.length === 0) return c.dim(`Paragraph ${name}: no brackets left`);
  const width = Math.max(...brackets.map((b) => String(b.n).length));
  const where = Math.max(...brackets.map((b) => b.slot.name.length));
  return [
    c.dim(`Brackets of paragraph ${name} ${heading}:`),
    ...brackets.map((b) => `  ${String(b.n).padStart(width)}  ${c.dim(b.slot.name.padEnd(where))}  ${bracketText(b)}`),
  ].join('\n');
}
