import { usageError } from '../diagnostics/diagnostic.js';
import type { OutlinePlace } from '../edit/outline-place.js';
import type { OpenedDraft } from './open-draft.js';

/** The options that say where a paragraph goes (`add`, `move`). */
export interface PlaceOptions {
  after?: string;
  before?: string;
  section?: string;
  first?: boolean;
}

/** The place asked for, exactly one of `--after X`, `--before X` or `--section S` (`--first` with it). */
export function placeFromOptions(options: PlaceOptions): OutlinePlace {
  const given = [options.after, options.before, options.section].filter((o) => o !== undefined).length;
  if (given !== 1) throw usageError('say where the paragraph goes: --after X, --before X or --section S (one of them)');
  if (options.first === true && options.section === undefined) throw usageError('--first goes with --section S: first in that section');
  if (options.after !== undefined) return { after: options.after };
  if (options.before !== undefined) return { before: options.before };
  return { section: options.section as string, ...(options.first === true ? { first: true } : {}) };
}

/** The same place with its paragraph named by address (a printed number is resolved as everywhere else). */
export function resolvePlace(opened: OpenedDraft, place: OutlinePlace): OutlinePlace {
  if ('after' in place) return { after: opened.paragraph(place.after).address };
  if ('before' in place) return { before: opened.paragraph(place.before).address };
  return place;
}

/** The place as typed again, for the history: `--after 61`. */
export function placeWords(options: PlaceOptions): (string | false | undefined)[] {
  return [
    options.after !== undefined && '--after',
    options.after,
    options.before !== undefined && '--before',
    options.before,
    options.section !== undefined && '--section',
    options.section,
    options.first === true && '--first',
  ];
}
