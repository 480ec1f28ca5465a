import { blockMembership, blockViewJson, membershipText, renderBlockView } from '../../render/block-view.js';
import { paragraphViewJson } from '../../render/paragraph-view-json.js';
import { renderParagraphView } from '../../render/render-paragraph-view.js';
import { colorsFor, type Io } from '../io.js';
import { nameBlock } from '../name-block.js';
import { openDraft } from '../open-draft.js';

export interface ShowOptions {
  draft?: string;
  json?: boolean;
  block?: boolean;
}

/**
 * `ndraft show <ref>`: one paragraph with its brackets numbered, and the option block it is in;
 * or, for a block's number (or with `--block`, a paragraph inside it), the block's options and
 * their paragraphs. For a person, or (`--json`) a script.
 */
export async function showCommand(ref: string, options: ShowOptions, io: Io): Promise<number> {
  const opened = await openDraft(options.draft, io.cwd);
  const { named, paragraph } = nameBlock(opened, ref);
  const c = colorsFor(io);
  if (named && (paragraph === undefined || named.holding.length === 0 || options.block)) {
    const view = blockViewJson(named.place, new Map(opened.draft.paragraphs.map((p) => [p.address, p])));
    io.write(options.json ? `${JSON.stringify(view, null, 2)}\n` : `${renderBlockView(view, c)}\n`);
    return 0;
  }
  if (!paragraph) return 0;
  if (options.block) io.error(`note: paragraph ${ref} is in no option block; showing the paragraph\n`);
  // Outermost first, as a reader meets them.
  const within = (named?.holding ?? []).map((h) => blockMembership(h.place.block, h.option)).reverse();
  if (options.json) io.write(`${JSON.stringify({ ...paragraphViewJson(paragraph, opened.spans), ...(within.length > 0 ? { within } : {}) }, null, 2)}\n`);
  else {
    io.write(`${renderParagraphView(paragraph, c, opened.spans)}\n`);
    if (within.length > 0) io.write(`${c.dim(`In ${membershipText(within)} (ndraft show ${paragraph.address} --block lists the options)`)}\n`);
  }
  return 0;
}
