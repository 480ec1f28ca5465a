import { isDeepStrictEqual } from 'node:util';
import { mkdirSync } from 'node:fs';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { isRefusal, readDraftFile } from '../../store/read-draft-file.js';
import { basename, join, resolve } from 'node:path';
import { inputError, NdraftError, usageError } from '../../diagnostics/diagnostic.js';
import { readImportFile } from '../../importer/input-limits.js';
import { sniffContent } from '../../importer/sniff-content.js';
import { mergeConventions } from '../../importer/merge-conventions.js';
import { readImportSource } from '../../importer/read-import-source.js';
import { quickSchemaCheck } from '../../model/quick-schema-check.js';
import type { DraftMeta } from '../../model/schemas.js';
import { renderImportIntoSummary, renderImportIntoWarnings } from '../../render/render-import-into.js';
import { countParagraph, type Counts } from '../../report/counts.js';
import { statusFromCounts } from '../../report/compute-status.js';
import { importIntoDraft, type ImportIntoResult } from '../../revisions/import-into-draft.js';
import { ObjectStore } from '../../revisions/object-store.js';
import { readRevisions } from '../../revisions/read-revision.js';
import { prepareRevision, type RevisionFile } from '../../revisions/record-revision.js';
import { checkNewRevisionName, revisionFile, storedRevisionName } from '../../revisions/revision-store.js';
import { REVISIONS_DIR } from '../../revisions/revision-folders.js';
import { beginManyChanges, type ManyChanges } from '../../store/commit-changes.js';
import { locateDraft } from '../../store/locate-draft.js';
import { DRAFT_FILE } from '../../store/paragraph-file-name.js';
import { contentHash } from '../../store/parse-cache.js';
import { draftMetaForYaml, serializeYaml } from '../../store/serialize.js';
import { checkResults } from '../change-paragraph.js';
import { diagnosticJson, displayPath, formatDiagnostic } from '../format-diagnostic.js';
import { historyHeader } from '../history-header.js';
import { colorsFor, type Io } from '../io.js';
import { resolveAuthorSoon } from '../resolve-author.js';
import { whileLocked } from '../lock-draft.js';
import { openDraft, type OpenedDraft } from '../open-draft.js';

export interface ImportIntoOptions {
  into: string;
  as?: string;
  title?: string;
  encoding?: string;
  from?: 'text' | 'markdown';
  conventions?: string;
  json?: boolean;
  author?: string;
  message?: string;
  dryRun?: boolean;
  /** Options of a new import, refused here. */
  out?: string;
  force?: boolean;
  discardHistory?: boolean;
}

/**
 * `ndraft import rev2.txt --into drafts/tunis --as Rev.2`: a later revision of the draft's text
 * made its text (`importIntoDraft`), under the draft's lock, as one change: the paragraphs,
 * draft.yaml, the history entry and revision `Rev.2`'s manifest are put in place together
 * (its objects first: objects nothing names are harmless), so `undo` takes all of it back.
 */
