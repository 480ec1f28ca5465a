import { Buffer } from 'node:buffer';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { inputError, usageError } from '../../diagnostics/diagnostic.js';
import { consolidateDraft, renumbered } from '../../export/consolidate-draft.js';
import { exportInput, type ExportInput } from '../../export/export-input.js';
import { documentHeader } from '../../render/document-header.js';
import { DOCUMENT_SYMBOL_PATTERN, isIsoDate } from '../../model/document-fields.js';
import { HISTORY_DIR } from '../../history/history-store.js';
import { DRAFT_FILE, PARAGRAPHS_DIR } from '../../store/paragraph-file-name.js';
import type { TrackedChanges } from '../../compare/tracked-changes.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { isPreviousExport, writeExport } from '../../store/export-record.js';
import { displayPath } from '../format-diagnostic.js';
import type { Io } from '../io.js';
import { openDraft } from '../open-draft.js';
import { ObjectCache } from '../../store/object-cache.js';

export const EXPORT_FORMATS = ['text', 'md', 'html', 'docx', 'pdf', 'json', 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const BINARY: readonly ExportFormat[] = ['docx', 'pdf'];
const LINE_NUMBERED: readonly ExportFormat[] = ['html', 'docx', 'pdf'];
const TRACKED: readonly ExportFormat[] = ['docx', 'html', 'md'];

export interface ExportOptions {
  draft?: string;
  format: ExportFormat;
  output?: string;
  force?: boolean;
  clean?: boolean;
  agreedOnly?: boolean;
  renumber?: boolean;
  changesSince?: string;
  /** Who the changes no history entry accounts for are given to (default "unattributed"). */
  author?: string;
  symbol?: string;
  revision?: string;
  date?: string;
  lineNumbers?: boolean;
}

/**
 * `ndraft export`: the draft in one of seven formats, as a compilation (brackets, alternatives and
 * statuses shown) or `--clean` (the consolidated text). Each format is loaded only when asked for;
 * `pdf` is laid out and written by ndraft itself, or, for text it cannot set (right-to-left
 * scripts, scripts that need shaping), the HTML export printed by headless Chromium. Every format shows the document symbol,
 * revision and date (draft.yaml's, or `--symbol`, `--revision`, `--date`). The revision is, unless
 * `--revision` names one, the latest `ndraft snapshot` ("Rev.2, with changes since" when the draft
 * has changed since).
 */
export async function exportCommand(options: ExportOptions, io: Io): Promise<number> {
  const format = options.format;
  if (options.changesSince !== undefined && !TRACKED.includes(format)) throw usageError(`--changes-since marks the changes in docx (Word tracked changes), html or md, not in ${format}`);
  if (options.author !== undefined && options.changesSince === undefined) throw usageError('--author names who made the changes no history entry accounts for: use it with --changes-since');
  if (options.author !== undefined && options.author.trim() === '') throw usageError('--author takes a name, e.g. --author "Secretariat"');
  if (options.changesSince !== undefined && (options.clean || options.agreedOnly)) throw usageError('--changes-since shows the compilation; it does not go with --clean or --agreed-only');
  if (BINARY.includes(format) && options.output === undefined) throw usageError(`${format} is a binary format: give a file with -o, e.g. -o draft.${format}`);
  if (options.lineNumbers && !LINE_NUMBERED.includes(format)) throw usageError(`--line-numbers numbers the lines of html, pdf and docx exports, not of ${format}`);
  if (options.lineNumbers && options.changesSince !== undefined) throw usageError('--line-numbers does not go with --changes-since: Word would number the tracked lines differently from the text');
  const overrides = headerOptions(options);
  const target = options.output === undefined ? undefined : resolve(io.cwd, options.output);

  const opened = await openDraft(options.draft, io.cwd);
  const { dir, draft } = opened;
  // Read once, saved once: the latest revision's manifest (named in the header), and with
  // --changes-since the revision's paragraphs, the history entries and the changes' attribution.
  const cache = new ObjectCache(dir);
  if (overrides.revision === undefined) {
    const { currentRevisionName } = await import('../../revisions/current-revision.js');
    const revision = await currentRevisionName(dir, opened.files, cache);
    if (revision !== undefined) overrides.revision = revision;
  }
  if (target !== undefined) checkTarget(dir, target, options);
  const clean = options.clean === true || options.agreedOnly === true;
  const header = documentHeader(draft.meta, overrides, new Date().toISOString().slice(0, 10));
  const extra = { header, ...(options.lineNumbers ? { lineNumbers: true } : {}) };
  let input: ExportInput;
  if (clean) {
    const consolidated = consolidateDraft(draft, { agreedOnly: options.agreedOnly === true, renumber: options.renumber === true });
    input = exportInput(consolidated.draft, 'clean', {
      ...extra,
      ...(consolidated.numbers ? { numbers: consolidated.numbers } : {}),
      ...(consolidated.note ? { note: consolidated.note } : {}),
    });
  } else {
    input = exportInput(draft, 'compilation', { ...extra, ...(options.renumber ? { numbers: renumbered(draft.paragraphs) } : {}) });
  }

  const changes = options.changesSince === undefined ? undefined : await (await import('../tracked-since.js')).trackedSince(opened, options.changesSince, options.author, cache, format);
  const content = await render(format, input, changes, io, dir);
  // After rendering: the formats keep the attribution of the changed words in it.
  changes?.memo?.flush?.();
  cache.save();
  if (target === undefined) {
    io.write(content as string);
    return 0;
  }
  // Encoded once: the record's hash and the file are the same bytes (a 5,000-paragraph page is ~5 MB).
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  writeExport(dir, target, bytes, (path, data) => writeFileAtomic(path, data));
  io.error(`Exported ${input.draft.paragraphs.length} paragraphs (${clean ? 'clean' : 'compilation'}) as ${format} to ${displayPath(target, io.cwd)}\n`);
  return 0;
}

/** `--symbol`, `--revision` and `--date`, checked as draft.yaml's fields are. */
function headerOptions(options: ExportOptions): { symbol?: string; revision?: string; date?: string } {
  if (options.symbol !== undefined && !DOCUMENT_SYMBOL_PATTERN.test(options.symbol)) throw usageError(`--symbol ${JSON.stringify(options.symbol)}: a document symbol is one line without spaces around it, e.g. A/CONF.999/L.1`);
  if (options.revision !== undefined && (options.revision.trim() === '' || /[\n\r]/.test(options.revision))) throw usageError('--revision takes a name on one line, e.g. Rev.2');
  if (options.date !== undefined && !isIsoDate(options.date)) throw usageError(`--date ${JSON.stringify(options.date)}: a date is written YYYY-MM-DD, e.g. 2026-11-30`);
  return {
    ...(options.symbol !== undefined ? { symbol: options.symbol } : {}),
    ...(options.revision !== undefined ? { revision: options.revision.trim() } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
  };
}

async function render(format: ExportFormat, input: ExportInput, changes: TrackedChanges | undefined, io: Io, dir: string): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return (await import('../../render/render-text.js')).renderText(input.draft, input);
    case 'json':
      return (await import('../../render/render-json.js')).renderJson(input.draft, input.header);
    case 'md':
      return (await import('../../render/render-markdown.js')).renderMarkdown(input, changes ? { changes } : {});
    case 'html': {
      const [{ renderHtml }, { textDiffMemo }] = await Promise.all([import('../../render/render-html.js'), import('../../compare/word-diff-memo.js')]);
      // The alternatives' word diffs, kept between runs on a shelf of their own (a few kilobytes).
      const kept = new ObjectCache(dir, 'alternatives');
      const html = renderHtml(input, { ...(changes ? { changes } : {}), alternativeDiffs: textDiffMemo(kept) });
      kept.save();
      return html;
    }
    case 'pdf': {
      const { nativePdf, describeFallback } = await import('../../render/pdf/render-pdf.js');
      const native = nativePdf(input);
      if ('pdf' in native) return native.pdf;
      // Right-to-left text, scripts that need shaping, characters Tinos lacks: a browser sets those.
      io.error(`${describeFallback(native.fallback)}\n`);
      const html = (await import('../../render/render-html.js')).renderHtml(input);
      return (await import('../../export/print-pdf.js')).printPdf(html, io.env);
    }
    case 'akn':
      return (await import('../../render/render-akn.js')).renderAkn(input);
    case 'docx':
      return (await import('../../render/render-docx.js')).renderDocx(input, changes ? { changes } : {});
  }
}

/** A file is replaced only when it is what ndraft exported there last, or with --force. */
function checkTarget(draftDir: string, target: string, options: ExportOptions): void {
  const name = options.output as string;
  if (!existsSync(dirname(target))) throw inputError(`cannot write ${name}: its folder does not exist`);
  if (isDraftOwnFile(realpathSync(draftDir), join(realpathSync(dirname(target)), basename(target)))) {
    throw inputError(`${name} is one of the draft's own files; -o never writes over draft.yaml, paragraphs/, history/ or .ndraft/ (not even with --force)`);
  }
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) throw inputError(`${name} is a folder; -o takes a file name`);
  if (!options.force && !isPreviousExport(draftDir, target)) {
    throw inputError(`${name} already exists and is not an earlier export of this draft (or was edited since); use --force to overwrite it`);
  }
}

/** draft.yaml, or anything in the draft's paragraphs/, history/ or .ndraft/ (a report beside draft.yaml is fine). */
function isDraftOwnFile(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
  const first = rel.split(sep)[0];
  return rel === DRAFT_FILE || first === PARAGRAPHS_DIR || first === HISTORY_DIR || first === '.ndraft';
}
