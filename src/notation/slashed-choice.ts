import type { BracketNode, RootChild } from './types.js';

// What joins two brackets of a slashed choice: a slash, blanks allowed (`]/[`, `]/ [`, `] / [`).
const JOIN = /^[ \t\u00a0]*\/[ \t\u00a0]*$/u;

/**
 * Brackets joined by slashes (`[Member States]/[Contracting Parties]`, `[should]/[shall]`) are
 * one choice between their wordings: the WIPO way of writing `[a/b]` when each wording is a
 * phrase. Like a labelled choice, the group is read off the tree where it is needed (`show`,
 * `accept`), so the parser, the printer and every other walk see the brackets as written.
 * Labelled brackets are never part of one: they make labelled choices of their own.
 */
/** Every slashed choice directly in `children` (not inside their brackets): runs of two brackets or more. */
export function slashedChoices(children: readonly RootChild[]): BracketNode[][] {
  const groups: BracketNode[][] = [];
  let run: BracketNode[] = [];
  let joined = false;
  const close = (): void => {
    if (run.length > 1) groups.push(run);
    run = [];
  };
  for (const child of children) {
    if (child.type === 'bracket' && child.label === undefined) {
      if (!joined) close();
      run.push(child);
      joined = false;
    } else if (child.type === 'text' && run.length > 0 && !joined && JOIN.test(child.value)) {
      joined = true;
    } else {
      close();
      joined = false;
    }
  }
  close();
  return groups;
}
