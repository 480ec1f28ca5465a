import { inputError } from '../../diagnostics/diagnostic.js';
import { renderParagraphStory, paragraphStoryJson } from '../../render/render-paragraph-story.js';
import { paragraphStory } from '../../revisions/paragraph-story.js';
import { readRevision, readRevisionSummaries } from '../../revisions/read-revision.js';
import { colorsFor, type Io } from '../io.js';
import { openDraft } from '../open-draft.js';
import { openedSide } from '../opened-side.js';

/**
 * `ndraft log <paragraph> --revisions [--json]`: one paragraph's life story, revision by
 * revision. The paragraph is named as in the working draft (address or printed number), or by
 * its address when only revisions have it (deleted since).
 */
export async function logRevisions(number: string, options: { draft?: string; json?: boolean }, io: Io): Promise<number> {
  const opened = await openDraft(options.draft, io.cwd);
  const { dir } = opened;
  let address: string;
  try {
    address = opened.paragraph(number).address;
  } catch (error) {
    if (!(await inSomeRevision(dir, number))) throw error;
    address = number;
  }
  const steps = await paragraphStory(dir, address, openedSide(opened));
  if (options.json) {
    io.write(`${JSON.stringify(paragraphStoryJson(address, steps), null, 2)}\n`);
    return 0;
  }
  if (steps.length === 1) throw inputError('the draft has no revisions yet: record one with "ndraft snapshot <name>" (import records "import")');
  const c = colorsFor(io);
  io.write(`${renderParagraphStory(number, steps, c.level > 0 ? 'color' : 'plain', c)}\n`);
  return 0;
}

async function inSomeRevision(dir: string, address: string): Promise<boolean> {
  for (const { name } of (await readRevisionSummaries(dir)).revisions) {
    if ((await readRevision(dir, name)).paragraphs[address] !== undefined) return true;
  }
  return false;
}
