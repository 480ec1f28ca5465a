import { printNotation } from '../notation/print-notation.js';
import type { NotationRoot } from '../notation/types.js';
import { startsWithClosingMark } from './closing-mark.js';
import type { Choice } from './types.js';

interface Piece {
  text: string;
  /** Made by resolving a bracket: only its seams are tidied. */
  resolved: boolean;
}

/**
 * Resolves the top-level brackets of a (streamlined) text as chosen, one choice per top-level
 * bracket in reading order, and prints the result. Nested brackets are printed as written.
 *
 * Only the seams of resolved brackets are tidied, never the text elsewhere: where a dropped
 * bracket (or an empty or space-padded option) leaves white space that meets more white space,
 * a closing mark (`,` `.` `)` `”` …) or either end of the text, that white space goes.
 * `the [new] rules` → `the rules`; `cooperation [to this end].` → `cooperation.`;
 * `cooperation [to this end/, inter alia]` → `cooperation, inter alia`; `[2005 / 2006]` → `2005`.
 * Throws a plain Error when the choices do not fit the brackets.
 */
export function applyChoices(tree: NotationRoot, choices: readonly Choice[]): string {
  const brackets = tree.children.filter((c) => c.type === 'bracket').length;
  if (choices.length !== brackets) {
    throw new Error(`expected ${brackets} choice${brackets === 1 ? '' : 's'}, one per top-level bracket, got ${choices.length}`);
  }
  const pieces: Piece[] = [];
  let next = 0;
  for (const child of tree.children) {
    if (child.type === 'text') {
      pieces.push({ text: child.value, resolved: false });
      continue;
    }
    if (child.type !== 'bracket') {
      pieces.push({ text: printNotation(child), resolved: false });
      continue;
    }
    const choice = choices[next++] as Choice;
    if (choice === 'keep') pieces.push({ text: printNotation(child), resolved: false });
    else if (choice === 'drop') pieces.push({ text: '', resolved: true });
    else {
      const option = child.options[choice.option];
      if (!option) throw new Error(`bracket ${next} has ${child.options.length} options, no option ${choice.option}`);
      pieces.push({ text: printNotation(option), resolved: true });
    }
  }
  return joinPieces(pieces);
}

/** Whether white space left before `rest` by a resolved bracket is superfluous: see `applyChoices`. */
export function isLooseBefore(rest: string): boolean {
  return rest === '' || /^\s/u.test(rest) || startsWithClosingMark(rest);
}

function joinPieces(pieces: readonly Piece[]): string {
  let out = '';
  let trimNextStart = false;
  pieces.forEach((piece, i) => {
    let text = trimNextStart ? piece.text.trimStart() : piece.text;
    if (text !== '') trimNextStart = false;
    if (!piece.resolved) {
      out += text;
      return;
    }
    const loose = isLooseBefore(pieces.slice(i + 1).find((p) => p.text !== '')?.text ?? '');
    if (text.trim() === '') {
      if (out === '') trimNextStart = true;
      else if (/\s$/u.test(out) && loose) out = out.trimEnd();
      return;
    }
    if ((out === '' || /\s$/u.test(out)) && /^\s/u.test(text)) text = text.trimStart();
    if (/\s$/u.test(out) && startsWithClosingMark(text)) out = out.trimEnd();
    if (/\s$/u.test(text) && loose) text = text.trimEnd();
    out += text;
  });
  return out;
}
