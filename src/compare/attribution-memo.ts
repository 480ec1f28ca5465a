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
  /** Told of an entry `get` gave that fitted its texts, and was used. */
  kept?(key: string, value: unknown): void;
  /** Keeps what the run used for the next (`attributionMemo` with a slot); called before the cache is saved. */
  flush?(): void;
}

/**
 * Bumped whenever what `attributeChanges` makes of the same texts changes (tokens, alignment,
 * spacing), so that an entry written by an earlier build of the same version is not read.
 */
const FORMAT = 1;
const KIND = `attributed-${FORMAT}`;

/**
 * The memo in the object cache: an entry for each changed paragraph. With a `slot` (an export's
 * format and revision), the entries the run used are also kept together, in one entry for the
 * whole draft, which the next export in that slot reads in one go: a thousand changed paragraphs
 * (a 5,000-paragraph draft, a fifth reworded) were a thousand entries, each found, checksummed and
 * parsed on its own. An entry is found there by the same key as alone and checked against its
 * texts just the same. It holds the paragraphs of the last export in its slot, and only those:
 * `flush` rewrites it when they differ, so it does not grow as the draft is edited.
 */
export function attributionMemo(cache: ObjectCache, slot?: string): AttributionMemo {
  const single: AttributionMemo = { get: (key) => cache.get(KIND, key), set: (key, value) => cache.set(KIND, key, value) };
  if (slot === undefined) return single;
  const name = `draft:${slot}`;
  let draft: Record<string, unknown> | undefined;
  const read = (): Record<string, unknown> => {
    if (draft === undefined) {
      const value = cache.get(KIND, name);
      draft = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    }
    return draft;
  };
  const used = new Map<string, unknown>();
  let changed = false;
  return {
    get: (key) => {
      const all = read();
      return Object.hasOwn(all, key) ? all[key] : single.get(key);
    },
    set(key, value) {
      single.set(key, value);
      used.set(key, value);
      changed = true;
    },
    kept(key, value) {
      used.set(key, value);
      if (read()[key] !== value) changed = true;
    },
    flush() {
      if (!changed && used.size === Object.keys(read()).length) return;
      cache.set(KIND, name, Object.fromEntries(used));
      changed = false;
      draft = Object.fromEntries(used);
    },
  };
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
  // A text no step changed (a number, a marker, most items) is shown as it is, at no cost: only
  // the others are diffed, and kept.
  const result = all.map(({ base, steps }): AttributedSegment[] | undefined => (steps.every((step) => step.text === base) ? (base === '' ? [] : [{ kind: 'same', text: base }]) : undefined));
  const changed = all.filter((_, i) => result[i] === undefined);
  if (changed.length > 0) {
    const attributed = attributeChanged(changed, unknown, memo);
    let next = 0;
    for (let i = 0; i < result.length; i++) result[i] ??= attributed[next++];
  }
  return result as AttributedSegment[][];
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
  const key = textsKey(texts, place);
  const entry = memo.get(key);
  const known = fromStored(entry, texts, authors);
  if (known) {
    memo.kept?.(key, entry);
    return known;
  }
  const segments = made();
  const stored = toStored(segments, texts, authors);
  if (stored) memo.set(key, stored);
  return segments;
}

/**
 * The SHA-1 of the texts (how each is cut, its base, each step's text and author's place),
 * written with lengths rather than as JSON, which costs more for the megabytes of a large
 * draft's changes: each text follows its length, so two lists never read alike. Texts that are
 * not well-formed UTF-16 (a lone surrogate, which UTF-8 cannot tell from another) are written as
 * JSON.
 */
function textsKey(texts: readonly Attributing[], place: (by: Attribution) => number): string {
  const parts: string[] = [];
  for (const { base, steps, whole } of texts) {
    parts.push(whole ? 'W' : 'w', `${steps.length} ${base.length}:`, base);
    for (const step of steps) parts.push(` ${place(step.by)} ${step.text.length}:`, step.text);
  }
  const all = parts.join('');
  // String.prototype.isWellFormed: Node 20 has it, TypeScript's ES2023 library does not list it.
  return contentHash((all as string & { isWellFormed(): boolean }).isWellFormed() ? all : JSON.stringify(parts));
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
