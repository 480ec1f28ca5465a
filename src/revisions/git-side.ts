import { join } from 'node:path';
import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firstInvalidUtf8 } from '../encoding/utf8.js';
import { pathInRepository } from '../git/find-repository.js';
import { draftRepository, draftTreeIds, readCommittedDraft, resolveCommit, type CommittedFile, type DraftRepository } from '../git/read-committed-draft.js';
import { inputLimits } from '../limits/input-limits.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { countParagraph } from '../report/counts.js';
import { paragraphFileName, PARAGRAPHS_DIR } from '../store/paragraph-file-name.js';
import { served, type LoadedDraft, type LoadedParagraph } from '../store/load-draft.js';
import type { ObjectCache } from '../store/object-cache.js';
import { contentHash, openParseCache, type CachedParagraph, type ParseCache } from '../store/parse-cache.js';
import { lazyYamlFile, loadParsers } from '../store/yaml-parser.js';
import { checkDraft } from '../validate/check-draft.js';
import { draftFigures, type DraftSide } from './draft-side.js';
import { treeKey, validatedTrees, type ValidatedTree, type ValidatedTrees } from './validated-trees.js';

/**
 * The draft as the git commit `ref` holds it, read through git (`ls-tree`, `cat-file`). Each
 * paragraph is known by the SHA-1 of its bytes, as the working draft and revisions know theirs,
 * so compare parses only the files that differ; the parse cache of the working draft serves the
 * ones it knows. Sides made with one `context` read each git object once. The draft is checked as `validate` would: a commit holding a broken draft
 * (conflict markers, say) is refused with its errors, each named `ref:path`. A commit whose draft
 * was validated before (its files named by the same git ids, see ValidatedTrees) is not read again.
 */
export async function gitSide(dir: string, ref: string, context: GitContext = gitContext(dir)): Promise<DraftSide & { commit: string }> {
  const commit = resolveCommit(context.repository, ref);
  const key = context.trees && treeKey(draftTreeIds(context.repository, ref, commit));
  const known = key === undefined ? undefined : context.trees?.get(key);
  return (known && servedSide(ref, commit, known, context)) ?? (await readSide(dir, ref, commit, key, context));
}

/** "HEAD~1 (1a2b3c4)", or the short id alone when the ref is one. */
function sideName(ref: string, commit: string): string {
  const short = commit.slice(0, 7);
  return /^[0-9a-f]{4,40}$/i.test(ref) && commit.startsWith(ref.toLowerCase()) ? short : `${ref} (${short})`;
}

/**
 * The commit's draft as a validation recorded it: its outline from the cache, its paragraphs from
 * the caches when asked for, or, those they lack (the working draft has moved on), read from git
 * in `prepare`, checked against the hash recorded, and kept in the object cache. Undefined when
 * the outline is not in the cache or a file of the commit is past the size limit now: the commit
 * is then read as it stands.
 */
