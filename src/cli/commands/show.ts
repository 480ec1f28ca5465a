import { paragraphViewJson } from '../../render/paragraph-view-json.js';
import { renderParagraphView } from '../../render/render-paragraph-view.js';
import { colorsFor, type Io } from '../io.js';
import { openDraft } from '../open-draft.js';

export interface ShowOptions {
  draft?: string;
  json?: boolean;
}

/** `ndraft show <number>`: one paragraph with its brackets numbered, for a person or (`--json`) a script. */
export async function showCommand(number: string, options: ShowOptions, io: Io): Promise<number> {
  const paragraph = (await openDraft(options.draft, io.cwd)).paragraph(number);
  if (options.json) io.write(`${JSON.stringify(paragraphViewJson(paragraph), null, 2)}\n`);
  else io.write(`${renderParagraphView(paragraph, colorsFor(io))}\n`);
  return 0;
}
