import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findLongLine, formatBytes, inputLimits, pastLimit } from '../limits/input-limits.js';

/**
 * Every file of a draft is read through here, because a draft received from someone else is
 * untrusted (SECURITY.md): a symbolic link that leads out of the draft is not followed (so
 * `paragraphs/061.yaml -> /etc/passwd` is never read, let alone printed), only regular files
 * are read (not a device or a pipe, which never end), and a file or a line past the limits is
 * refused before it can exhaust memory or the stack.
 */
export type Refusal = { unreadable: string; line?: number };

/**
 * The file's stats (following a link that stays inside `dir`), or why it is not read.
 * `plainFolder`: the caller has checked that no folder between `dir` and the file is a link
 * (`isPlainFolder`), once for the thousands of paragraph files of one folder.
 */
export function statDraftFile(dir: string, file: string, plainFolder = false): Stats | Refusal {
  let stats: Stats;
  try {
    stats = lstatSync(file);
    if (stats.isSymbolicLink() || (!plainFolder && linkedFolder(dir, file))) {
      const outside = leadsOutside(dir, file);
      if (outside !== undefined) return { unreadable: outside };
      stats = statSync(file);
    }
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String((error as Error).message) };
  }
  if (!stats.isFile()) return { unreadable: `${basename(file)} is not a regular file; ndraft reads only files` };
  const limit = inputLimits().fileSize;
  if (stats.size > limit) return { unreadable: `the file is ${formatBytes(stats.size)}, ${pastLimit('fileSize', formatBytes(limit))}` };
  return stats;
}

/** The file's bytes, or why they are not read. */
export function readDraftFile(dir: string, file: string, stats: Stats | Refusal = statDraftFile(dir, file)): Buffer | Refusal {
  if (isRefusal(stats)) return stats;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { unreadable: String((error as Error).message) };
  }
  return checkLineLength(bytes) ?? bytes;
}

/** The file's text, for a reader that cannot take a refusal: a refused file reads as empty. */
export function readDraftText(dir: string, file: string): string {
  const bytes = readDraftFile(dir, file);
  return Buffer.isBuffer(bytes) ? bytes.toString('utf8') : '';
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'unreadable' in value;
}

/** A line past the line limit, refused with its number. */
function checkLineLength(bytes: Buffer): Refusal | undefined {
  if (bytes.length <= inputLimits().lineLength) return undefined;
  const long = findLongLine(bytes.toString('utf8'));
  return long && { unreadable: long.message, line: long.line };
}

/** A refusal as the error diagnostic it is (READ_FAILED): the file is named, its content never shown. */
export function refusalDiagnostic(file: string, refusal: Refusal): Diagnostic {
  return { code: 'READ_FAILED', severity: 'error', message: refusal.unreadable, file, ...(refusal.line ? { line: refusal.line } : {}) };
}

/** Whether `folder` and every folder between it and `dir` are folders, not links: files in it need only their own check. */
export function isPlainFolder(dir: string, folder: string): boolean {
  try {
    return !lstatSync(folder).isSymbolicLink() && !linkedFolder(dir, folder);
  } catch {
    return false;
  }
}

/** Whether a folder between `dir` and `file` is itself a link (paragraphs/ or history/ made a link). */
function linkedFolder(dir: string, file: string): boolean {
  for (let folder = dirname(file); folder.length > dir.length && folder.startsWith(dir); folder = dirname(folder)) {
    if (lstatSync(folder).isSymbolicLink()) return true;
  }
  return false;
}

/** Why `file` is refused when its real place is outside the draft, else undefined. */
function leadsOutside(dir: string, file: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return `${basename(file)} is a symbolic link that leads nowhere; ndraft does not follow it`;
  }
  const rel = relative(realpathSync(dir), real);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return `${basename(file)} is a symbolic link to a file outside the draft; ndraft does not follow it (replace the link with the file itself)`;
  }
  return undefined;
}

/** Whether `path` (a folder or file of the draft) may be used: not a link leading out of `dir`. */
export function staysInsideDraft(dir: string, path: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink() && !linkedFolder(dir, path)) return true;
  } catch {
    return true; // does not exist yet
  }
  return leadsOutside(dir, path) === undefined;
}

/** The draft's folders (paragraphs/, history/, .ndraft/) that are links out of it: nothing may be written through them. */
export function foldersLeavingDraft(dir: string): string[] {
  return ['paragraphs', 'history', '.ndraft'].filter((name) => !staysInsideDraft(dir, join(dir, name)));
}
