import { diffArrays } from 'diff';
import { tokenizeWording } from '../merge/tokenize-wording.js';
import { parseNotation } from '../notation/parse-notation.js';

/** A stretch of the base's tokens, `[start, end)`, that a side replaced with `tokens` (none: deleted; empty stretch: inserted). */
interface Edit {
  start: number;
  end: number;
  tokens: string[];
}

/**
 * Two sides' changes to one text merged word by word, where that is safe: the text is cut into
 * words, punctuation marks and whole brackets (`tokenizeWording`, so a bracket is one unit and
 * is never half changed), each side's edits are found against the base, and both are applied
 * when no two edits touch: each stands between words the other side left alone. One side
 * choosing an option of `[management/development]` while the other brackets words further on
 * gives one text with both changes. Undefined when the edits touch or overlap, or the text does
 * not cut cleanly (a bracket span's unmatched bracket): the caller then keeps both wordings.
 */
export function mergeWords(base: string, ours: string, theirs: string): string | undefined {
  const [b, o, t] = [tokens(base), tokens(ours), tokens(theirs)];
  if (!b || !o || !t) return undefined;
  const edits = [...editsOf(b, o), ...editsOf(b, t)].sort((x, y) => x.start - y.start || x.end - y.end);
  const kept: Edit[] = [];
  for (const edit of edits) {
    const last = kept.at(-1);
    if (last && last.start === edit.start && last.end === edit.end && last.tokens.join('') === edit.tokens.join('')) continue;
    // Touching counts: two insertions at one point, or an edit right against another, have no order both sides chose.
    if (last && edit.start <= last.end) return undefined;
    kept.push(edit);
  }
  const merged: string[] = [];
  let at = 0;
  for (const edit of kept) {
    merged.push(...b.slice(at, edit.start), ...edit.tokens);
    at = edit.end;
  }
  merged.push(...b.slice(at));
  const text = merged.join('').replace(/^\s+/u, '');
  return parseNotation(text).ok ? text : undefined;
}

/** The text as tokens, each with the white space before it; undefined when they would not give the text back. */
function tokens(text: string): string[] | undefined {
  try {
    const cut = tokenizeWording(text).map((token) => token.lead + token.text);
    return cut.join('') === text ? cut : undefined;
  } catch {
    return undefined;
  }
}

function editsOf(base: readonly string[], side: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  for (const change of diffArrays(base as string[], side as string[])) {
    const count = change.count ?? change.value.length;
    const last = edits.at(-1);
    const open = last !== undefined && last.end === at ? last : undefined;
    if (change.removed) {
      if (open) open.end += count;
      else edits.push({ start: at, end: at + count, tokens: [] });
      at += count;
    } else if (change.added) {
      if (open) open.tokens.push(...change.value);
      else edits.push({ start: at, end: at, tokens: [...change.value] });
    } else at += count;
  }
  return edits;
}
