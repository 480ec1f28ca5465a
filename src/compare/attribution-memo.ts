import type { ObjectCache } from '../store/object-cache.js';
import { contentHash } from '../store/cache-file.js';
import { attributeChanges, WHOLE, wordTokens, type Attribution, type AttributedSegment, type TextStep } from './attribute-changes.js';

/** One text of a changed paragraph to attribute: as it was, each step's text, and cut word by word or whole. */
export interface Attributing {
  base: string;
  steps: readonly TextStep[];
  whole: boolean;
}

/**
 * The attributed changes of a paragraph's texts, kept between runs. Stored in the object cache by
 * the SHA-1 of everything `attributeChanges` reads: the texts, how each is cut, and which steps
 * share an author (the attributions themselves are named by their place, so an entry holds no
 * date: the changes no history entry made are dated when the export runs).
 */
export interface AttributionMemo {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * Bumped whenever what `attributeChanges` makes of the same texts changes (tokens, alignment,
 * spacing), so that an entry written by an earlier build of the same version is not read.
 */
const FORMAT = 1;
const KIND = `attributed-${FORMAT}`;

export function attributionMemo(cache: ObjectCache): AttributionMemo {
  return { get: (key) => cache.get(KIND, key), set: (key, value) => cache.set(KIND, key, value) };
}

const KINDS: readonly AttributedSegment['kind'][] = ['same', 'deleted', 'inserted'];

/**
 * `attributeChanges` for each of a paragraph's texts, all of whose steps are `steps`' (one
 * paragraph, one chain of changes). With a memo, an entry made before for the same texts is read
 * back instead, after checking it against them: every text it shows as kept or deleted must spell
 * the base, every one kept or inserted the last text, each change must name one of the paragraph's
 * authors. An entry that fails (damaged, edited by hand, or from another build) is made again.
 */
export function attributeAll(all: readonly Attributing[], unknown: Attribution, memo?: AttributionMemo): AttributedSegment[][] {
  const result = unchangedTexts(all);
  const changed = all.filter((_, i) => result[i] === undefined);
  return changed.length === 0 ? (result as AttributedSegment[][]) : fillIn(result, attributeChanged(changed, unknown, memo));
}

/**
 * `attributeAll` for every changed paragraph of a draft (`paragraphs`: each one's texts), with
 * one memo entry for them all, in the memo's `slot` (one per export format and revision: an
 * export of the same draft after another writes over it, so the cache does not fill with
 * entries of texts since edited). The entry holds the SHA-1 of everything `attributeChanges`
 * reads, paragraph by paragraph, and the segments as `toStored` keeps them: it is used only for
 * the same texts, and checked against them as a paragraph's entry is. When it does not fit (a
 * paragraph edited since, or none yet), each paragraph is attributed by `attributeAll`, with
 * its own entry, and the whole is kept again.
 */
export function attributeDraft(paragraphs: readonly (readonly Attributing[])[], unknown: Attribution, memo: AttributionMemo | undefined, slot: string): AttributedSegment[][][] {
  if (memo === undefined) return paragraphs.map((texts) => attributeAll(texts, unknown));
  const results = paragraphs.map(unchangedTexts);
  const changed = paragraphs.map((texts, p) => texts.filter((_, i) => (results[p] as unknown[])[i] === undefined));
  const texts = changed.flat();
  const authors: Attribution[] = [unknown];
  const key = draftKey(changed, authors);
  const name = `draft:${slot}`;
  const entry = memo.get(name) as { key?: unknown; segments?: unknown } | undefined;
  const known = entry?.key === key ? fromStored(entry.segments, texts, authors) : undefined;
  let next = 0;
  if (known) return results.map((result, p) => fillIn(result, known.slice(next, (next += (changed[p] as Attributing[]).length))));
  const made = paragraphs.map((texts) => attributeAll(texts, unknown, memo));
  const segments = made.flatMap((result, p) => result.filter((_, i) => (results[p] as unknown[])[i] === undefined));
  const stored = toStored(segments, texts, authors);
  if (stored) memo.set(name, { key, segments: stored });
  return made;
}

/** A text no step changed (a number, a marker, most items) as it is shown, at no cost; undefined for the others. */
function unchangedTexts(all: readonly Attributing[]): (AttributedSegment[] | undefined)[] {
  return all.map(({ base, steps }) => (steps.every((step) => step.text === base) ? (base === '' ? [] : [{ kind: 'same', text: base }]) : undefined));
}

/** `result` with its gaps filled, in order, by `attributed`. */
function fillIn(result: (AttributedSegment[] | undefined)[], attributed: readonly AttributedSegment[][]): AttributedSegment[][] {
  let next = 0;
  for (let i = 0; i < result.length; i++) result[i] ??= attributed[next++];
  return result as AttributedSegment[][];
}

/**
 * The SHA-1 of the changed texts of every paragraph (how each is cut, its base, each step's text
 * and author's place in `authors`, which it fills), paragraph by paragraph: each paragraph has a
 * word differ of its own. Written with lengths rather than as JSON (a draft's thousand changed
 * paragraphs are megabytes of text): each text is preceded by its length, so two lists never
 * read alike; a text that is not well-formed UTF-16 (a lone surrogate, which UTF-8 cannot tell
 * from another) is written as JSON.
 */
function draftKey(paragraphs: readonly (readonly Attributing[])[], authors: Attribution[]): string {
  const parts: string[] = [];
  const write = (text: string) => parts.push(`${text.length}:`, text);
  for (const texts of paragraphs) {
    parts.push(`\n${texts.length}`);
    for (const { base, steps, whole } of texts) {
      parts.push(whole ? ' W' : ' w', `${steps.length} `);
      write(base);
      for (const step of steps) {
        let place = authors.indexOf(step.by);
        if (place < 0) place = authors.push(step.by) - 1;
        parts.push(`${place} `);
        write(step.text);
      }
    }
  }
  const all = parts.join('');
  // String.prototype.isWellFormed: Node 20 has it, TypeScript's ES2023 library does not list it.
  return contentHash((all as string & { isWellFormed(): boolean }).isWellFormed() ? all : JSON.stringify(parts));
}

function attributeChanged(texts: readonly Attributing[], unknown: Attribution, memo?: AttributionMemo): AttributedSegment[][] {
  const made = () => {
    // One word differ for the paragraph: it keeps the comparison keys of the brackets it has met.
    const words = wordTokens();
    return texts.map(({ base, steps, whole }) => attributeChanges(base, steps, unknown, whole ? WHOLE : words));
  };
  if (memo === undefined) return made();
  const authors: Attribution[] = [unknown];
  const place = (by: Attribution) => {
    const i = authors.indexOf(by);
    return i >= 0 ? i : authors.push(by) - 1;
  };
  const key = contentHash(JSON.stringify(texts.map(({ base, steps, whole }) => [whole ? 1 : 0, base, ...steps.flatMap((step) => [step.text, place(step.by)])])));
  const known = fromStored(memo.get(key), texts, authors);
  if (known) return known;
  const segments = made();
  const stored = toStored(segments, texts, authors);
  if (stored) memo.set(key, stored);
  return segments;
}

/** The text as it was, and as the last step left it. */
function ends({ base, steps }: Attributing): [before: string, after: string] {
  return [base, steps.length === 0 ? base : (steps[steps.length - 1] as TextStep).text];
}

/**
 * Segments as stored: numbers only, for each text its count of segments, then each one's kind
 * (0 same, 1 deleted, 2 inserted), length and author (its place in the paragraph's list, -1 for
 * none). The texts are not stored: they are cut from the texts themselves when read, so an entry
 * can never show a word that is not there. A text whose unchanged stretches are spelt differently
 * on the two sides (the diff does not tell spacing apart) is not kept: undefined.
 */
function toStored(segments: readonly AttributedSegment[][], texts: readonly Attributing[], authors: readonly Attribution[]): number[] | undefined {
  const stored: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const [before, after] = ends(texts[i] as Attributing);
    const list = segments[i] as AttributedSegment[];
    stored.push(list.length);
    let b = 0;
    let a = 0;
    for (const { kind, text, by } of list) {
      if (kind !== 'inserted' && !before.startsWith(text, b)) return undefined;
      if (kind !== 'deleted' && !after.startsWith(text, a)) return undefined;
      if (kind !== 'inserted') b += text.length;
      if (kind !== 'deleted') a += text.length;
      stored.push(KINDS.indexOf(kind), text.length, by === undefined ? -1 : authors.indexOf(by));
    }
    if (b !== before.length || a !== after.length) return undefined;
  }
  return stored;
}

