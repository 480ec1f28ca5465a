import { describeScope } from '../model/describe-scope.js';
import { paragraphName } from '../model/paragraph-name.js';
import type { Alternative, Item, Paragraph } from '../model/schemas.js';
import { noteLine } from './note-text.js';

/**
 * A paragraph file as git's diff shows it through `ndraft textconv`: one line per text (the text,
 * each item, each alternative), in bracket notation as written, then its notes and positions.
 * Never wrapped: git diff compares line by line, and `--word-diff` then marks the words that
 * changed within each line, so a line must be one whole text.
 */
export function renderTextconv(p: Paragraph): string {
  const head = [`Paragraph ${paragraphName(p)}`, p.status];
  if (p.bracketed) head.push('bracketed as a whole');
  const lines = [head.join(' · '), `text: ${p.text}`];
  for (const item of p.items) lines.push(...itemLines(item));
  for (const alternative of p.alternatives) lines.push(...alternativeLines(alternative, ''));
  for (const note of p.notes ?? []) lines.push(noteLine(note));
  for (const position of p.bracketPositions ?? []) {
    const stances = stanceText(position);
    if (stances !== '') lines.push(`positions on ${position.bracket} in ${position.in}: ${stances}`);
  }
  return `${lines.join('\n')}\n`;
}

function itemLines(item: Item): string[] {
  const name = `item ${item.label}`;
  const lines = [`${name}${item.status !== undefined ? ` (${item.status})` : ''}: ${item.text}`];
  for (const alternative of item.alternatives ?? []) lines.push(...alternativeLines(alternative, `${name} `));
  for (const note of item.notes ?? []) lines.push(`${name} ${noteLine(note)}`);
  return lines;
}

function alternativeLines(alternative: Alternative, of: string): string[] {
  const name = `${of}${alternative.label}`;
  const lines = [`${name} (${describeScope(alternative.scope)}): ${alternative.text}`];
  const stances = stanceText(alternative);
  if (stances !== '') lines.push(`${name} positions: ${stances}`);
  for (const note of alternative.notes ?? []) lines.push(`${name} ${noteLine(note)}`);
  return lines;
}

/** "proposed by EU, G77 · supported by US · opposed by CH"; "" when no one has said anything. */
function stanceText(stances: { proposedBy?: readonly string[]; supportedBy?: readonly string[]; opposedBy?: readonly string[] }): string {
  const parts: string[] = [];
  if (stances.proposedBy?.length) parts.push(`proposed by ${stances.proposedBy.join(', ')}`);
  if (stances.supportedBy?.length) parts.push(`supported by ${stances.supportedBy.join(', ')}`);
  if (stances.opposedBy?.length) parts.push(`opposed by ${stances.opposedBy.join(', ')}`);
  return parts.join(' · ');
}
