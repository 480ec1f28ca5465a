import { parseNotation } from '../notation/parse-notation.js';
import { printNotation } from '../notation/print-notation.js';
import type { InlineNode, NotationRoot } from '../notation/types.js';
import { alignWordings, type Anchor } from './align-wordings.js';
import { applyChoices, isLooseBefore } from './apply-choices.js';
import { buildBracket, type BuiltBracket } from './build-bracket.js';
import { startsWithClosingMark } from './closing-mark.js';
import { normalizeWhitespace } from './normalize-whitespace.js';
import { tokenizeWording, type WordingToken } from './tokenize-wording.js';
import type { Choice, StreamlineIssue, StreamlineResult } from './types.js';

type GapPlan =
  | { kind: 'none' }
  | { kind: 'shared'; tokens: WordingToken[] }
  | { kind: 'bracket'; space: string; built: BuiltBracket; choices: Choice[]; words: number; widen?: 'left' | 'right' };

/**
 * Folds competing wordings (bracket notation, two or more) into one text in which the words all
 * wordings share stand plain and only the runs that differ are bracketed: `[x/y]` where the
 * wordings say different things, `[x]` where one says something and the others nothing, and
 * `[x/y/]` (an empty last option) where some say nothing and the rest disagree. Options come in
 * the order of the first wording that has each; identical runs share one option. A wording's own
 * brackets move as whole tokens and end up nested inside options (`[[a]/b]`), or stay plain when
 * every wording has them at the same place.
 *
 * Never prints. Throws a plain Error for fewer than two wordings or invalid notation.
 */
export function streamlineWordings(wordings: readonly string[]): StreamlineResult {
  if (wordings.length < 2) throw new Error(`streamlining needs at least 2 wordings, got ${wordings.length}`);
  const tokens = wordings.map((wording, k) => {
    try {
      return tokenizeWording(wording);
    } catch (error) {
      throw new Error(`wording ${k + 1}: ${(error as Error).message}`);
    }
  });
  const ids = new Map<string, number>();
  const sequences = tokens.map((list) =>
    list.map((t) => ids.get(t.key) ?? (ids.set(t.key, ids.size), ids.size - 1)),
  );
  const { plans, anchors } = planGaps(tokens, alignWordings(sequences));

  const out = new InlineBuilder();
  const choices: Choice[][] = wordings.map(() => []);
  const brackets: BuiltBracket[] = [];
  let contestedWords = 0;
  let agreedWords = 0;
  plans.forEach((plan, g) => {
    if (plan.kind === 'shared') {
      out.tokens(plan.tokens, false);
      agreedWords += plan.tokens.reduce((sum, t) => sum + t.words, 0);
    } else if (plan.kind === 'bracket') {
      out.text(plan.space);
      out.node(plan.built.bracket);
      brackets.push(plan.built);
      plan.choices.forEach((choice, k) => choices[k]?.push(choice));
      contestedWords += plan.words;
    }
    const anchor = anchors[g];
    if (!anchor) return;
    const token = anchorToken(tokens, anchor);
    out.tokens([token], false);
    agreedWords += token.words;
    if (token.bracket) for (const list of choices) list.push('keep');
  });

  const tree: NotationRoot = { type: 'root', children: out.children };
  const text = printNotation(tree);
  return {
    text,
    tree,
    brackets: brackets.length,
    contestedWords,
    agreedWords,
    choices,
    issues: verify(wordings, text, tree, brackets, choices),
  };
}

/**
 * Plans the gaps between anchors: `plans[g]` comes before `anchors[g]`, the last plan after the
 * last anchor. Where a bracket cannot be written so that every wording reads back exactly (a
 * space added to keep a slash a separator would stay behind), the neighbouring anchor joins the
 * bracket and the gap is planned again; each retry removes an anchor, so this ends.
 */
function planGaps(tokens: readonly WordingToken[][], aligned: readonly Anchor[]): { plans: GapPlan[]; anchors: Anchor[] } {
  const anchors = [...aligned];
  const plans: GapPlan[] = [];
  let g = 0;
  while (g <= anchors.length) {
    const from = g === 0 ? tokens.map(() => 0) : (anchors[g - 1] as Anchor).map((i) => i + 1);
    const to = anchors[g] ?? tokens.map((list) => list.length);
    const next = anchors[g] ? anchorToken(tokens, anchors[g] as Anchor) : undefined;
    const plan = planGap(tokens.map((list, k) => list.slice(from[k], to[k])), next, g === 0);
    if (plan.kind === 'bracket' && plan.widen === 'left' && g > 0) {
      anchors.splice(g - 1, 1);
      g -= 1;
      plans.length = g;
    } else if (plan.kind === 'bracket' && plan.widen === 'right' && g < anchors.length) {
      anchors.splice(g, 1);
    } else {
      plans[g] = plan;
      g += 1;
    }
  }
  return { plans, anchors };
}

