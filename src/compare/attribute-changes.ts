import { WordingDiff } from '../diff/wording-diff.js';

/** Who made a change and when: a history entry's author (and delegation), or "unattributed". */
export interface Attribution {
  author: string;
  /** ISO 8601. */
  date: string;
  /** The history entry that made the change; absent for a change no entry accounts for. */
  entry?: string;
}

/** A stretch of a text as tracked changes show it: unchanged, or deleted or inserted by someone. */
export interface AttributedSegment {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
  /** Who deleted or inserted it; absent on unchanged text. */
  by?: Attribution;
}

/** A text as one change left it, and who made that change. */
export interface TextStep {
  text: string;
  by: Attribution;
}

/** How a text is cut into units and two texts are lined up: word by word, or whole. */
export interface Tokens {
  tokenize(text: string): string[];
  /** The runs from `a` to `b`; given their tokens (`tokenize`'s), it need not cut them again. */
  diff(a: string, b: string, tokensA?: readonly string[], tokensB?: readonly string[]): { count?: number; added?: boolean; removed?: boolean }[];
}

/** Wordings in bracket notation, word by word, a top-level bracket as one unit (`WordingDiff`). */
export function wordTokens(): Tokens {
  const differ = new WordingDiff();
  return {
    tokenize: (text) => differ.tokenize(text).filter((t) => t !== ''),
    diff: (a, b, tokensA, tokensB) => (tokensA && tokensB ? differ.runs(tokensA, tokensB) : differ.diff(a, b)),
  };
}

/** A text replaced as a whole: a number, a status marker, a closing bracket. */
export const WHOLE: Tokens = {
  tokenize: (text) => (text === '' ? [] : [text]),
  diff: (a, b) => (a === b ? (a === '' ? [] : [{ count: 1 }]) : [...(a === '' ? [] : [{ count: 1, removed: true }]), ...(b === '' ? [] : [{ count: 1, added: true }])]),
};

interface Tracked {
  token: string;
  /** The token's place in the base text, while it is the base's own. */
  base?: number;
  /** Who put it in, when a step did. */
  by?: Attribution;
}

/**
 * The change from `base` to the last step's text, word by word, each deleted or inserted word
 * attributed to the step that made it. Every word is followed through the steps (each one diffed
 * against the text before it): a word a step inserted carries that step, a base word a step
 * deleted remembers it. The change shown is the direct diff of base and last text, so accepting
 * every change gives the last text and rejecting every one the base; a word that diff marks and
 * the steps do not account for (two diffs aligning differently) goes to `unknown`, never to a
 * step that did not touch it. A word a step inserted and a later one deleted is not shown.
 */
export function attributeChanges(base: string, steps: readonly TextStep[], unknown: Attribution, tokens: Tokens = wordTokens()): AttributedSegment[] {
  const last = steps.length === 0 ? base : (steps[steps.length - 1] as TextStep).text;
  if (base === last) return last === '' ? [] : [{ kind: 'same', text: last }];
  // One change made the whole difference: no need to follow the words through it.
  const makers = steps.filter((step, i) => step.text !== (i === 0 ? base : (steps[i - 1] as TextStep).text));
  if (makers.length === 1) {
    const by = (makers[0] as TextStep).by;
    return directChanges(base, last, tokens, () => by, () => by);
  }
  const deletedBy: (Attribution | undefined)[] = [];
  let textTokens = tokens.tokenize(base);
  let tracked: Tracked[] = textTokens.map((token, base) => ({ token, base }));
  let text = base;
  for (const step of steps) {
    if (step.text === text) continue;
    const next = tokens.tokenize(step.text);
    const kept: Tracked[] = [];
    let o = 0;
    let n = 0;
    for (const change of tokens.diff(text, step.text, textTokens, next)) {
      const count = change.count ?? 0;
      if (change.removed) {
        for (const gone of tracked.slice(o, o + count)) if (gone.base !== undefined) deletedBy[gone.base] = step.by;
        o += count;
      } else if (change.added) {
        for (const token of next.slice(n, n + count)) kept.push({ token, by: step.by });
        n += count;
      } else {
        for (let k = 0; k < count; k++) kept.push({ ...(tracked[o + k] as Tracked), token: next[n + k] as string });
        o += count;
        n += count;
      }
    }
    tracked = kept;
    text = step.text;
    textTokens = next;
  }
  return directChanges(base, last, tokens, (i) => deletedBy[i] ?? unknown, (j) => tracked[j]?.by ?? unknown);
}

/** The diff of base and last, each changed token given its author; runs by one author stay together. */
function directChanges(base: string, last: string, tokens: Tokens, deleter: (i: number) => Attribution, inserter: (j: number) => Attribution): AttributedSegment[] {
  const oldTokens = tokens.tokenize(base);
  const newTokens = tokens.tokenize(last);
  const segments: AttributedSegment[] = [];
  const push = (kind: AttributedSegment['kind'], text: string, by?: Attribution) => {
    const previous = segments[segments.length - 1];
    if (previous !== undefined && previous.kind === kind && previous.by === by) previous.text += text;
    else segments.push({ kind, text, ...(by ? { by } : {}) });
  };
  let o = 0;
  let n = 0;
  for (const change of tokens.diff(base, last, oldTokens, newTokens)) {
    const count = change.count ?? 0;
    if (change.removed) {
      for (let k = 0; k < count; k++) push('deleted', oldTokens[o + k] as string, deleter(o + k));
      o += count;
    } else if (change.added) {
      for (let k = 0; k < count; k++) push('inserted', newTokens[n + k] as string, inserter(n + k));
      n += count;
    } else {
      push('same', newTokens.slice(n, n + count).join(''));
      o += count;
      n += count;
    }
  }
  return shareEdgeSpacing(segments);
}

/**
 * A deletion and the insertion after it that start with the same spacing give it to the text
 * before them, so the change reads `the <del>necessity</del><ins>importance</ins> of`.
 */
function shareEdgeSpacing(segments: AttributedSegment[]): AttributedSegment[] {
  const result: AttributedSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const deletion = segments[i] as AttributedSegment;
    const insertion = segments[i + 1];
    if (deletion.kind === 'deleted' && insertion?.kind === 'inserted') {
      const shared = commonLeadingSpace(deletion.text, insertion.text);
      if (shared !== '' && shared !== deletion.text && shared !== insertion.text) {
        result.push({ kind: 'same', text: shared });
        deletion.text = deletion.text.slice(shared.length);
        insertion.text = insertion.text.slice(shared.length);
      }
    }
    if (deletion.text !== '') result.push(deletion);
  }
  return result.reduce<AttributedSegment[]>((merged, segment) => {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && previous.kind === 'same' && segment.kind === 'same') previous.text += segment.text;
    else merged.push(segment);
    return merged;
  }, []);
}

function commonLeadingSpace(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i] && /\s/u.test(a[i] as string)) i++;
  return a.slice(0, i);
}
