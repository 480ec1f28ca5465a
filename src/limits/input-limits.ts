/**
 * How much input ndraft agrees to read. A draft or a file received from another delegation is
 * untrusted (SECURITY.md): without bounds, one file could make ndraft run out of memory, hang,
 * or overflow the stack. The CLI sets these once, from flags or environment variables, before a
 * command runs; the core reads them where it reads input. Module state rather than a parameter
 * threaded through every parser: the notation parser alone is called from some forty places.
 */
export interface InputLimits {
  /** Bytes of any one file read: the file imported, a paragraph, draft.yaml, a history entry. */
  fileSize: number;
  /** Characters in one line of such a file. */
  lineLength: number;
  /** Brackets open at once inside one text (`[a [b [c]]]` is 3). */
  depth: number;
  /** Aliases (`*name`) the YAML reader expands in one file: the guard against "billion laughs". */
  aliasCount: number;
  /** Pages of a PDF imported: each is parsed for its text, so a huge page count is a slow import. */
  pdfPages: number;
  /** Bytes a ZIP container (a .docx) would unpack to, as its directory declares: the guard against zip bombs. */
  zipSize: number;
  /** Members of a ZIP container. */
  zipEntries: number;
  /** Elements open at once in an XML part of a .docx. */
  xmlDepth: number;
}

export const DEFAULT_LIMITS: Readonly<InputLimits> = Object.freeze({
  fileSize: 32 * 1024 * 1024,
  lineLength: 1024 * 1024,
  depth: 100,
  aliasCount: 100,
  pdfPages: 2000,
  zipSize: 256 * 1024 * 1024,
  zipEntries: 10_000,
  xmlDepth: 256,
});

/** Each limit's flag and environment variable, for messages and `--help`. */
export const LIMIT_NAMES: Readonly<Record<keyof InputLimits, { flag: string; env: string }>> = Object.freeze({
  fileSize: { flag: '--max-file-size', env: 'NDRAFT_MAX_FILE_SIZE' },
  lineLength: { flag: '--max-line-length', env: 'NDRAFT_MAX_LINE_LENGTH' },
  depth: { flag: '--max-depth', env: 'NDRAFT_MAX_DEPTH' },
  aliasCount: { flag: '--max-aliases', env: 'NDRAFT_MAX_ALIASES' },
  pdfPages: { flag: '--max-pdf-pages', env: 'NDRAFT_MAX_PDF_PAGES' },
  zipSize: { flag: '--max-zip-size', env: 'NDRAFT_MAX_ZIP_SIZE' },
  zipEntries: { flag: '--max-zip-entries', env: 'NDRAFT_MAX_ZIP_ENTRIES' },
  xmlDepth: { flag: '--max-xml-depth', env: 'NDRAFT_MAX_XML_DEPTH' },
});

/** The limits counted in bytes, which take K, M or G. */
export const BYTE_LIMITS: ReadonlySet<keyof InputLimits> = new Set(['fileSize', 'zipSize']);

let current: InputLimits = { ...DEFAULT_LIMITS };

export function inputLimits(): Readonly<InputLimits> {
  return current;
}

/** Sets the limits for what follows; the ones not given return to their defaults. */
export function setInputLimits(limits: Partial<InputLimits> = {}): void {
  current = { ...DEFAULT_LIMITS, ...limits };
}

/** "past the limit of 100 (raise it with --max-depth or NDRAFT_MAX_DEPTH)". */
export function pastLimit(name: keyof InputLimits, shown = String(inputLimits()[name])): string {
  const { flag, env } = LIMIT_NAMES[name];
  return `past the limit of ${shown} (raise it with ${flag} or ${env})`;
}

/** The first line of `text` longer than the line limit: its number, and what to say about it. */
export function findLongLine(text: string): { line: number; message: string } | undefined {
  const limit = current.lineLength;
  if (text.length <= limit) return undefined;
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > limit) return { line, message: `line ${line} is ${end - start} characters long, ${pastLimit('lineLength')}` };
    start = end + 1;
  }
  return undefined;
}

/** 33554432 → "32 MiB", 53120000 → "50.7 MiB", 2004 → "2004 bytes", for messages. */
export function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB) return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
