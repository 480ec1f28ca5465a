import { inputError, NdraftError } from '../diagnostics/diagnostic.js';

/**
 * The one way every command reads a label a person typed: an alternative (`Alt 3`), an option of
 * a block (`Option 2`), a labelled option in the text (`Option 2B`), an item (`f)`), a dropped
 * wording (`restore`). People type labels as they say them, so these all name `Alt 3`:
 * `Alt 3`, `alt3`, `Alt. 3`, `ALT 3.`, `Alternative 3`, and the words `Alt` `3` unquoted (the
 * command line joins them with a space). Case, spaces, parentheses, colons and full stops
 * (except between digits: `3.1`) do not matter.
 *
 * A label's last part alone also names it, when no other label in the same place ends the same
 * way: `3` for `Alt 3`, `2B` for `Option 2B`, `a` or `(a)` for `Option (a)`, and the number
 * ending the label (`1` for `Alt 71g1`). "Ends in 3" means that number is 3: `3` never names
 * `Alt 13`. A full spelling always wins over a last part. Two labels named at once is an error
 * that lists them; so is a label that names none.
 */

/** One label a person may name, with what it stands for and how an error message shows it. */
export interface Labelled<T> {
  label: string;
  value: T;
  /** How a list in a message shows it (default: the label in quotes). */
  shown?: string;
}

/** What a lookup is about, for its messages: `paragraph 61`, `alternative`, `alternatives`. */
export interface LabelPlace {
  owner: string;
  thing: string;
  things: string;
  /** Said after the list when several labels answer: what to type instead. */
  whenAmbiguous?: string;
}

/** `Alt. 3`, `alt3`, `ALT 3.`, `Alternative 3` → `alt3`; `Option (a)` → `optiona`; `3.1` keeps its point. */
export function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/(?<!\d)\.|\.(?!\d)/gu, '')
    .replace(/[\s():]+/gu, '')
    .replace(/^alternative(?=\d|$)/u, 'alt');
}

/** Whether two labels are the same as people type them (`Alt 3` and `alt3`): a new label may not clash with one there. */
export function sameLabelKey(a: string, b: string): boolean {
  return labelKey(a) === labelKey(b);
}

/** The labels among `candidates` that `asked` names: none, one, or several (ambiguous). */
export function matchLabel<T>(candidates: readonly Labelled<T>[], asked: string): Labelled<T>[] {
  const key = labelKey(asked);
  if (key === '') return [];
  const exact = candidates.filter((c) => labelKey(c.label) === key);
  if (exact.length > 0 || words(asked).length !== 1) return exact;
  return candidates.filter((c) => lastParts(c.label).includes(key));
}

/** The value `asked` names; an error lists the labels there are, or the ones it could mean. */
export function findLabelled<T>(candidates: readonly Labelled<T>[], asked: string, place: LabelPlace, hint = ''): T {
  const found = matchLabel(candidates, asked);
  if (found.length === 1) return (found[0] as Labelled<T>).value;
  throw labelError(candidates, found, asked, place, hint);
}

/** The refusal for a label that names none of `candidates` (`found` empty) or several (`found`). */
export function labelError<T>(candidates: readonly Labelled<T>[], found: readonly Labelled<T>[], asked: string, place: LabelPlace, hint = ''): NdraftError {
  if (found.length > 1) {
    const advice = place.whenAmbiguous ?? 'give the whole label';
    return inputError(`"${asked.trim()}" could name any of ${found.length} ${place.things} of ${place.owner}: ${listShown(found)}; ${advice}${hint}`);
  }
  if (candidates.length === 0) return inputError(`${place.owner} has no ${place.things}${hint}`);
  return inputError(`${place.owner} has no ${place.thing} "${asked.trim()}"; its ${place.things} are ${listShown(candidates)}${hint}`);
}

/**
 * Words typed without quotes, grouped into the labels they spell (`Alt 1 Alt 3` → `Alt 1`,
 * `Alt 3`): from the left, each label is the longest run of words that names one of `labels`,
 * so a new label starts at each word that starts one. Words that name none stay together up to
 * the next word that does, so that the lookup after this can say what was not found. Quoted
 * labels (`"Alt 1" "Alt 3"`) come through unchanged.
 */
export function splitLabels(typed: readonly string[], labels: readonly string[]): string[] {
  const candidates = labels.map((label) => ({ label, value: label }));
  const names = (from: number, to: number) => matchLabel(candidates, typed.slice(from, to).join(' ')).length > 0;
  const longest = (from: number): number | undefined => {
    for (let to = typed.length; to > from; to--) if (names(from, to)) return to;
    return undefined;
  };
  const groups: string[] = [];
  let from = 0;
  while (from < typed.length) {
    let to = longest(from);
    if (to === undefined) {
      to = from + 1;
      while (to < typed.length && longest(to) === undefined) to++;
    }
    groups.push(typed.slice(from, to).join(' '));
    from = to;
  }
  return groups;
}

/** `"Alt 1", "Alt 2"`: the labels as a message lists them. */
export function listShown(candidates: readonly Labelled<unknown>[]): string {
  return [...new Set(candidates.map((c) => c.shown ?? `"${c.label}"`))].join(', ');
}

function words(label: string): string[] {
  return label.split(/[\s():]+/u).filter((w) => w !== '');
}

/** `Alt 3` → `3`; `Option 2B` → `2b`; `Alt 71g1` → `71g1` and `1`; `alt3` → `3`. */
function lastParts(label: string): string[] {
  const all = words(label);
  const last = all[all.length - 1];
  if (last === undefined) return [];
  const parts = all.length > 1 ? [labelKey(last)] : [];
  const number = /[^\d.](\d+)\.?$/u.exec(last)?.[1];
  if (number !== undefined) parts.push(number);
  return parts;
}
