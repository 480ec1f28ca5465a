import { basename, extname, resolve } from 'node:path';
import { inputError } from '../../diagnostics/diagnostic.js';
import { decodeInput } from '../../importer/decode-input.js';
import { importText } from '../../importer/import-text.js';
import { checkImportLines, checkImportResult, readImportFile } from '../../importer/input-limits.js';
import { statusFromCounts, type Counts } from '../../report/compute-status.js';
import { writeDraftFolder } from '../../store/write-draft.js';
import { checkDraft } from '../../validate/check-draft.js';
import { diagnosticJson, displayPath, formatDiagnostic } from '../format-diagnostic.js';
import { colorsFor, type Io } from '../io.js';

export interface ImportOptions {
  out: string;
  title?: string;
  encoding?: string;
  force?: boolean;
  json?: boolean;
}

export async function importCommand(file: string, options: ImportOptions, io: Io): Promise<number> {
  const path = resolve(io.cwd, file);
  const text = decodeInput(readImportFile(path, file), path, options.encoding);
  checkImportLines(text, path);
  const title = options.title ?? titleFromFileName(path);
  const result = importText(text, { file: path, title, source: basename(path) });
  checkImportResult(result, path);
  if (result.draft.paragraphs.length === 0) throw inputError(`${file}: no numbered paragraphs found (a paragraph starts with its number and a period, e.g. "12." or "12bis.")`);

  const out = resolve(io.cwd, options.out);
  let counts = new Map<string, Counts>();
  await writeDraftFolder(result.draft, out, {
    force: options.force === true,
    name: options.out,
    verify: async (written) => {
      // What is written must load back cleanly; a failure here is a bug in ndraft, said plainly.
      const checked = await checkDraft(written);
      const problems = checked.diagnostics.filter((d) => d.severity === 'error');
      if (problems.length > 0) throw inputError('the imported draft would not validate; nothing was written. This is a bug in the importer', problems);
      counts = checked.counts;
    },
  });

  const status = statusFromCounts(result.draft.meta, counts);
  const sections = countSections(result.draft.meta.sections);
  if (options.json) {
    io.write(`${JSON.stringify({ out: displayPath(out, io.cwd), outline: sections, markers: result.markers, ...status, warnings: result.warnings.map((w) => diagnosticJson(w, io.cwd)) }, null, 2)}\n`);
  } else {
    const c = colorsFor(io);
    for (const w of result.warnings) io.error(`${formatDiagnostic(w, io.cwd, colorsFor(io, 'stderr'))}\n`);
    const p = status.paragraphs;
    io.write(
      `${c.green('Imported')} ${displayPath(path, io.cwd)} → ${displayPath(out, io.cwd)}\n` +
        `  sections      ${sections.sections} (and ${sections.subsections} subsections)\n` +
        `  paragraphs    ${p.total}: ${p.agreed} agreed, ${p.agreedAdRef} agreed ad ref, ${p.open} open, ${p.deleted} deleted\n` +
        `  agreed items  ${status.itemsAgreed} (inside open paragraphs)\n` +
        `  markers       ${result.markers} status markers read\n` +
        `  brackets      ${status.brackets} open, and ${status.bracketedParagraphs} bracketed paragraph${status.bracketedParagraphs === 1 ? '' : 's'}\n` +
        `  alternatives  ${status.alternatives}\n` +
        `  warnings      ${result.warnings.length}\n`,
    );
  }
  return 0;
}

function titleFromFileName(path: string): string {
  return basename(path, extname(path)).replace(/[-_]+/g, ' ').trim() || 'Untitled draft';
}

function countSections(sections: readonly { subsections?: readonly unknown[] | undefined }[]): { sections: number; subsections: number } {
  return { sections: sections.length, subsections: sections.reduce((n, s) => n + (s.subsections?.length ?? 0), 0) };
}
