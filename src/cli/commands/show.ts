import { inputError } from '../../diagnostics/diagnostic.js';
import { renderParagraph } from '../../render/render-text.js';
import type { Io } from '../io.js';
import { openDraft } from '../open-draft.js';

export interface ShowOptions {
  draft?: string;
  json?: boolean;
}

export async function showCommand(number: string, options: ShowOptions, io: Io): Promise<number> {
  const { draft } = openDraft(options.draft, io.cwd);
  const paragraph = draft.paragraphs.find((p) => p.number === number);
  if (!paragraph) throw inputError(`no paragraph ${number} in this draft`);
  io.write(`${renderParagraph(paragraph)}\n`);
  return 0;
}
