import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { inputError, usageError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ImportResult } from '../../importer/import-text.js';
import { sniffContent } from '../../importer/sniff-content.js';
import type { Conventions } from '../../model/conventions-schema.js';
import { describeFurniture } from '../../importer/describe-prepared-source.js';
import { readImportFile } from '../../importer/input-limits.js';
import { describePdfSource } from '../../importer/pdf/describe-pdf-source.js';
import { readImportSource } from '../../importer/read-import-source.js';
import { statusFromCounts, type Counts } from '../../report/compute-status.js';
import { DRAFT_FILE } from '../../store/paragraph-file-name.js';
import { writeDraftFolder, type WrittenFile } from '../../store/write-draft.js';
import { recordRevision } from '../../revisions/record-revision.js';
import { IMPORT_REVISION } from '../../revisions/revision-store.js';
import { resolveAuthorSoon } from '../resolve-author.js';
import { checkDraft } from '../../validate/check-draft.js';
import { diagnosticJson, displayPath, formatDiagnostic } from '../format-diagnostic.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';

export interface ImportOptions {
  out?: string;
  /** Options of `import --into`, refused without it. */
  as?: string;
  author?: string;
  message?: string;
  dryRun?: boolean;
  title?: string;
  encoding?: string;
  /** The source's format; detected when not given. */
  from?: 'text' | 'markdown';
  /** A YAML file of the negotiation's own spellings, added to the defaults and stored in the draft. */
  conventions?: string;
  force?: boolean;
  discardHistory?: boolean;
  json?: boolean;
  /** Word: what becomes of tracked changes (default: each author's become alternatives). */
  trackedChanges?: 'alternatives' | 'accept' | 'reject';
}

export async function importCommand(file: string, options: ImportOptions, io: Io): Promise<number> {
  if (options.out === undefined) throw usageError('give --out <dir> for a new draft, or --into <draft> --as <name> to import a later revision of its text into it');
  const intoOnly = (['as', 'author', 'message', 'dryRun'] as const).filter((key) => options[key] !== undefined).map((key) => (key === 'dryRun' ? '--dry-run' : key === 'message' ? '-m' : `--${key}`));
  if (intoOnly.length > 0) throw usageError(`${intoOnly.join(', ')} ${intoOnly.length === 1 ? 'goes' : 'go'} with --into <draft>, to import a later revision into an existing draft`);
  const outDir = options.out;
  const path = resolve(io.cwd, file);
  const out = resolve(io.cwd, outDir);
  // Asked now, answered while the document is read: the revision "import" names who imported it.
  const author = resolveAuthorSoon(undefined, io.env, authorFolder(out));
  // Loaded only when asked for: reading a conventions file needs the YAML parser and zod (~100 ms).
  const conventions = options.conventions !== undefined ? (await import('../../importer/read-conventions.js')).readConventions(resolve(io.cwd, options.conventions), options.conventions) : undefined;
  const bytes = readImportFile(path, file);
  // A Word document is recognised by its content, whatever its name; its reader loads only then.
  const read = sniffContent(bytes)?.code === 'DOCX_INPUT' ? await readWord(bytes, path, file, options, conventions) : await readText(bytes, path, options, conventions);
  const { result, warnings } = read;
  if (result.draft.paragraphs.length === 0) throw inputError(`${file}: no numbered paragraphs found (a paragraph starts with its number and a period, e.g. "12." or "12bis.")`);

  let counts = new Map<string, Counts>();
  const write = async () => {
    const importer = await author();
    await writeDraftFolder(result.draft, out, {
      force: options.force === true,
      discardHistory: options.discardHistory === true,
      name: outDir,
      verify: async (written) => {
        // What is written must load back cleanly; a failure here is a bug in ndraft, said plainly.
        const checked = await checkDraft(written, { known: result.knownTexts });
        const problems = checked.diagnostics.filter((d) => d.severity === 'error');
        if (problems.length > 0) throw inputError('the imported draft would not validate; nothing was written. This is a bug in the importer', problems);
        counts = checked.counts;
      },
      record: (dir, files, durable) => recordImport(dir, files, durable, statusFromCounts(result.draft.meta, counts), basename(path), importer),
    });
  };
  // An existing draft is replaced holding its lock, as any change to it is made.
  await (options.force && existsSync(join(out, DRAFT_FILE)) ? whileLocked(io, out, 'import --force', write) : write());

  const status = statusFromCounts(result.draft.meta, counts);
  const sections = countSections(result.draft.meta.sections);
  if (options.json) {
    io.write(`${JSON.stringify({ out: displayPath(out, io.cwd), outline: sections, markers: result.markers, ...status, ...read.json, warnings: warnings.map((w) => diagnosticJson(w, io.cwd)) }, null, 2)}\n`);
  } else {
    const c = colorsFor(io);
    for (const w of warnings) io.error(`${formatDiagnostic(w, io.cwd, colorsFor(io, 'stderr'))}\n`);
    const p = status.paragraphs;
    io.write(
      `${c.green('Imported')} ${displayPath(path, io.cwd)} → ${displayPath(out, io.cwd)}\n` +
        `  sections      ${sections.sections} (and ${sections.subsections} subsections)\n` +
        `  paragraphs    ${p.total}: ${p.agreed} agreed, ${p.agreedAdRef} agreed ad ref, ${p.open} open, ${p.deleted} deleted\n` +
        `  agreed items  ${status.itemsAgreed} (inside open paragraphs)\n` +
        `  markers       ${result.markers} status markers read\n` +
        `  brackets      ${status.brackets} open, and ${status.bracketedParagraphs} bracketed paragraph${status.bracketedParagraphs === 1 ? '' : 's'}\n` +
        `  alternatives  ${status.alternatives}\n` +
        `  option blocks ${status.optionBlocks} open\n` +
        `  warnings      ${warnings.length}\n` +
        read.summary.map((line) => `  ${line}\n`).join(''),
    );
  }
  return 0;
}

