import type { ChalkInstance } from 'chalk';
import type { Change } from 'diff';
import type { WordingComparison } from '../diff/compare-wordings.js';
import { CURRENT_WORDING, type Wording } from '../diff/pick-wordings.js';
import { stancePhrases } from '../model/stances.js';

/**
 * `ndraft diff` output. Pure: takes the comparisons and a chalk instance, returns the text.
 *
 * - `color`: deletions red and struck through, insertions green, unchanged text plain.
 * - `plain`: git's `--word-diff` markers, `[-old-]{+new+}`.
 * - `criticmarkup`: `{--old--}`, `{++new++}`, and `{~~old~>new~~}` for a deletion directly
 *   followed by an insertion (https://criticmarkup.com).
 * - `json`: the comparison as data, for scripts.
 *
 * The spacing at the edges of a lone deletion or insertion is printed outside its markers
 * (`a [-b-] c`, as git does); a deletion and insertion pair is printed as the diff left it.
 */
export const DIFF_FORMATS = ['color', 'plain', 'criticmarkup', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface Markers {
  deleted(text: string): string;
  inserted(text: string): string;
  replaced(old: string, text: string): string;
}

export function markersFor(format: Exclude<DiffFormat, 'json'>, c: ChalkInstance): Markers {
  switch (format) {
    case 'color': {
      const deleted = (text: string) => c.red.strikethrough(text);
      const inserted = (text: string) => c.green(text);
      return { deleted, inserted, replaced: (old, text) => deleted(old) + inserted(text) };
    }
    case 'plain':
      return { deleted: (t) => `[-${t}-]`, inserted: (t) => `{+${t}+}`, replaced: (old, t) => `[-${old}-]{+${t}+}` };
    case 'criticmarkup':
      return { deleted: (t) => `{--${t}--}`, inserted: (t) => `{++${t}++}`, replaced: (old, t) => `{~~${old}~>${t}~~}` };
  }
}

/** One comparison: a header naming the two wordings and how alike they are, then the marked text. */
export function renderWordDiff(comparison: WordingComparison, format: DiffFormat, c: ChalkInstance): string {
  if (format === 'json') return JSON.stringify(comparisonJson(comparison), null, 2);
  const markers = markersFor(format, c);
  const { a, b } = comparison;
  const header = [
    c.bold(`${placeName(comparison)}: ${a.label} → ${b.label}, ${describeSimilarity(comparison)}`),
    withPositions(markers.deleted(a.label), a),
    withPositions(markers.inserted(b.label), b),
  ];
  return [...header, '', markWords(comparison.changes, markers)].join('\n');
}

/** Several comparisons with the same base, one line each: `Alt 3 vs Alt 1: 62% similar (14 words differ)`. */
export function renderSimilarities(comparisons: readonly WordingComparison[], format: DiffFormat, c: ChalkInstance): string {
  if (format === 'json') return JSON.stringify(comparisons.map(comparisonJson), null, 2);
  const first = comparisons[0];
  if (first === undefined) return '';
  const n = comparisons.length;
  const what =
    first.a.label === CURRENT_WORDING ? 'its only alternative compared with the text' : `${n === 1 ? 'the other alternative' : `the ${n} other alternatives`} compared with ${first.a.label}`;
  const lines = comparisons.map((cmp) => `${withPositions(cmp.b.label, cmp.b, true)} vs ${withPositions(cmp.a.label, cmp.a, true)}: ${describeSimilarity(cmp)}`);
  return [c.bold(`${placeName(first)}: ${what}`), ...lines].join('\n');
}

/** The text of `b` alone, with what `a` had instead marked: `ndraft edit`'s diff, under its own heading. */
export function renderMarkedText(changes: readonly Change[], format: Exclude<DiffFormat, 'json'>, c: ChalkInstance): string {
  return markWords(changes, markersFor(format, c));
}

/** The text of `b`, with what `a` had instead marked. */
export function markWords(changes: readonly Change[], markers: Markers): string {
  let out = '';
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as Change;
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      out += markers.replaced(change.value, next.value);
      i++;
    } else if (change.removed) out += outsideSpacing(change.value, markers.deleted);
    else if (change.added) out += outsideSpacing(change.value, markers.inserted);
    else out += change.value;
  }
  return out;
}

/** `62% similar (14 words differ)`; never 100% unless no word differs, never 0% while one is shared. */
export function describeSimilarity(comparison: WordingComparison): string {
  const { similarity, wordsDiffer, changes } = comparison;
  let percent = Math.round(similarity * 100);
  if (percent === 100 && similarity < 1) percent = 99;
  if (percent === 0 && similarity > 0) percent = 1;
  let detail: string;
  if (wordsDiffer > 0) detail = `${wordsDiffer} word${wordsDiffer === 1 ? ' differs' : 's differ'}`;
  else if (changes.some((change) => change.added || change.removed)) detail = 'only punctuation or spacing differs';
  else detail = 'identical';
  return `${percent}% similar (${detail})`;
}

export interface WordingJson {
  label: string;
  text: string;
  proposedBy?: string[];
  supportedBy?: string[];
  opposedBy?: string[];
}

export interface ComparisonJson {
  paragraph: string;
  block?: string;
  item?: string;
  a: WordingJson;
  b: WordingJson;
  /** 0..1, rounded to three decimals. */
  similarity: number;
  wordsDiffer: number;
  changes: { type: 'equal' | 'insert' | 'delete'; text: string }[];
}

export function comparisonJson(comparison: WordingComparison): ComparisonJson {
  return {
    paragraph: comparison.paragraph,
    ...(comparison.block === undefined ? {} : { block: comparison.block }),
    ...(comparison.item === undefined ? {} : { item: comparison.item }),
    a: wordingJson(comparison.a),
    b: wordingJson(comparison.b),
    similarity: Math.round(comparison.similarity * 1000) / 1000,
    wordsDiffer: comparison.wordsDiffer,
    changes: comparison.changes.map((change) => ({
      type: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
      text: change.value,
    })),
  };
}

function wordingJson(wording: Wording): WordingJson {
  return {
    label: wording.label,
    text: wording.text,
    ...(wording.proposedBy === undefined ? {} : { proposedBy: wording.proposedBy }),
    ...(wording.supportedBy === undefined ? {} : { supportedBy: wording.supportedBy }),
    ...(wording.opposedBy === undefined ? {} : { opposedBy: wording.opposedBy }),
  };
}

function placeName(comparison: WordingComparison): string {
  if (comparison.block !== undefined) return `Option block "${comparison.block}"`;
  return comparison.item === undefined ? `Paragraph ${comparison.paragraph}` : `Paragraph ${comparison.paragraph}, item ${comparison.item}`;
}

/** `proposed by EU; opposed by G77`, after the label; in parentheses within a line. */
function withPositions(label: string, wording: Wording, parenthesized = false): string {
  const positions = stancePhrases(wording);
  if (positions.length === 0) return label;
  return parenthesized ? `${label} (${positions.join('; ')})` : `${label} ${positions.join('; ')}`;
}

function outsideSpacing(text: string, mark: (text: string) => string): string {
  const core = text.trim();
  if (core === '') return mark(text);
  const start = text.indexOf(core);
  return text.slice(0, start) + mark(core) + text.slice(start + core.length);
}