export async function importIntoCommand(file: string, options: ImportIntoOptions, io: Io): Promise<number> {
  if (options.out !== undefined || options.force || options.discardHistory) {
    throw usageError('--into imports a later text into an existing draft; --out, --force and --discard-history are for a new draft: give one or the other');
  }
  const dir = locateInto(options.into, io.cwd);
  const path = resolve(io.cwd, file);
  const bytes = readImportFile(path, file);
  // A Word document ndraft exported, coming back, is a delegation's copy of the draft: its
  // proposals, not a new text. Any other Word document is the chair's next text, as a typed one is.
  const word = sniffContent(bytes)?.code === 'DOCX_INPUT' ? await import('../../importer/docx/read-docx-source.js') : undefined;
  if (word?.docxWrittenByNdraft(bytes, file)) return (await import('./import-word-into.js')).importWordIntoCommand(bytes, path, file, dir, options, io);
  const name = options.as;
  if (name === undefined) {
    if (word) throw usageError(`${file} is a Word document ndraft did not write, so it is read as the next revision of the text: give --as <name>, e.g. --as Rev.2 (a delegation's copy of ndraft's own export takes none)`);
    throw usageError('--into needs --as <name>: the revision the new text is recorded as, e.g. --as Rev.2 (a Word copy of the draft takes none: its changes are read as proposals)');
  }
  // Loaded only when asked for, as import does: its schema is zod's (~100 ms to load).
  const added = options.conventions !== undefined ? (await import('../../importer/read-conventions.js')).readConventions(resolve(io.cwd, options.conventions), options.conventions) : undefined;
  // As other commands are recorded without their --draft: "." is the draft itself.
  const command = `import ${file} --into . --as ${name}`;
  // Asked now, answered while the new text is read and matched (`resolveAuthorSoon`).
  const author = options.dryRun ? undefined : resolveAuthorSoon(options.author, io.env, dir);

  const work = async () => {
    // The change saves the parse cache (~4 MB for a large draft) with what the check learned: once, not twice.
    const opened = await openDraft(dir, io.cwd, { saveCache: options.dryRun === true });
    checkNewRevisionName(dir, name, true);
    const taken = storedRevisionName(dir, name);
    if (taken !== undefined) throw inputError(`there is already a revision "${taken}"; record this text under another name (--as), e.g. --as ${taken}b; nothing was changed`);
    const conventions = mergeConventions(opened.meta.conventions, added);
    // The chair's Rev.2 arrives as text, Markdown, a PDF or a Word document, read as `import` reads them.
    const source = word
      ? word.readDocxSource(bytes, { file: path, name: file, title: opened.meta.title, fallbackTitle: opened.meta.title, source: basename(path), ...(conventions ? { conventions } : {}) })
      : await readImportSource(bytes, {
          file: path,
          title: opened.meta.title,
          source: basename(path),
          ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(conventions ? { conventions } : {}),
        });
    if (source.draft.paragraphs.length === 0) throw inputError(`${file}: no numbered paragraphs found (a paragraph starts with its number and a period, e.g. "12." or "12bis.")`);
    const result = importIntoDraft({ meta: opened.meta, paragraph: (address) => opened.paragraph(address) }, source.draft, {
      revision: name,
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(conventions ? { conventions } : {}),
    });
    // The changed paragraphs' files are staged (written on another thread) while they are checked
    // and the revision and history entry are made; nothing is in the draft until the change is made.
    const metaChanged = !isDeepStrictEqual(result.meta, opened.meta);
    const changing = result.changes.length > 0 || metaChanged;
    const updated = result.changes.flatMap((c) => (c.after ? [c.after] : []));
    const staged = author && changing ? beginManyChanges(dir, updated) : undefined;
    try {
      await checkResults(updated);
      await checkMeta(result.meta);
      const previous = (await readRevisions(dir)).revisions.at(-1)?.name;
      if (author) await commitImport(io, opened, result, staged && { staged, metaChanged }, name, { ...options, author: await author() }, command, basename(path));
      return { result, warnings: source.allWarnings, previous };
    } catch (error) {
      await staged?.abandon();
      throw error;
    }
  };
  const { result, warnings, previous } = await (options.dryRun ? work() : whileLocked(io, dir, command, work));

  const { report } = result;
  const flags = renderImportIntoWarnings(report, colorsFor(io, 'stderr'));
  if (options.json) {
    // The reader's warnings are in the JSON; an agreed paragraph reworded is said on stderr all the same.
    for (const line of flags) io.error(`${line}\n`);
    io.write(`${JSON.stringify({ draft: displayPath(dir, io.cwd), revision: name, dryRun: options.dryRun === true, paragraphs: result.paragraphs.length, ...reportJson(result), warnings: warnings.map((w) => diagnosticJson(w, io.cwd)) }, null, 2)}\n`);
  } else {
    const c = colorsFor(io);
    for (const w of warnings) io.error(`${formatDiagnostic(w, io.cwd, colorsFor(io, 'stderr'))}\n`);
    for (const line of flags) io.error(`${line}\n`);
    const head = options.dryRun
      ? `${c.bold('Dry run')}, nothing written. Would have imported ${displayPath(path, io.cwd)} into ${displayPath(dir, io.cwd)} as revision ${name}`
      : `${c.green('Imported')} ${displayPath(path, io.cwd)} into ${displayPath(dir, io.cwd)} as revision ${c.bold(name)}`;
    io.write(`${renderImportIntoSummary(report, head, result.paragraphs.length, warnings.length + flags.length, c)}\n`);
    if (!options.dryRun && previous !== undefined) io.write(`What changed: ndraft compare ${previous} ${name}${options.into === '.' ? '' : ` --draft ${options.into}`}\n`);
  }
  return 0;
}

/** `--into DIR` named like `--draft DIR`, its errors saying which option is wrong. */
function locateInto(into: string, cwd: string): string {
  try {
    return locateDraft({ explicit: into, cwd });
  } catch (error) {
    if (error instanceof NdraftError) throw new NdraftError(error.kind, error.message.replace(/^--draft/u, '--into'), error.diagnostics);
    throw error;
  }
}

/**
 * Writes the result as one change recording revision `name`: its objects are stored first (no
 * manifest names them until the change is made), then the paragraphs (staged already:
 * `change.staged`), draft.yaml, the history entry and the manifest go in place all or nothing.
 * A text identical to the draft (no `change`) changes nothing: the revision alone is recorded.
 */