/**
 * The imported text is revision "import", so that "ndraft compare import" shows every change
 * made since, by command or by hand. Recorded from the bytes just written: nothing is read back.
 * `dir` is the new draft's folder before it is put in place (or the replaced draft).
 */
function recordImport(dir: string, files: readonly WrittenFile[], durable: boolean, figures: Counts, source: string, author: string): void {
  const draftFile = files.find((f) => f.address === undefined) as WrittenFile;
  recordRevision(dir, {
    name: IMPORT_REVISION,
    time: new Date(),
    author,
    message: `imported from ${source}`,
    figures,
    draft: { hash: draftFile.hash, bytes: () => draftFile.bytes, hashedFromBytes: true },
    paragraphs: new Map(files.flatMap((f) => (f.address === undefined ? [] : [[f.address, { hash: f.hash, bytes: () => f.bytes, hashedFromBytes: true }] as const]))),
    force: true,
    durable,
  });
}

/**
 * Where git is asked who imports: the draft replaced (the revision is recorded in it), else the
 * folder the new draft's folder is made in (its nearest existing one), where the new folder is
 * written before it is put in place.
 */
function authorFolder(out: string): string {
  if (existsSync(join(out, DRAFT_FILE))) return out;
  let dir = dirname(out);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** What a reader gives the command: the draft, every warning, its own summary lines and JSON fields. */
interface ReadForImport {
  result: ImportResult;
  warnings: Diagnostic[];
  summary: string[];
  json: Record<string, unknown>;
}

/** Text, Markdown or a PDF (recognised by its content): the text pipeline, the PDF reader in front of it. */
async function readText(bytes: Uint8Array, path: string, options: ImportOptions, conventions: Conventions | undefined): Promise<ReadForImport> {
  const result = await readImportSource(bytes, {
    file: path,
    title: options.title ?? titleFromFileName(path),
    ...(options.title !== undefined ? { titleGiven: true } : {}),
    source: basename(path),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(conventions ? { conventions } : {}),
  });
  const { decoded, prepared: source } = result;
  const furniture = describeFurniture(source.furniture);
  const summary = [
    ...(decoded.encoding !== 'utf-8' ? [`encoding      ${decoded.encoding}`] : []),
    ...(source.format === 'markdown' ? ['format        markdown'] : []),
    ...(result.pdf ? [`pdf           ${describePdfSource(result.pdf)}`] : []),
    ...(furniture ? [`furniture     ${furniture}`] : []),
    ...(source.notes.length > 0 ? [`footnotes     ${source.notes.length} kept as notes of the paragraphs citing them, ${source.references.length} reference${source.references.length === 1 ? '' : 's'} cut from the text`] : []),
  ];
  const json = { ...(result.pdf ? { pdf: result.pdf } : { encoding: decoded.encoding }), format: source.format, furniture: source.furniture, footnotes: source.notes, footnoteReferences: source.references };
  return { result, warnings: result.allWarnings, summary, json };
}

async function readWord(bytes: Uint8Array, path: string, name: string, options: ImportOptions, conventions: Conventions | undefined): Promise<ReadForImport> {
  const [{ readDocxSource }, { describeDocxImport }] = await Promise.all([import('../../importer/docx/read-docx-source.js'), import('../describe-docx-import.js')]);
  const result = readDocxSource(bytes, {
    file: path,
    name,
    ...(options.title !== undefined ? { title: options.title } : {}),
    fallbackTitle: titleFromFileName(path),
    source: basename(path),
    ...(conventions ? { conventions } : {}),
    ...(options.trackedChanges ? { trackedChanges: options.trackedChanges } : {}),
  });
  return { result, warnings: result.allWarnings, ...describeDocxImport(result.summary) };
}

function titleFromFileName(path: string): string {
  return basename(path, extname(path)).replace(/[-_]+/g, ' ').trim() || 'Untitled draft';
}

function countSections(sections: readonly { subsections?: readonly unknown[] | undefined }[]): { sections: number; subsections: number } {
  return { sections: sections.length, subsections: sections.reduce((n, s) => n + (s.subsections?.length ?? 0), 0) };
}