function servedSide(ref: string, commit: string, tree: ValidatedTree, { cache, repository }: GitContext): (DraftSide & { commit: string }) | undefined {
  const meta = cache.getMeta(tree.draft);
  if (!meta || tree.largest > inputLimits().fileSize) return undefined;
  const hashes = new Map<string, string>();
  const objectIds = new Map<string, string>();
  for (const [address, hash, object] of tree.paragraphs) {
    hashes.set(address, hash);
    objectIds.set(address, object);
  }
  const entryOf = (address: string) => {
    const entry = cache.get(hashes.get(address) as string);
    return entry?.address === address ? entry : undefined;
  };
  const prepared = (address: string) => {
    const entry = entryOf(address);
    if (!entry) throw new Error(`internal error: paragraph ${address} of ${ref} is read before prepare()`);
    return entry;
  };
  return {
    name: sideName(ref, commit),
    commit,
    meta,
    hashes,
    figures: tree.figures,
    paragraph: (address) => prepared(address).paragraph,
    counts: (address) => {
      const entry = prepared(address);
      return entry.counts ?? countParagraph(entry.paragraph);
    },
    async prepare(addresses) {
      const missing = [...addresses].filter((address) => hashes.has(address) && !entryOf(address));
      if (missing.length === 0) return;
      const parsers = await loadParsers();
      const { objects } = repository;
      const contents = await objects.read(missing.map((address) => objectIds.get(address) as string));
      for (const address of missing) {
        const object = objectIds.get(address) as string;
        const bytes = contents.get(object);
        const shownAs = `${ref}:${pathInRepository(repository.repository, `${PARAGRAPHS_DIR}/${paragraphFileName(address)}`)}`;
        const parsed = Buffer.isBuffer(bytes) && objects.contentHash(object, bytes) === hashes.get(address) ? parsers.parseParagraphFile(shownAs, bytes) : undefined;
        // The hash was recorded from these very bytes: anything else is a cache written by someone else.
        if (parsed?.paragraph?.address !== address) throw inputError(`${shownAs} is not what ${join(repository.dir, '.ndraft', 'objects')} records of ${commit.slice(0, 12)}; remove that file and compare again`);
        // Kept (in the object cache) for the next run, which finds it there.
        cache.set(hashes.get(address) as string, { paragraph: parsed.paragraph, counts: countParagraph(parsed.paragraph) });
      }
    },
  };
}

/** The commit's draft read from git, parsed where the caches lack it, validated; recorded under `key` when it validates. */
async function readSide(dir: string, ref: string, commit: string, key: string | undefined, context: GitContext): Promise<DraftSide & { commit: string }> {
  const committed = await readCommittedDraft(context.repository, ref, commit);
  const { cache } = context;
  const { objects } = context.repository;
  const hashOf = (file: CommittedFile) => (Buffer.isBuffer(file.bytes) && firstInvalidUtf8(file.bytes) < 0 ? (file.object ? objects.contentHash(file.object, file.bytes) : contentHash(file.bytes)) : undefined);
  const textOf = (file: CommittedFile) => () => (Buffer.isBuffer(file.bytes) ? file.bytes.toString('utf8') : '');

  const paragraphs: LoadedParagraph[] = [];
  const toParse: { at: number; file: CommittedFile; hash?: string }[] = [];
  for (const file of committed.paragraphs) {
    const hash = hashOf(file);
    const entry = hash === undefined ? undefined : cache.get(hash);
    if (hash !== undefined && entry) paragraphs.push(served(file.shownAs, hash, entry, textOf(file)));
    else {
      toParse.push({ at: paragraphs.length, file, ...(hash !== undefined ? { hash } : {}) });
      paragraphs.push({ file: file.shownAs, yaml: lazyYamlFile(file.shownAs, () => '') });
    }
  }

  const { draftFile } = committed;
  const draftHash = hashOf(draftFile);
  let meta: DraftMeta | undefined = draftHash === undefined ? undefined : cache.getMeta(draftHash);
  let draftYaml = lazyYamlFile(draftFile.shownAs, textOf(draftFile));
  const diagnostics: Diagnostic[] = [];
  if (!meta || toParse.length > 0) {
    // The YAML parser and the schemas are loaded only when some file is new to the cache.
    const parsers = await loadParsers();
    if (!meta) {
      const parsed = parsers.parseDraftFile(draftFile.shownAs, draftFile.bytes);
      draftYaml = parsed.yaml;
      meta = parsed.meta;
      diagnostics.push(...parsed.diagnostics);
    }
    for (const { at, file, hash } of toParse) {
      const parsed = parsers.parseParagraphFile(file.shownAs, file.bytes);
      diagnostics.push(...parsed.diagnostics);
      const { paragraph } = parsed;
      paragraphs[at] = { file: file.shownAs, yaml: parsed.yaml, ...(hash !== undefined ? { hash } : {}), ...(paragraph ? { address: paragraph.address, paragraph } : {}) };
    }
  }

  const loaded: LoadedDraft = { dir, draftFile: draftYaml, ...(meta ? { meta } : {}), paragraphs, diagnostics, cache };
  const checked = await checkDraft(loaded);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (!checked.meta || !checked.paragraph || errors.length > 0) {
    throw inputError(`the draft as committed at ${ref} has ${errors.length} error${errors.length === 1 ? '' : 's'}; compare reads only a draft that validates`, errors);
  }
  const hashes = new Map<string, string>();
  for (const p of paragraphs) if (p.address !== undefined && p.hash !== undefined) hashes.set(p.address, p.hash);
  const lookup = checked.paragraph;
  const counts = checked.counts;
  const figures = draftFigures(counts);
  // Validated: draft.yaml's content and the commit's verdict are kept for the next run.
  if (draftHash !== undefined) cache.setMeta(draftHash, checked.meta);
  if (key !== undefined && draftHash !== undefined) {
    const rows: ValidatedTree['paragraphs'] = [];
    committed.paragraphs.forEach((file, i) => {
      const p = paragraphs[i] as LoadedParagraph;
      if (p.address !== undefined && p.hash !== undefined && file.object !== undefined) rows.push([p.address, p.hash, file.object]);
    });
    const sizes = [draftFile, ...committed.paragraphs].map((file) => (Buffer.isBuffer(file.bytes) ? file.bytes.length : 0));
    if (rows.length === hashes.size) context.trees?.set(key, { draft: draftHash, paragraphs: rows, figures, largest: Math.max(...sizes) });
  }
  return {
    name: sideName(ref, committed.commit),
    commit: committed.commit,
    meta: checked.meta,
    hashes,
    figures,
    paragraph: (address) => lookup(address) as Paragraph,
    counts: (address) => counts.get(address) ?? countParagraph(lookup(address) as Paragraph),
  };
}

