import type { Attribution } from '../compare/attribute-changes.js';
import type { AttributionMemo } from '../compare/attribution-memo.js';
import type { TrackedParagraph } from '../compare/tracked-changes.js';
import type { ExportInput } from '../export/export-input.js';
import { paragraphSlots } from '../model/paragraph-slots.js';
import type { Paragraph } from '../model/schemas.js';
import { contentHash } from '../store/cache-file.js';

/**
 * Bumped whenever a format lays out the same tracked paragraph differently (its lines, pieces,
 * escaping, marks, the attribution of the words): an entry written by an earlier build of the
 * same version is then not read. The object cache itself is emptied by a new ndraft version.
 */
const FORMAT = 1;

/**
 * A changed paragraph as a format writes it (`render`), remembered in the export's memo (the
 * object cache, one entry for the draft per format and revision) under the SHA-1 of everything
 * the output is made of: the format, the export's mode, every version of the paragraph (by its
 * file's SHA-1 where it was read from one, else as JSON) with the number it is shown with, who made each step and when, and who the unattributed changes are
 * given to. A second export of a draft whose changes are the same (a 5,000-paragraph draft, a
 * fifth reworded: a thousand paragraphs laid out, attributed and escaped, ~90 ms) writes them
 * from the memo; a paragraph changed since is laid out again, alone. An entry that is not a list
 * of texts (damaged, edited) is made again.
 *
 * The changes nobody recorded are dated when the export runs: the memo keeps their day, which
 * the formats show, and whether that moment is the date of some step (which would join their
 * marks), so an entry holds no time but what it shows.
 */
export function rememberedTracked(format: string, tracked: TrackedParagraph, input: ExportInput, unknown: Attribution, memo: AttributionMemo | undefined, render: () => string[]): string[] {
  if (memo === undefined) return render();
  const key = `${format}-${FORMAT}:${trackedKey(tracked, input, unknown)}`;
  const entry = memo.get(key);
  if (Array.isArray(entry) && entry.every((block) => typeof block === 'string') && showsBoth(entry as string[], tracked)) {
    memo.kept?.(key, entry);
    return entry as string[];
  }
  const blocks = render();
  memo.set(key, blocks);
  return blocks;
}

function trackedKey(tracked: TrackedParagraph, input: ExportInput, unknown: Attribution): string {
  const versions = [tracked.base, ...tracked.steps.map((step) => step.paragraph)];
  // A version read from a file is named by the file's SHA-1 (the same bytes always parse alike):
  // a hand edit's step, which is the current paragraph itself, is then not written out again.
  const named = (p: Paragraph) => (p === tracked.base && tracked.baseHash !== undefined ? tracked.baseHash : p === tracked.current && tracked.currentHash !== undefined ? tracked.currentHash : p);
  const by = (who: Attribution) => (who === unknown ? null : [who.author, who.date, who.date === unknown.date]);
  return contentHash(
    JSON.stringify([
      input.mode,
      [unknown.author, unknown.date.slice(0, 10)],
      versions.map((p) => (p === undefined ? null : [input.displayNumber(p) ?? null, named(p)])),
      tracked.steps.map((step) => by(step.by)),
    ]),
  );
}

/**
 * The check an entry passes before it is written out, as the word attributions are checked
 * against their texts: read without its insertions (and its comments) it must hold each text of
 * the paragraph as it was, word for word and in one piece; read without its deletions, each
 * text of the paragraph as it is. An entry edited in the cache to show other words, hide some,
 * move a change or claim a kept word was deleted is laid out again. Only punctuation, the
 * numbers and labels around the texts, and the comments (who made a change, when) are not
 * checked: the format writes those from the entry's key.
 */
function showsBoth(blocks: readonly string[], tracked: TrackedParagraph): boolean {
  const shown = blocks.join('\n').replace(/\{>>[\s\S]*?<<\}/g, '');
  const before = runOf(words(shown.replace(/\{\+\+[\s\S]*?\+\+\}/g, '').replace(/\{--([\s\S]*?)--\}/g, '$1')));
  const after = runOf(words(shown.replace(/\{--[\s\S]*?--\}/g, '').replace(/\{\+\+([\s\S]*?)\+\+\}/g, '$1')));
  const holds = (p: Paragraph | undefined, run: string) => p === undefined || paragraphSlots(p).every(({ text }) => text === '' || run.includes(runOf(words(text))));
  return holds(tracked.base, before) && holds(tracked.current, after);
}

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words joined so that `includes` finds a run of whole words. */
function runOf(list: readonly string[]): string {
  return `\u0001${list.join('\u0001')}\u0001`;
}
