import { inputError, usageError } from '../../diagnostics/diagnostic.js';
import { compareDrafts, prepareComparison } from '../../compare/compare-drafts.js';
import { wordDiffMemo } from '../../compare/word-diff-memo.js';
import { narrowComparison, sectionAddressSet, type OnlyKind } from '../../compare/narrow-comparison.js';
import { paragraphNamed } from '../../model/find-paragraph.js';
import { WORKING_DRAFT } from '../../model/revision-names.js';
import { outlineAddresses } from '../../model/outline.js';
import { revisionSide, workingSide, type DraftSide } from '../../revisions/draft-side.js';
import { ObjectCache } from '../../store/object-cache.js';
import { ObjectStore } from '../../revisions/object-store.js';
import { COMPARE_FORMATS, renderCompare, type CompareFormat } from '../../render/render-compare.js';
import { locateDraft } from '../../store/locate-draft.js';
import { chalkForFormat } from '../chalk-for-format.js';
import { colorsFor, type Io } from '../io.js';

export interface CompareOptions {
  draft?: string;
  format?: string;
  section?: string;
  paragraph?: string;
  only?: OnlyKind;
  /** a and b are git revisions (commits, branches, tags) rather than ndraft's. */
  git?: boolean;
}

/**
 * `ndraft compare <a> [<b>]`: what changed between two revisions, b being the working draft unless
 * named; with `--git`, a and b are git revisions and the draft is read as committed there.
 */
export async function compareCommand(a: string, b: string | undefined, options: CompareOptions, io: Io): Promise<number> {
  const format = chooseFormat(options.format, io);
  const dir = locateDraft({ explicit: options.draft, cwd: io.cwd });
  const store = new ObjectStore(dir);
  const cache = new ObjectCache(dir);
  const git = options.git ? await gitSides(dir, cache) : undefined;
  const open = async (name: string | undefined): Promise<DraftSide> => {
    if (name === undefined || (!git && name.toLowerCase() === WORKING_DRAFT)) return workingSide(dir);
    if (git) return git(name);
    return revisionSide(dir, name, store, { cache, parsers: 'when-prepared' });
  };
  const sideA = await open(a);
  const sideB = await open(b);
  await prepareComparison(sideA, sideB);
  let comparison = compareDrafts(sideA, sideB, wordDiffMemo(cache));
  cache.save();

  if (options.section !== undefined || options.paragraph !== undefined || options.only !== undefined) {
    let addresses: Set<string> | undefined;
    if (options.section !== undefined) {
      const inA = sectionAddressSet(sideA.meta.sections, options.section);
      const inB = sectionAddressSet(sideB.meta.sections, options.section);
      if (!inA && !inB) throw inputError(`no section numbered "${options.section}" in ${sideA.name} or ${sideB.name}`);
      addresses = new Set([...(inA ?? []), ...(inB ?? [])]);
    }
    if (options.paragraph !== undefined) {
      // A number, not an address, is looked for among every paragraph of each side.
      for (const side of [sideA, sideB]) await side.prepare?.(outlineAddresses(side.meta.sections));
      const address = paragraphAddress(options.paragraph, sideB, sideA);
      addresses = new Set(addresses === undefined || addresses.has(address) ? [address] : []);
    }
    comparison = narrowComparison(comparison, { ...(addresses ? { addresses } : {}), ...(options.only ? { only: options.only } : {}) });
  }

  // The HTML renderer is loaded only for HTML.
  if (format === 'html') io.write((await import('../../render/render-compare-html.js')).renderCompareHtml(comparison));
  else io.write(`${renderCompare(comparison, format, chalkForFormat(format, io))}\n`);
  return 0;
}

/** The address of `ref` (an address or an unambiguous printed number) in b, else in a (a paragraph since deleted). */
function paragraphAddress(ref: string, ...sides: DraftSide[]): string {
  let failure: unknown;
  for (const side of sides) {
    try {
      const addresses = outlineAddresses(side.meta.sections);
      const known = new Set(addresses);
      return paragraphNamed(ref, (address) => (known.has(address) ? side.paragraph(address) : undefined), () => addresses.map((address) => side.paragraph(address))).address;
    } catch (error) {
      failure ??= error;
    }
  }
  throw failure;
}

/** The draft as committed at git revisions; the sides share the repository, the objects read, the parse cache and the object cache. */
async function gitSides(dir: string, cache: ObjectCache): Promise<(ref: string) => Promise<DraftSide>> {
  const { gitContext, gitSide } = await import('../../revisions/git-side.js');
  const context = gitContext(dir, cache);
  return (ref) => gitSide(dir, ref, context);
}

function chooseFormat(format: string | undefined, io: Io): CompareFormat {
  if (format === undefined) return colorsFor(io).level > 0 ? 'color' : 'plain';
  const known = COMPARE_FORMATS.find((f) => f === format);
  if (known === undefined) throw usageError(`--format must be one of ${COMPARE_FORMATS.join(', ')} (got "${format}")`);
  return known;
}
