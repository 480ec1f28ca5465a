import { newParagraph } from '../../edit/new-paragraph.js';
import { describeSpot, insertAddress } from '../../edit/outline-place.js';
import { outlineAddresses } from '../../model/outline.js';
import { paragraphName } from '../../model/paragraph-name.js';
import { changeDraft } from '../change-draft.js';
import type { ChangeOptions } from '../change-paragraph.js';
import { commandLine } from '../command-line.js';
import type { Io } from '../io.js';
import { placeFromOptions, placeWords, resolvePlace, type PlaceOptions } from '../outline-place-options.js';

export interface AddOptions extends ChangeOptions, PlaceOptions {
  text: string;
  number?: string;
  unnumbered?: boolean;
  bracketed?: boolean;
}

/** `ndraft add 61bis --after 61 --text "…" [--number N | --unnumbered] [--bracketed]`: a new paragraph, in the outline where asked. */
export async function addCommand(address: string, options: AddOptions, io: Io): Promise<number> {
  const place = placeFromOptions(options);
  return changeDraft(io, options, {
    command: commandLine([
      'add',
      address,
      ...placeWords(options),
      options.number !== undefined && '--number',
      options.number,
      options.unnumbered === true && '--unnumbered',
      options.bracketed === true && '--bracketed',
      '--text',
      options.text,
    ]),
    change: (opened) => {
      // Every address is in the outline (a draft that opens has no file outside it).
      const paragraph = newParagraph({ ...options, address }, outlineAddresses(opened.meta.sections));
      const meta = insertAddress(opened.meta, address, resolvePlace(opened, place));
      const numbered = paragraph.number === undefined ? ' (unnumbered)' : '';
      return { meta, paragraphs: [{ before: null, after: paragraph }], summary: `added paragraph ${paragraphName(paragraph)}${numbered} ${describeSpot(meta.sections, address)}` };
    },
  });
}
