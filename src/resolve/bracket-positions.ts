import { inputError } from '../diagnostics/diagnostic.js';
import { foldName } from '../model/did-you-mean.js';
import { bracketText, findBracket } from '../model/find-bracket.js';
import { paragraphName } from '../model/paragraph-name.js';
import { parseParagraph, type NumberedBracket } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { STANCE_FIELDS, STANCES, stancePhrases, type Stance } from '../model/stances.js';
import { printNotation } from '../notation/print-notation.js';
import type { Resolution } from './accept-alternative.js';
import { setStance } from './positions.js';

/** What a position command does to a bracket: ask for it, want its words kept or dropped, or take that back. */
export type BracketPositionChange = 'propose' | 'support' | 'oppose' | 'withdraw';

/**
 * Records a delegation's position on an open bracket, named by its number or words. A bracket
 * is known in the file by where it stands and how it is written, since numbers shift as others
 * are resolved; a delegation holds one position on it.
 */
export function changeBracketPosition(paragraph: Paragraph, ref: string, by: string, change: BracketPositionChange): Resolution {
  const found = findBracket(paragraph, parseParagraph(paragraph), ref);
  const next = structuredClone(paragraph);
  const positions = next.bracketPositions ?? [];
  const key = keyOf(found);
  let entry = positions.find((p) => p.in === key.in && p.bracket === key.bracket);
  if (entry === undefined) {
    entry = { ...key };
    positions.push(entry);
  }
  const where = `bracket ${found.n} ${bracketText(found, 40)} of paragraph ${paragraphName(paragraph)}`;
  const held = STANCES.find((stance) => (entry[STANCE_FIELDS[stance]] ?? []).some((name) => foldName(name) === foldName(by)));
  let summary: string;
  if (change === 'withdraw') {
    if (held === undefined) throw inputError(`${by} holds no position on ${where}`);
    setStance(entry, by, held, undefined);
    summary = `${by} withdrew its ${held === 'proposed' ? 'request for' : held === 'supported' ? 'support for' : 'opposition to'} ${where}`;
  } else {
    const wanted: Stance = change === 'propose' ? 'proposed' : change === 'support' ? 'supported' : 'opposed';
    if (held === wanted) throw inputError(`${by} already ${change === 'propose' ? 'asks for' : `${change}s`} ${where}`);
    if (held !== undefined) setStance(entry, by, held, undefined);
    setStance(entry, by, undefined, wanted);
    summary = `${by} ${change === 'propose' ? 'asks for' : change === 'support' ? 'wants to keep the words of' : 'wants to drop the words of'} ${where}`;
  }
  const kept = positions.filter((p) => STANCES.some((stance) => (p[STANCE_FIELDS[stance]] ?? []).length > 0));
  if (kept.length > 0) next.bracketPositions = kept;
  else delete next.bracketPositions;
  return { paragraph: next, summary };
}

/** The positions on bracket `numbered`, as every format says them: `supported by EU; opposed by G77`. */
export function bracketStances(paragraph: Paragraph, numbered: NumberedBracket): string {
  const key = keyOf(numbered);
  const entry = paragraph.bracketPositions?.find((p) => p.in === key.in && p.bracket === key.bracket);
  return entry === undefined ? '' : stancePhrases(entry).join('; ');
}

/**
 * The paragraph without positions on brackets it no longer has (resolved, or reworded): what
 * every change leaves, so that a position never moves to another bracket.
 */
export function withoutStaleBracketPositions(paragraph: Paragraph): Paragraph {
  if (paragraph.bracketPositions === undefined) return paragraph;
  const open = new Set(parseParagraph(paragraph).brackets.map((b) => JSON.stringify(keyOf(b))));
  const kept = paragraph.bracketPositions.filter((p) => open.has(JSON.stringify({ in: p.in, bracket: p.bracket })));
  if (kept.length === paragraph.bracketPositions.length) return paragraph;
  const next = { ...paragraph };
  if (kept.length > 0) next.bracketPositions = kept;
  else delete next.bracketPositions;
  return next;
}

function keyOf(numbered: NumberedBracket): { in: string; bracket: string } {
  return { in: numbered.slot.name, bracket: printNotation(numbered.bracket) };
}

/**
 * `after` with `by` recorded as asking for the brackets it has and `before` had not: what
 * `ndraft bracket … --by EU` does for the brackets it puts in.
 */
export function proposeNewBrackets(before: Paragraph, after: Paragraph, by: string): Paragraph {
  const had = parseParagraph(before).brackets.map((b) => JSON.stringify(keyOf(b)));
  const added = parseParagraph(after).brackets.map(keyOf).filter((key) => {
    const at = had.indexOf(JSON.stringify(key));
    if (at < 0) return true;
    had.splice(at, 1);
    return false;
  });
  if (added.length === 0) return after;
  return { ...after, bracketPositions: [...(after.bracketPositions ?? []), ...added.map((key) => ({ ...key, proposedBy: [by] }))] };
}