function planGap(segments: readonly WordingToken[][], next: WordingToken | undefined, atStart: boolean): GapPlan {
  const distinct = new Map<string, { index: number; tokens: WordingToken[] }>();
  for (const segment of segments) {
    const key = segment.map((t) => t.key).join('\u0000');
    if (segment.length > 0 && !distinct.has(key)) distinct.set(key, { index: distinct.size, tokens: segment });
  }
  const someEmpty = segments.some((s) => s.length === 0);
  if (distinct.size === 0) return { kind: 'none' };
  const options = [...distinct.values()];
  if (options.length === 1 && !someEmpty) return { kind: 'shared', tokens: options[0]?.tokens ?? [] };

  // White space goes outside the bracket (`the [importance/necessity] of`, not `the[ importance/
  // necessity] of`) when resolving puts it back exactly: every option starts with a space, or
  // with a closing mark and no space (applyChoices drops the space before `, inter alia`); and a
  // wording with nothing here leaves the space before something that applyChoices tidies (white
  // space, a closing mark, the end). Otherwise each option keeps its own white space.
  const rest = next ? next.lead + next.text : '';
  const firsts = options.map((o) => o.tokens[0] as WordingToken);
  const hoist =
    firsts.some((t) => t.spaced) &&
    firsts.every((t) => t.spaced !== startsWithClosingMark(t.text)) &&
    (!someEmpty || isLooseBefore(rest));
  const contents = options.map((o) => inline(o.tokens, hoist));
  if (someEmpty && options.length > 1) contents.push([]);
  const built = buildBracket(contents);
  const choices = segments.map((segment): Choice => {
    if (segment.length > 0) return { option: distinct.get(segment.map((t) => t.key).join('\u0000'))?.index ?? 0 };
    return options.length === 1 ? 'drop' : { option: options.length };
  });
  // A space put before an option stays unless white space (kept outside) or the text's start
  // precedes it; a space put after one stays unless what follows is loose (see isLooseBefore).
  const widen =
    !hoist && !atStart && built.paddedStart.size > 0
      ? 'left'
      : built.paddedEnd.size > 0 && !isLooseBefore(rest)
        ? 'right'
        : undefined;
  return {
    kind: 'bracket',
    space: hoist ? (firsts.find((t) => t.spaced)?.lead ?? '') : '',
    built,
    choices,
    words: options.reduce((sum, o) => sum + o.tokens.reduce((s, t) => s + t.words, 0), 0),
    ...(widen ? { widen } : {}),
  };
}

/** An anchor as printed: the first wording's token, with the first real white space any wording has before it. */
function anchorToken(tokens: readonly WordingToken[][], anchor: Anchor): WordingToken {
  const all = anchor.map((i, k) => tokens[k]?.[i] as WordingToken);
  const first = all[0] as WordingToken;
  return { ...first, lead: first.spaced ? (all.find((t) => t.lead !== '')?.lead ?? '') : '' };
}

function inline(tokens: readonly WordingToken[], withoutFirstLead: boolean): InlineNode[] {
  const builder = new InlineBuilder();
  builder.tokens(tokens, withoutFirstLead);
  return builder.children;
}

/** Children in the parser's canonical shape: no empty text, never two text nodes in a row. */
class InlineBuilder {
  readonly children: InlineNode[] = [];

  text(value: string): void {
    if (value === '') return;
    const last = this.children[this.children.length - 1];
    if (last?.type === 'text') this.children[this.children.length - 1] = { type: 'text', value: last.value + value };
    else this.children.push({ type: 'text', value });
  }

  node(node: InlineNode): void {
    this.children.push(node);
  }

  tokens(tokens: readonly WordingToken[], withoutFirstLead: boolean): void {
    tokens.forEach((token, i) => {
      this.text(i === 0 && withoutFirstLead ? '' : token.lead);
      if (token.bracket) this.node(token.bracket);
      else this.text(token.text);
    });
  }
}

/** Reparses the text and resolves it for every wording; anything that does not come back is an issue. */
function verify(
  wordings: readonly string[],
  text: string,
  tree: NotationRoot,
  brackets: readonly BuiltBracket[],
  choices: readonly Choice[][],
): StreamlineIssue[] {
  const issues: StreamlineIssue[] = [];
  brackets.forEach((b, i) => {
    if (b.readsBack) return;
    issues.push({
      code: 'SLASH_READ_AS_SEPARATOR',
      message: `the merge's bracket ${i + 1}, ${printNotation(b.bracket)}, holds a slash that would not read back as written (a word's slash read as an option separator, or a slash joining two of its brackets among other words); only the tree is faithful`,
    });
  });
  const reparsed = parseNotation(text);
  const checked = issues.length === 0 && reparsed.ok ? reparsed.tree : tree;
  wordings.forEach((wording, k) => {
    if (normalizeWhitespace(applyChoices(checked, choices[k] ?? [])) === normalizeWhitespace(wording)) return;
    issues.push({ code: 'WORDING_NOT_REPRODUCED', message: `resolving the text for wording ${k + 1} does not give it back`, wording: k });
  });
  return issues;
}
