import { join } from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';
import type { Revision } from '../model/revision-schema.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { workingSide } from '../revisions/draft-side.js';
import { ObjectStore } from '../revisions/object-store.js';
import { DRAFT_FILE } from '../store/paragraph-file-name.js';
import { contentHash } from '../store/parse-cache.js';
import { isRefusal, readDraftFile } from '../store/read-draft-file.js';
import type { ObjectCache } from '../store/object-cache.js';
import { loadParsers, type Parsers } from '../store/yaml-parser.js';
import type { DraftVersion } from './merge-drafts.js';

/** A copy as it is now (refused if it has errors), with the hash of its draft.yaml. */
export async function workingVersion(dir: string): Promise<DraftVersion> {
  const side = await workingSide(dir);
  const bytes = readDraftFile(dir, join(dir, DRAFT_FILE));
  if (isRefusal(bytes)) throw inputError(`${join(dir, DRAFT_FILE)}: ${bytes.unreadable}`);
  return { meta: side.meta, draftHash: contentHash(bytes), hashes: side.hashes, paragraph: side.paragraph };
}

/**
 * The shared revision, read from this copy's objects; its draft.yaml and paragraphs are parsed
 * only when the merge asks (where both copies changed them), not for the whole draft. With a
 * `cache`, what a compare parsed before is taken from it. The merge reads synchronously, so the
 * YAML parser (and zod: ~70 ms to load) is loaded by `prepare`, and only when the cache lacks
 * some of what the merge will read: two copies of which one changed nothing since the revision
 * need no parser at all.
 */
export async function revisionVersion(dir: string, revision: Revision, cache?: ObjectCache): Promise<DraftVersion> {
  const store = new ObjectStore(dir);
  const object = (hash: string, what: string): Buffer => {
    const bytes = store.read(hash);
    if (!bytes) throw inputError(`revision "${revision.name}" cannot be read: the object ${hash} holding ${what} is missing or damaged`, store.problems);
    return bytes;
  };
  const where = (what: string) => join(dir, `${revision.name}:${what}`);
  let parsers: Parsers | undefined;
  let meta: DraftMeta | undefined;
  return {
    draftHash: revision.draft,
    hashes: new Map(Object.entries(revision.paragraphs)),
    get meta() {
      const parsed = (meta ??= cache?.get<DraftMeta>('draft', revision.draft) ?? parsedWith(parsers).parseDraftFile(where(DRAFT_FILE), object(revision.draft, DRAFT_FILE)).meta);
      if (!parsed) throw inputError(`revision "${revision.name}": its ${DRAFT_FILE} does not read`);
      return parsed;
    },
    paragraph(address) {
      const hash = revision.paragraphs[address] as string;
      const known = cache?.get<{ paragraph: Paragraph }>('paragraph', hash);
      if (known) return known.paragraph;
      const read = parsedWith(parsers).parseParagraphFile(where(`paragraph ${address}`), object(hash, `paragraph ${address}`));
      if (!read.paragraph) throw inputError(`revision "${revision.name}": paragraph ${address} does not read`, read.diagnostics);
      return read.paragraph;
    },
    async prepare(reads) {
      // Read from the cache now (a damaged entry reads as missing), so that what it holds is there when asked for.
      const cached = cache !== undefined && (!reads.meta || cache.get('draft', revision.draft) !== undefined) && reads.paragraphs.every((address) => cache.get('paragraph', revision.paragraphs[address] as string) !== undefined);
      if (!cached) parsers = await loadParsers();
    },
  };
}

function parsedWith(parsers: Parsers | undefined): Parsers {
  if (!parsers) throw new Error('internal error: a revision read before prepare() was given what the merge reads');
  return parsers;
}
