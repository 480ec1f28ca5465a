import { join } from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';
import { WORKING_DRAFT } from '../model/revision-names.js';
import type { Revision } from '../model/revision-schema.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { countParagraph, sumCounts, type Counts } from '../report/counts.js';
import { loadDraft } from '../store/load-draft.js';
import { DRAFT_FILE } from '../store/paragraph-file-name.js';
import { loadedParsers, loadParsers } from '../store/yaml-parser.js';
import { checkDraft } from '../validate/check-draft.js';
import { ObjectCache } from '../store/object-cache.js';
import { ObjectStore } from './object-store.js';
import { readRevision } from './read-revision.js';
import { RecordMap } from './record-map.js';
import { revisionFile } from './revision-store.js';

/**
 * One side of a comparison: the draft as a revision recorded it, or as it is now. Each paragraph
 * is known by the hash of its file's bytes, so two sides share a paragraph exactly when its file
 * is byte for byte the same; only the others are ever parsed.
 */
export interface DraftSide {
  /** The revision's name, or "working" for the draft as it is now. */
  name: string;
  meta: DraftMeta;
  /** Each paragraph's file hash, by address. */
  hashes: ReadonlyMap<string, string>;
  /** A paragraph, parsed when first asked for. */
  paragraph(address: string): Paragraph;
  /** A paragraph's status counts, when the side knows them without parsing its notation again. */
  counts?(address: string): Counts;
  /** Makes `paragraph()` ready to read these paragraphs (loads what parsing them needs). */
  prepare?(addresses: Iterable<string>): Promise<void>;
  /** The status counts of the whole draft. */
  figures: Counts;
}

/** The draft as it is now, with its files' hashes; a draft with errors is refused with them. */
export async function workingSide(dir: string): Promise<DraftSide & { files: ReadonlyMap<string, string> }> {
  const loaded = await loadDraft(dir);
  const checked = await checkDraft(loaded);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (!checked.meta || !checked.paragraph || errors.length > 0) {
    throw inputError(`the draft has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} (see "ndraft validate")`, errors);
  }
  const hashes = new Map<string, string>();
  const files = new Map<string, string>();
  for (const p of loaded.paragraphs) {
    if (p.address === undefined || p.hash === undefined) continue;
    hashes.set(p.address, p.hash);
    files.set(p.address, p.file);
  }
  const lookup = checked.paragraph;
  const counts = checked.counts;
  return {
    name: WORKING_DRAFT,
    meta: checked.meta,
    hashes,
    files,
    figures: draftFigures(checked.counts),
    paragraph: (address) => lookup(address) as Paragraph,
    counts: (address) => counts.get(address) ?? countParagraph(lookup(address) as Paragraph),
  };
}

/**
 * The draft as revision `name` recorded it; a missing or damaged object is an error naming it.
 * What was parsed once (manifest, draft.yaml, paragraphs, with their counts) comes from the
 * object `cache` by hash, and the parser and the packs are read only for the rest: save the
 * cache when done. With `parsers: 'when-prepared'` the parser is not loaded until `prepare()`
 * names paragraphs the cache lacks; call it with every paragraph to be read.
 */
export async function revisionSide(
  dir: string,
  name: string,
  store = new ObjectStore(dir),
  { cache = new ObjectCache(dir), parsers = 'now' }: { cache?: ObjectCache; parsers?: 'now' | 'when-prepared' } = {},
): Promise<DraftSide & { revision: Revision }> {
  const revision = await readRevision(dir, name, cache);
  const manifest = revisionFile(dir, revision.name);
  const objectOf = (hash: string, what: string): Buffer => {
    const bytes = store.read(hash);
    if (bytes) return bytes;
    throw inputError(`revision "${revision.name}" cannot be read: the object ${hash} holding ${what} is missing or damaged (${manifest})`, store.problems);
  };
  const where = (what: string) => join(dir, `${revision.name}:${what}`);
  let meta = cache.get<DraftMeta>('draft', revision.draft);
  if (meta === undefined) {
    const parsed = (await loadParsers()).parseDraftFile(where(DRAFT_FILE), objectOf(revision.draft, DRAFT_FILE));
    if (!parsed.meta) throw inputError(`revision "${revision.name}": its ${DRAFT_FILE} does not read`, parsed.diagnostics);
    meta = parsed.meta;
    cache.set('draft', revision.draft, meta);
  }
  const hashes = new RecordMap(revision.paragraphs);
  // paragraph() is synchronous: the parser, which a paragraph the cache lacks needs, is loaded
  // ahead, now, or by prepare() for the paragraphs a compare will read.
  if (parsers === 'now') await loadParsers();
  const read = (address: string): CachedObject => {
    const hash = hashes.get(address);
    if (hash === undefined) throw new Error(`internal error: revision ${revision.name} has no paragraph ${address}`);
    const known = cache.get<CachedObject>('paragraph', hash);
    if (known) return known;
    const parsed = loadedParsers().parseParagraphFile(where(`paragraph ${address}`), objectOf(hash, `paragraph ${address}`));
    if (!parsed.paragraph) throw inputError(`revision "${revision.name}": paragraph ${address} does not read`, parsed.diagnostics);
    const entry = { paragraph: parsed.paragraph, counts: countParagraph(parsed.paragraph) };
    cache.set('paragraph', hash, entry);
    return entry;
  };
  const f = revision.figures;
  return {
    name: revision.name,
    revision,
    meta,
    hashes,
    figures: {
      paragraphs: { total: f.paragraphs, agreed: f.agreed, agreedAdRef: f.agreedAdRef, open: f.open, deleted: f.deleted },
      itemsAgreed: f.itemsAgreed,
      brackets: f.brackets,
      bracketedParagraphs: f.bracketedParagraphs,
      alternatives: f.alternatives,
    },
    paragraph: (address) => read(address).paragraph,
    counts: (address) => read(address).counts,
    async prepare(addresses) {
      for (const address of addresses) {
        const hash = hashes.get(address);
        if (hash !== undefined && !cache.has('paragraph', hash)) {
          await loadParsers();
          return;
        }
      }
    },
  };
}

/** A paragraph object as the cache keeps it: parsed, checked, and counted. */
interface CachedObject {
  paragraph: Paragraph;
  counts: Counts;
}

/**
 * The whole draft's counts from its paragraphs' (the totals of `statusFromCounts`, without the
 * section by section report, which walks the outline: a compare shows only the totals).
 */
export function draftFigures(perParagraph: ReadonlyMap<string, Counts>): Counts {
  return sumCounts(perParagraph.values());
}