/**
 * A stored entry as segments cut from the texts, or undefined when it does not fit them: every
 * length must fall within its text, each text be covered to its end, an unchanged stretch be the
 * same on both sides, and each change name one of the paragraph's authors.
 */
function fromStored(stored: unknown, texts: readonly Attributing[], authors: readonly Attribution[]): AttributedSegment[][] | undefined {
  if (!Array.isArray(stored)) return undefined;
  const numbers = stored as unknown[];
  const result: AttributedSegment[][] = [];
  let at = 0;
  const next = (): number => {
    const value = numbers[at++];
    return typeof value === 'number' && Number.isInteger(value) ? value : NaN;
  };
  for (const attributing of texts) {
    const [before, after] = ends(attributing);
    const count = next();
    if (!(count >= 0)) return undefined;
    const segments: AttributedSegment[] = [];
    let b = 0;
    let a = 0;
    for (let k = 0; k < count; k++) {
      const kind = next();
      const length = next();
      const by = next();
      if (!(length > 0)) return undefined;
      if (kind === 0 && by === -1) {
        const text = after.slice(a, a + length);
        if (text.length !== length || before.slice(b, b + length) !== text) return undefined;
        segments.push({ kind: 'same', text });
        a += length;
        b += length;
      } else if ((kind === 1 || kind === 2) && by >= 0 && by < authors.length) {
        const text = kind === 1 ? before.slice(b, b + length) : after.slice(a, a + length);
        if (text.length !== length) return undefined;
        segments.push({ kind: kind === 1 ? 'deleted' : 'inserted', text, by: authors[by] as Attribution });
        if (kind === 1) b += length;
        else a += length;
      } else return undefined;
    }
    if (b !== before.length || a !== after.length) return undefined;
    result.push(segments);
  }
  return at === numbers.length ? result : undefined;
}
