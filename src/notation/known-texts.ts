import type { NotationRoot } from './types.js';
import type { UnbracketedChoice } from './unbracketed-choices.js';
import { listBrackets } from './visit-brackets.js';

/** What the check of a paragraph needs of one text's notation: how many brackets it holds, and the choices left out of brackets. */
export interface TextFacts {
  brackets: number;
  choices: readonly UnbracketedChoice[];
}

/**
 * Facts of texts already parsed, by the text itself: the importer parses every text it reads
 * (to repair its brackets and flag its unbracketed choices), and the check of the draft it is
 * about to write (`checkDraft`) then needs no parse of its own. Only texts that take part in no
 * bracket span: their notation depends on nothing but the text, so a text that is the same
 * string is the same notation, whatever changed the paragraph in between.
 */
export type KnownTexts = Map<string, TextFacts>;

const NONE: readonly UnbracketedChoice[] = Object.freeze([]);

/** Records what `tree`, the notation of `text` (in no bracket span), holds. */
export function noteKnownText(known: KnownTexts, text: string, tree: NotationRoot, choices: readonly UnbracketedChoice[]): void {
  known.set(text, { brackets: listBrackets(tree.children).length, choices: choices.length === 0 ? NONE : choices });
}
