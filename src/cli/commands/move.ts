import { describeSpot, moveAddress } from '../../edit/outline-place.js';
import { paragraphName } from '../../model/paragraph-name.js';
import { changeDraft } from '../change-draft.js';
import type { ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';
import { placeFromOptions, placeWords, resolvePlace, type PlaceOptions } from '../outline-place-options.js';

/** `ndraft move 62 --after 64`, `--before X`, `--section 4 [--first]`: draft.yaml alone changes; the paragraph keeps its address and number. */
export async function moveCommand(ref: string, options: ChangeOptions & PlaceOptions, io: Io): Promise<number> {
  const place = placeFromOptions(options);
  return changeDraft(io, options, {
    command: commandLine(['move', ref, ...placeWords(options)]),
    change: (opened) => {
      const paragraph = opened.paragraph(ref);
      const meta = moveAddress(opened.meta, paragraph.address, resolvePlace(opened, place));
      return { meta, paragraphs: [], summary: `moved paragraph ${paragraphName(paragraph)}: now ${describeSpot(meta.sections, paragraph.address)}` };
    },
  });
}
