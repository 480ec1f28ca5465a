import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';
import type { Draft, DraftMeta, Paragraph } from '../model/schemas.js';
import { HISTORY_DIR, listHistoryIds } from '../history/history-store.js';
import { temporarySibling } from './atomic-write.js';
import { stageCommit, type StagedCommit } from './journal.js';
import type { LoadedDraft } from './load-draft.js';
import { LOCAL_FOLDER } from './local-folder.js';
import { contentHash, openParseCache, type FileStats, type ParseCache } from './parse-cache.js';
import { settleWrittenFiles, type JustWritten } from './settle-written-files.js';
import { DRAFT_FILE, PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { draftMetaForYaml, paragraphForYaml, serializeYaml } from './serialize.js';
import { IDENTITY_LENGTH, sharedBytes, startWriting, type FileToWrite } from './write-files.js';
import { lazyYamlFile } from './yaml-parser.js';

/** A file of a draft folder: its name in the folder, its text, and the value that text holds. */
export type DraftFile = { name: string; content: string } & ({ meta: DraftMeta } | { paragraph: Paragraph });

/** Every file of a draft folder to be written in `dir`: draft.yaml first, then the paragraphs. */
export function draftFiles(draft: Draft, dir: string): DraftFile[] {
  return [metaFile(draft.meta, dir), ...draft.paragraphs.map((given) => paragraphFile(given, dir))];
}

function metaFile(given: DraftMeta, dir: string): DraftFile & { meta: DraftMeta } {
  const meta = draftMetaForYaml(given);
  return { name: DRAFT_FILE, content: serializeYaml(meta, 'draft', join(dir, DRAFT_FILE)), meta };
}

function paragraphFile(given: Paragraph, dir: string): DraftFile & { paragraph: Paragraph } {
  const name = `${PARAGRAPHS_DIR}/${paragraphFileName(given.address)}`;
  const paragraph = paragraphForYaml(given);
  return { name, content: serializeYaml(paragraph, 'paragraph', join(dir, name)), paragraph };
}

/**
 * How many paragraphs are serialised before they are handed to the writer: small enough that
 * the first files are being created a few milliseconds after the serialising starts, large
 * enough that the messages to the writing thread cost nothing.
 */
const BATCH = 250;

/** A file as written: its name in the folder, bytes and SHA-1; a paragraph's address too. */
export interface WrittenFile {
  name: string;
  bytes: Buffer;
  hash: string;
  address?: string;
}

/**
 * Writes a whole draft folder (and returns its files, so that import can record them as a revision). A new draft is written into a temporary folder beside the target,
 * which is renamed into place only when complete. An existing draft (`force`) is replaced as one
 * all-or-nothing change (`journal.ts`): the new files are staged inside it, and only when all are
 * written and checked do they replace the old ones, the old paragraph files (and, with
 * `discardHistory`, the history) removed in the same change; a kill at any moment leaves the old
 * draft or the new one, never none. Replacing a draft that has a history needs `discardHistory`.
 * Call it holding the lock of an existing draft.
 * `verify` is given the folder as `loadDraft` would read it, built from what was just written
 * rather than read back (the content is the same: `paragraphForYaml` is what reading gives); it
 * may throw to abandon the write. `record` writes what else goes into the draft with its files
 * (import's revision) into `dir`: for a new folder, into the folder itself, once checked, while
 * the files are still being written (so that it takes no time of its own on a slow disk) and
 * before the folder is put in place (a failure leaves nothing), told `durable: false` (nothing
 * in a folder not yet in place needs flushing: see `RevisionRequest.durable`); for a replaced
 * draft, once the new files are in place. The files are written on another thread, batch by
 * batch as they are serialised (`startWriting`). The parse cache is saved either way, with what the check found,
 * so the first command on the new draft parses nothing; for a new folder, with the files'
 * identities too, so that it reads nothing either.
 */
export async function writeDraftFolder(
  draft: Draft,
  dir: string,
  options: { force: boolean; discardHistory?: boolean; verify?: (written: LoadedDraft) => Promise<void> | void; record?: (dir: string, files: readonly WrittenFile[], durable: boolean) => void; name?: string },
): Promise<WrittenFile[]> {
  const target = resolve(dir);
  const name = options.name ?? dir;
  let replacing = false;
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw inputError(`${name} exists and is a file, not a draft folder`);
    const entries = readdirSync(target);
    replacing = entries.includes(DRAFT_FILE);
    if (entries.length > 0 && !replacing) {
      throw inputError(`${name} exists and is not an ndraft draft (no ${DRAFT_FILE}); refusing to replace it. Choose another --out`);
    }
    if (replacing && !options.force) throw inputError(`${name} already holds a draft; use --force to replace it`);
    const changes = replacing ? listHistoryIds(target).length : 0;
    if (changes > 0 && !options.discardHistory) {
      throw inputError(`${name} holds a draft with a history of ${changes} change${changes === 1 ? '' : 's'}, which replacing it would discard; add --discard-history to replace it all the same`);
    }
  }

  const commit = replacing ? stageCommit(target) : undefined;
  const staging = commit ? commit.folder : temporarySibling(target);
  // In a change of an existing draft, each file written is recorded as one to put in place.
  const stagedPath = (file: string) => (commit ? commit.stagedPath(file) : join(staging, file));
  try {
    mkdirSync(join(staging, PARAGRAPHS_DIR), { recursive: true });
    const cache = openParseCache(staging);
    const written: LoadedDraft = {
      dir: staging,
      draftFile: lazyYamlFile(join(staging, DRAFT_FILE), () => ''),
      paragraphs: [],
      diagnostics: [],
      // The check (`checkDraft`) saves the cache it is given: here it is saved once, below, when
      // the files are written and their identities known (a 5,000-paragraph cache is ~4 MB).
      cache: Object.create(cache, { save: { value: () => undefined } }) as ParseCache,
    };
    const files: string[] = [];
    const contents: WrittenFile[] = [];
    /** The files to settle in the cache once written: draft.yaml first, then each of `files`. */
    const settling: Omit<JustWritten, 'stats'>[] = [];
    // Started before the first paragraph is serialised: each batch is being written while the
    // next is serialised and, after the last, while the draft is checked and its cache built.
    const writes = startWriting(draft.paragraphs.length);
    try {
      const meta = metaFile(draft.meta, target);
      const metaBytes = Buffer.from(meta.content, 'utf8');
      const metaHash = contentHash(metaBytes);
      const metaPath = stagedPath(DRAFT_FILE);
      contents.push({ name: DRAFT_FILE, bytes: metaBytes, hash: metaHash });
      writeFileSync(metaPath, metaBytes);
      cache.setMeta(metaHash, meta.meta);
      settling.push({ name: DRAFT_FILE, hash: metaHash, meta: meta.meta });
      written.draftFile = lazyYamlFile(metaPath, () => meta.content);
      written.meta = meta.meta;
      for (let from = 0; from < draft.paragraphs.length; from += BATCH) {
        const batch = draft.paragraphs.slice(from, from + BATCH).map((given) => paragraphFile(given, target));
        const batchBytes = sharedBytes(batch.map((f) => f.content));
        const toWrite: FileToWrite[] = batch.map(({ name, content, paragraph }, i) => {
          const file = stagedPath(name);
          const bytes = batchBytes[i] as Buffer;
          const hash = contentHash(bytes);
          contents.push({ name, bytes, hash, address: paragraph.address });
          files.push(file);
          cache.set(hash, { paragraph });
          cache.noteFile(name, hash);
          settling.push({ name, hash });
          written.paragraphs.push({ file, yaml: lazyYamlFile(file, () => content), address: paragraph.address, paragraph, hash });
          return [file, bytes];
        });
        writes.write(toWrite);
      }
      // Checked (while the files are being written) before it replaces anything: a draft that
      // would not load is never put in place.
      await options.verify?.(written);
      // Most of saving the cache, done while the files are still being written.
      cache.encodeParagraphs();
      if (!commit) options.record?.(staging, contents, false);
      const identities = await writes.done();
      // A new folder is not in place yet, so nothing else changes its files: their identities are
      // recorded now, and the first command on the new draft reads none of them.
      if (!commit) {
        const [draftFile, ...paragraphFiles] = settling as [Omit<JustWritten, 'stats'>, ...Omit<JustWritten, 'stats'>[]];
        settleWrittenFiles(cache, staging, [{ ...draftFile, stats: lstatSync(join(staging, DRAFT_FILE)) }, ...paragraphFiles.map((file, i) => ({ ...file, stats: identityAt(identities, i) }))]);
      }
      // Saved after the files: their ctimes are then older than the cache file, so that the first
      // command can record the identities of those not recorded above.
      cache.save();
    } catch (error) {
      await writes.stop();
      throw error;
    }
    if (commit) {
      replaceDraft(target, commit, new Set(files.map((file) => relative(staging, file))), options.discardHistory === true);
      options.record?.(target, contents, true);
    } else {
      renameSync(staging, target);
    }
    return contents;
  } finally {
    if (commit) commit.abandon();
    else rmSync(staging, { recursive: true, force: true });
  }
}

/** The identity of the `i`th file written, from `FileWriter.done`. */
function identityAt(identities: Float64Array, i: number): FileStats {
  const at = i * IDENTITY_LENGTH;
  return { ino: identities[at] as number, size: identities[at + 1] as number, mtimeMs: identities[at + 2] as number, ctimeMs: identities[at + 3] as number };
}

/** Puts the staged draft in place of the old one: its files, the cache, and the removal of what the new draft has not. */
function replaceDraft(target: string, commit: StagedCommit, paragraphFiles: ReadonlySet<string>, discardHistory: boolean): void {
  const cache = join(LOCAL_FOLDER, 'cache');
  if (existsSync(join(commit.folder, cache))) commit.stagedPath(cache);
  for (const old of readdirSync(join(target, PARAGRAPHS_DIR))) {
    const file = join(PARAGRAPHS_DIR, old);
    if (!paragraphFiles.has(file)) commit.remove(file);
  }
  if (discardHistory && existsSync(join(target, HISTORY_DIR))) {
    for (const old of readdirSync(join(target, HISTORY_DIR))) commit.remove(join(HISTORY_DIR, old));
  }
  commit.commit();
}
