import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { inputError } from '../../diagnostics/diagnostic.js';
import { describeFurniture } from '../../importer/describe-prepared-source.js';
import { readImportFile } from '../../importer/input-limits.js';
import { readDraftSource } from '../../importer/read-draft-source.js';
import { statusFromCounts, type Counts } from '../../report/compute-status.js';
import { DRAFT_FILE } from '../../store/paragraph-file-name.js';
import { writeDraftFolder, type WrittenFile } from '../../store/write-draft.js';
import { recordRevision } from '../../revisions/record-revision.js';
import { IMPORT_REVISION } from '../../revisions/revision-store.js';
import { resolveAuthor } from '../resolve-author.js';
import { checkDraft } from '../../validate/check-draft.js';
import { diagnosticJson, displayPath, formatDiagnostic } from '../format-diagnostic.js';
import { colorsFor, type Io } from '../io.js';
import { whileLocked } from '../lock-draft.js';

export interface ImportOptions {
  out: string;
  title?: string;
  encoding?: string;
  /** The source's format; detected when not given. */
  from?: 'text' | 'markdown';
  /** A YAML file of the negotiation's own spellings, added to the defaults and stored in the draft. */
  conventions?: string;
  force?: boolean;
  discardHistory?: boolean;
  json?: boolean;
}

export async function importCommand(file: string, options: ImportOptions, io: Io): Promise<number> {
  const path = resolve(io.cwd, file);
  // Loaded only when asked for: reading a conventions file needs the YAML parser and zod (~100 ms).
  const conventions = options.conventions !== undefined ? (await import('../../importer/read-conventions.js')).readConventions(resolve(io.cwd, options.conventions), options.conventions) : undefined;
  const result = readDraftSource(readImportFile(path, file), {
    file: path,
    title: options.title ?? titleFromFileName(path),
    source: basename(path),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(conventions ? { conventions } : {}),
  });
  const { decoded, prepared: source, allWarnings: warnings } = result;
  const furniture = describeFurniture(source.furniture);
  if (result.draft.paragraphs.length === 0) throw inputError(`${file}: no numbered paragraphs found (a paragraph starts with its number and a period, e.g. "12." or "12bis.")`);

  const out = resolve(io.cwd, options.out);
  let counts = new Map<string, Counts>();
  const write = async () => {
    const files = await writeDraftFolder(result.draft, out, {
      force: options.force === true,
      discardHistory: options.discardHistory === true,
      name: options.out,
      verify: async (written) => {
        // What is written must load back cleanly; a failure here is a bug in ndraft, said plainly.
        const checked = await checkDraft(written);
        const problems = checked.diagnostics.filter((d) => d.severity === 'error');
        if (problems.length > 0) throw inputError('the imported draft would not validate; nothing was written. This is a bug in the importer', problems);
        counts = checked.counts;
      },
    });
    recordImport(out, files, statusFromCounts(result.draft.meta, counts), basename(path), io);
  };
  // An existing draft is replaced holding its lock, as any change to it is made.
  await (options.force && existsSync(join(out, DRAFT_FILE)) ? whileLocked(io, out, 'import --force', write) : write());

  const status = statusFromCounts(result.draft.meta, counts);
  const sections = countSections(result.draft.meta.sections);
  if (options.json) {
    const cleaning = { encoding: decoded.encoding, format: source.format, furniture: source.furniture, footnotes: source.notes, footnoteReferences: source.references };
    io.write(`${JSON.stringify({ out: displayPath(out, io.cwd), outline: sections, markers: result.markers, ...status, ...cleaning, warnings: warnings.map((w) => diagnosticJson(w, io.cwd)) }, null, 2)}\n`);
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
        (decoded.encoding !== 'utf-8' ? `  encoding      ${decoded.encoding}\n` : '') +
        (source.format === 'markdown' ? '  format        markdown\n' : '') +
        (furniture ? `  furniture     ${furniture}\n` : '') +
        (source.notes.length > 0 ? `  footnotes     ${source.notes.length} kept as notes of the paragraphs citing them, ${source.references.length} reference${source.references.length === 1 ? '' : 's'} cut from the text\n` : ''),
    );
  }
  return 0;
}

/**
 * The imported text is revision "import", so that "ndraft compare import" shows every change
 * made since, by command or by hand. Recorded from the bytes just written: nothing is read back.
 */
function recordImport(out: string, files: readonly WrittenFile[], figures: Counts, source: string, io: Io): void {
  const draftFile = files.find((f) => f.address === undefined) as WrittenFile;
  recordRevision(out, {
    name: IMPORT_REVISION,
    time: new Date(),
    author: resolveAuthor(undefined, io.env, out),
    message: `imported from ${source}`,
    figures,
    draft: { hash: draftFile.hash, bytes: () => draftFile.bytes },
    paragraphs: new Map(files.flatMap((f) => (f.address === undefined ? [] : [[f.address, { hash: f.hash, bytes: () => f.bytes }] as const]))),
    force: true,
  });
}

function titleFromFileName(path: string): string {
  return basename(path, extname(path)).replace(/[-_]+/g, ' ').trim() || 'Untitled draft';
}

function countSections(sections: readonly { subsections?: readonly unknown[] | undefined }[]): { sections: number; subsections: number } {
  return { sections: sections.length, subsections: sections.reduce((n, s) => n + (s.subsections?.length ?? 0), 0) };
}