async function commitImport(
  io: Io,
  opened: OpenedDraft,
  result: ImportIntoResult,
  change: { staged: ManyChanges; metaChanged: boolean } | undefined,
  name: string,
  options: ImportIntoOptions,
  command: string,
  source: string,
): Promise<void> {
  const { dir } = opened;
  const metaChanged = change?.metaChanged === true;
  const header = await historyHeader(dir, options, io, command);
  const known = new Map(opened.files.map((f) => [f.address, f]));
  const paragraphs = new Map<string, RevisionFile>();
  const counts = new Map<string, Counts>();
  const changed = new Map(result.changes.flatMap((c) => (c.after ? [[c.after.address, c.after] as const] : [])));
  for (const paragraph of result.paragraphs) {
    const after = changed.get(paragraph.address);
    // A changed paragraph's file as staged (made once: for the revision's hashes and for the draft).
    const file = after ? change?.staged.files.get(after.address) : undefined;
    if (after && file) {
      paragraphs.set(after.address, { hash: file.hash, bytes: () => file.bytes });
      counts.set(after.address, countParagraph(after));
    } else {
      paragraphs.set(paragraph.address, fileOf(dir, known.get(paragraph.address)));
      counts.set(paragraph.address, opened.counts.get(paragraph.address) ?? countParagraph(paragraph));
    }
  }
  // The new draft.yaml's YAML, made once: for the revision's hash and for its file.
  const serializedMeta = metaChanged ? serializeYaml(draftMetaForYaml(result.meta), 'draft', join(dir, DRAFT_FILE)) : undefined;
  const draftBytes = serializedMeta !== undefined ? Buffer.from(serializedMeta, 'utf8') : bytesOf(dir, join(dir, DRAFT_FILE));
  const store = new ObjectStore(dir);
  const { revision, objects } = prepareRevision(
    dir,
    {
      name,
      time: new Date(header.time),
      author: header.author,
      message: options.message ?? `imported from ${source}`,
      figures: statusFromCounts(result.meta, counts),
      draft: { hash: contentHash(draftBytes), bytes: () => draftBytes },
      paragraphs,
    },
    store,
  );
  const manifest = { path: `${REVISIONS_DIR}/${name}.yaml`, content: serializeYaml(revision, 'revision', revisionFile(dir, name)) };
  store.add(objects);
  if (!change) {
    // Nothing to undo: the revision is recorded as a snapshot is.
    commitManifestOnly(dir, manifest);
    return;
  }
  await change.staged.commit(
    { ...header, revision: name, changes: result.changes, ...(metaChanged ? { outline: { before: opened.meta, after: result.meta } } : {}) },
    metaChanged ? result.meta : undefined,
    result.changes.filter((c) => c.after === null).map((c) => c.paragraph),
    { writes: [manifest], ...(serializedMeta !== undefined ? { serializedMeta } : {}) },
  );
}

/** The new draft.yaml must load back; zod (~100 ms to load) only when the quick check of the generated JSON Schema is not sure. */
async function checkMeta(meta: DraftMeta): Promise<void> {
  if (quickSchemaCheck('draft', meta)) return;
  const { draftSchema } = await import('../../model/schemas.js');
  const checked = draftSchema.safeParse(meta);
  if (!checked.success) throw new Error(`import --into produced an invalid draft.yaml: ${checked.error.message}`);
}

function commitManifestOnly(dir: string, manifest: { path: string; content: string }): void {
  mkdirSync(join(dir, REVISIONS_DIR), { recursive: true });
  writeFileAtomic(join(dir, manifest.path), manifest.content);
}

/** An unchanged paragraph's file as a revision keeps it: by the hash the parse cache knows, read only if no revision holds it. */
function fileOf(dir: string, file: { file: string; hash?: string | undefined } | undefined): RevisionFile {
  if (file === undefined) throw new Error('internal error: an unchanged paragraph has no file');
  const read = () => bytesOf(dir, file.file);
  if (file.hash !== undefined) return { hash: file.hash, bytes: read };
  const bytes = read();
  return { hash: contentHash(bytes), bytes: () => bytes };
}

function bytesOf(dir: string, file: string): Buffer {
  const bytes = readDraftFile(dir, file);
  if (isRefusal(bytes)) throw inputError(`${file}: ${bytes.unreadable}`);
  return bytes;
}

function reportJson({ report }: ImportIntoResult): Record<string, unknown> {
  return {
    ...report,
    agreedReworded: report.agreedReworded.map((f) => ({
      ...f,
      diffs: f.diffs.map((d) => ({ name: d.name, changes: d.changes.map((ch) => ({ type: ch.added ? 'insert' : ch.removed ? 'delete' : 'equal', text: ch.value })) })),
    })),
  };
}
