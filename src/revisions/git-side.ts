import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firstInvalidUtf8 } from '../encoding/utf8.js';
import { draftRepository, readCommittedDraft, type CommittedFile, type DraftRepository } from '../git/read-committed-draft.js';
import type { DraftMeta, Paragraph } from '../model/schemas.js';
import { statusFromCounts } from '../report/compute-status.js';
import { served, type LoadedDraft, type LoadedParagraph } from '../store/load-draft.js';
import type { ObjectCache } from '../store/object-cache.js';
import { contentHash, openParseCache, type CachedParagraph, type ParseCache } from '../store/parse-cache.js';
import { lazyYamlFile, loadParsers } from '../store/yaml-parser.js';
import { checkDraft } from '../validate/check-draft.js';
import { countsOnly, type DraftSide } from './draft-side.js';

/**
 * The draft as the git commit `ref` holds it, read through git (`ls-tree`, `cat-file`). Each
 * paragraph is known by the SHA-1 of its bytes, as the working draft and revisions know theirs,
 * so compare parses only the files that differ; the parse cache of the working draft serves the
 * ones it knows. Sides made with one `context` read each git object once. The draft is checked as `validate` would: a commit holding a broken draft
 * (conflict markers, say) is refused with its errors, each named `ref:path`.
 */
export async function gitSide(dir: string, ref: string, context: GitContext = gitContext(dir)): Promise<DraftSide & { commit: string }> {
  const committed = await readCommittedDraft(context.repository, ref);
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
  const short = committed.commit.slice(0, 7);
  return {
    name: /^[0-9a-f]{4,40}$/i.test(ref) && committed.commit.startsWith(ref.toLowerCase()) ? short : `${ref} (${short})`,
    commit: committed.commit,
    meta: checked.meta,
    hashes,
    figures: countsOnly(statusFromCounts(checked.meta, checked.counts)),
    paragraph: (address) => lookup(address) as Paragraph,
  };
}

/** What the sides of one comparison share: the repository, the objects read, the parse cache. */
export interface GitContext {
  repository: DraftRepository;
  cache: ParseCache;
}

/** With `objects`, the files of commits parsed once are kept there (save it when done). */
export function gitContext(dir: string, objects?: ObjectCache): GitContext {
  return { repository: draftRepository(dir), cache: readOnly(openParseCache(dir), objects) };
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
    get: (hash) => cache.get(hash) ?? objects?.get<CachedParagraph>('git-paragraph', hash),
    set: (hash, entry) => {
      cache.set(hash, entry);
      if (entry.problems !== undefined && entry.counts !== undefined && !objects?.has('git-paragraph', hash)) {
        objects?.set('git-paragraph', hash, { address: entry.paragraph.address, ...entry });
      }
    },
    knownMeta: (stats) => cache.knownMeta(stats),
    getMeta: (hash) => cache.getMeta(hash) ?? objects?.get<DraftMeta>('git-draft', hash),
    setMeta: (hash, meta) => {
      cache.setMeta(hash, meta);
      objects?.set('git-draft', hash, meta);
    },
    save: () => undefined,
  };
}
