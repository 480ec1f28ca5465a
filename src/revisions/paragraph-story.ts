import { paragraphSide } from '../compare/compare-drafts.js';
import { compareParagraph, type Side } from '../compare/compare-paragraph.js';
import { outlinePlaces } from '../compare/outline-places.js';
import type { ParagraphComparison } from '../compare/types.js';
import type { Paragraph } from '../model/schemas.js';
import { countParagraph, type Counts } from '../report/counts.js';
import { ObjectCache } from '../store/object-cache.js';
import { revisionSide, workingSide, type DraftSide } from './draft-side.js';
import { ObjectStore } from './object-store.js';
import { readRevisionSummaries } from './read-revision.js';

/**
 * How a paragraph stands in one revision, next to the revision before:
 * - `first`: the first revision that has it (its whole wording is shown);
 * - `changed`: its file differs (`change` says how; none when only notes or positions moved);
 * - `unchanged`: its file is byte for byte the same;
 * - `removed`: the revision before had it, this one does not; `absent`: neither has it;
 * - `restored`: back after a revision without it (compared with the last one that had it).
 */
export type StoryState = 'first' | 'changed' | 'unchanged' | 'removed' | 'absent' | 'restored';

export interface StoryStep {
  /** The revision's name, or "working" for the draft as it is now. */
  revision: string;
  time?: string;
  author?: string;
  message?: string;
  state: StoryState;
  /** The paragraph in this revision, when it has it. */
  paragraph?: Paragraph;
  counts?: Counts;
  /** What changed since the last revision that had it (`changed`, `restored`). */
  change?: ParagraphComparison;
}

/**
 * One paragraph's life story (`ndraft log <paragraph> --revisions`): its wording, status and
 * brackets in each revision, oldest first, then in the working draft, and what changed from one
 * to the next. Aligned by address, which a paragraph keeps for life (renumbering included). A
 * revision whose file for it is the one before's is `unchanged` without being read; the others
 * are read through the object cache, which is saved at the end. `working` is the draft as the
 * command opened it, when it has (else it is loaded here).
 */
export async function paragraphStory(dir: string, address: string, working?: DraftSide): Promise<StoryStep[]> {
  const cache = new ObjectCache(dir);
  const store = new ObjectStore(dir);
  const { revisions } = await readRevisionSummaries(dir);
  const sides: { side: DraftSide; summary?: (typeof revisions)[number] }[] = [];
  for (const summary of revisions) sides.push({ side: await revisionSide(dir, summary.name, store, { cache, parsers: 'when-prepared' }), summary });
  sides.push({ side: working ?? (await workingSide(dir)) });

  const steps: StoryStep[] = [];
  let last: { hash: string; side: Side; step: StoryStep } | undefined;
  let present = false;
  for (const { side, summary } of sides) {
    const about = summary ? { revision: summary.name, time: summary.time, author: summary.author, ...(summary.message ? { message: summary.message } : {}) } : { revision: side.name };
    const hash = side.hashes.get(address);
    const place = outlinePlaces(side.meta).get(address);
    if (hash === undefined || place === undefined) {
      steps.push({ ...about, state: present ? 'removed' : 'absent' });
      present = false;
      continue;
    }
    if (last && present && last.hash === hash && last.side.place.section === place.section) {
      steps.push({ ...about, state: 'unchanged', paragraph: last.side.paragraph, ...(last.step.counts ? { counts: last.step.counts } : {}) });
      continue;
    }
    await side.prepare?.([address]);
    const now = paragraphSide(side, address, place) as Side;
    const step: StoryStep = { ...about, state: last === undefined ? 'first' : present ? 'changed' : 'restored', paragraph: now.paragraph, counts: now.counts ?? countParagraph(now.paragraph) };
    const change = last && compareParagraph(last.side, now, 'address');
    if (change) step.change = change;
    steps.push(step);
    last = { hash, side: now, step };
    present = true;
  }
  cache.save();
  return steps;
}
