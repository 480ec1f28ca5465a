import { inputError } from '../diagnostics/diagnostic.js';
import { printNotation } from '../notation/print-notation.js';
import { choiceGroups, type ChoiceGroups } from '../notation/choice-groups.js';
import { paragraphName } from './paragraph-name.js';
import type { NumberedBracket, ParsedParagraph } from './paragraph-slots.js';
import type { Paragraph } from './schemas.js';

/**
 * The bracket a person named, by its number as `show` prints it (`1`) or by its words:
 * those of one of its options (`management`), of all of them as `show` prints them
 * (`management/development`, `management / development`), or of its label (`Option 2A`).
 * Case, spacing and the brackets themselves do not matter; words ending in `…` or `...` are the
 * start of the words (as `show` cuts long ones). Words found in several brackets are refused
 * with their numbers; words found in none, with every bracket's number and words.
 */
export function findBracket(paragraph: Paragraph, parsed: ParsedParagraph, asked: string | number): NumberedBracket {
  const name = paragraphName(paragraph);
  const { brackets } = parsed;
  if (brackets.length === 0) throw inputError(`paragraph ${name} has no open brackets`);
  const typed = String(asked).trim();
  if (/^\d+$/u.test(typed)) {
    const numbered = brackets.find((b) => b.n === Number(typed));
    if (numbered) return numbered;
    throw inputError(`paragraph ${name} has no bracket ${typed}; its brackets are numbered 1 to ${brackets.length} (see "ndraft show ${paragraph.address}")`);
  }
  const prefix = /(?:…|\.\.\.)$/u.test(typed);
  const wanted = wordsKey(typed.replace(/(?:…|\.\.\.)$/u, ''));
  const groups = choiceGroups(parsed.slots.map((slot) => slot.tree));
  const found = wanted === '' ? [] : brackets.filter((b) => bracketWords(b, groups).some((w) => (prefix ? w.startsWith(wanted) : w === wanted)));
  if (found.length === 1 || (found.length > 1 && oneChoice(found, groups))) return found[0] as NumberedBracket;
  if (found.length > 1) {
    throw inputError(`the words "${typed}" are in ${found.length} brackets of paragraph ${name}: ${found.map((b) => `${b.n} ${bracketText(b)}`).join(', ')}; name one by its number`);
  }
  throw inputError(`paragraph ${name} has no bracket with the words "${typed}"; its brackets are ${brackets.map((b) => `${b.n} ${bracketText(b)}`).join(', ')}`);
}

/** `[management/development]`, whitespace collapsed and cut after `max` characters: how messages show a bracket. */
export function bracketText(numbered: NumberedBracket, max = 50): string {
  const inside = printNotation(numbered.bracket).replace(/\s+/gu, ' ').slice(1, -1);
  const chars = [...inside];
  return `[${chars.length <= max ? inside : `${chars.slice(0, max - 1).join('').trimEnd()}…`}]`;
}

/** The spellings a bracket answers to: all of it, its label, each option, the options joined; and a slashed choice's, all of it. */
function bracketWords(numbered: NumberedBracket, groups: ChoiceGroups): string[] {
  const { bracket } = numbered;
  const options = bracket.options.map((o) => printNotation(o));
  const choice = groups.slashed.get(bracket)?.map((b) => printNotation(b)).join('/') ?? '';
  return [printNotation(bracket), bracket.label?.value ?? '', options.join('/'), ...options, choice].map(wordsKey).filter((w) => w !== '');
}

/** Whether the brackets found are all of one slashed choice (`Member States/Contracting Parties` names the choice). */
function oneChoice(found: readonly NumberedBracket[], groups: ChoiceGroups): boolean {
  const group = groups.slashed.get((found[0] as NumberedBracket).bracket);
  const members = new Set(group);
  return group !== undefined && found.every((b) => members.has(b.bracket));
}

/** Case, brackets and spacing aside: `[Management / development]` → `management/development`. */
function wordsKey(words: string): string {
  return words
    .toLowerCase()
    .replace(/[[\]]/gu, ' ')
    .replace(/\s*\/\s*/gu, '/')
    .replace(/\s+/gu, ' ')
    .trim();
}