/** What the sides of one comparison share: the repository, the objects read, the parse cache. */
export interface GitContext {
  repository: DraftRepository;
  cache: ParseCache;
  /** The commits validated before, when an object cache keeps them. */
  trees?: ValidatedTrees;
}

/** With `objects`, the files of commits parsed once are kept there (save it when done). */
export function gitContext(dir: string, objects?: ObjectCache): GitContext {
  return { repository: draftRepository(dir), cache: readOnly(openParseCache(dir), objects), ...(objects ? { trees: validatedTrees(objects) } : {}) };
}

/**
 * The working draft's parse cache, never written back: it keeps the files of the folder, and
 * saving it with the files of a commit would drop theirs. What is parsed here is kept in memory,
 * and, checked, in the object cache by the hash of its bytes when there is one: so the files of
 * an older commit (`compare --git HEAD~1`) are parsed and checked once, not on every run.
 */
function readOnly(cache: ParseCache, objects: ObjectCache | undefined): ParseCache {
  return {
    knownEntry: (name, stats) => cache.knownEntry(name, stats),
    noteFile: () => undefined,
    forget: () => undefined,
    settledAt: () => undefined,
    encodeParagraphs: () => undefined,
    get: (hash) => cache.get(hash) ?? objects?.get<CachedParagraph>('git-paragraph', hash),
    set: (hash, entry) => {
      cache.set(hash, entry);
      if (objects === undefined || entry.counts === undefined) return;
      // A paragraph checked (`checkDraft`) is kept, also over one only parsed and counted (a
      // commit's paragraph read for a compare, see servedSide); one only parsed, when none is kept.
      const kept = objects.has('git-paragraph', hash) ? objects.get<CachedParagraph>('git-paragraph', hash) : undefined;
      if (kept === undefined || (entry.problems !== undefined && kept.problems === undefined)) objects.set('git-paragraph', hash, { address: entry.paragraph.address, ...entry });
    },
    knownMeta: (stats) => cache.knownMeta(stats),
    getMeta: (hash) => cache.getMeta(hash) ?? objects?.get<DraftMeta>('git-draft', hash),
    setMeta: (hash, meta) => {
      cache.setMeta(hash, meta);
      if (!objects?.has('git-draft', hash)) objects?.set('git-draft', hash, meta);
    },
    save: () => undefined,
  };
}
