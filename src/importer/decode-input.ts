import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { inputError, usageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firstInvalidUtf8 } from '../encoding/utf8.js';
import { decodeWindows1252, guessLegacyEncoding } from './guess-legacy-encoding.js';
import { sniffContent } from './sniff-content.js';

export interface DecodedInput {
  text: string;
  /** The encoding the text was read in, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
  /** A guessed encoding is said, so the user can check accents and quotes. */
  warnings: Diagnostic[];
}

/**
 * Bytes to text, in this order: `--encoding` when given (it always wins); files that are not text
 * at all (ZIP/.docx, PDF, .doc, NUL-filled or binary) are named and refused; UTF-8 with or without
 * a byte-order mark and UTF-16 with one; then windows-1252 when the result reads as Latin text,
 * with a warning. Anything else is refused with the encodings it most likely is, because a wrong
 * guess would silently corrupt names and quotes. Line endings become `\n`.
 */
export function decodeInput(bytes: Uint8Array, file: string, encoding?: string): DecodedInput {
  if (encoding !== undefined) return finish(decodeAs(bytes, file, encoding), encoding.toLowerCase(), []);
  const notText = sniffContent(bytes);
  if (notText) throw inputError(`${basename(file)} was not imported`, [{ code: notText.code, severity: 'error', message: notText.message, file }]);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes), 'utf-16le', []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes), 'utf-16be', []);
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return finish(new TextDecoder('utf-8').decode(bytes), 'utf-8', []);

  const guess = guessLegacyEncoding(bytes);
  const place = placeOf(bytes, bad);
  const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  if (guess.kind === 'windows-1252') {
    const warning: Diagnostic = {
      code: 'ENCODING_GUESSED',
      severity: 'warning',
      message: 'the file is not UTF-8; it was read as windows-1252 (Latin-1): check accented letters and quotes, or name the encoding with --encoding',
      file,
      line: place.line,
      column: place.column,
      sourceLine: decodeWindows1252(bytes.subarray(place.lineStart, place.lineEnd)).replace(/\r$/, ''),
    };
    return finish(guess.text, 'windows-1252', [warning]);
  }
  const options = guess.candidates.map((c) => `--encoding ${c}`).join(' or ');
  const what = guess.script ? `it looks like ${guess.script} text in a legacy encoding; try ${options}` : `save it as UTF-8, or name its encoding, e.g. ${options}`;
  throw inputError(`${basename(file)} was not imported`, [
    {
      code: 'NOT_UTF8',
      severity: 'error',
      message: `the file is not valid UTF-8 (byte 0x${byte}) and does not read as windows-1252 either; ${what}`,
      file,
      line: place.line,
      column: place.column,
      sourceLine: new TextDecoder('utf-8').decode(bytes.subarray(place.lineStart, place.lineEnd)).replace(/\r$/, ''),
    },
  ]);
}

function decodeAs(bytes: Uint8Array, file: string, encoding: string): string {
  if (WINDOWS_1252_LABELS.has(encoding.toLowerCase())) return decodeWindows1252(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw usageError(`unknown --encoding "${encoding}"; try utf-8, windows-1252, latin1, windows-1251, koi8-r, windows-1256 or utf-16le`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw inputError(`${file}: the file is not valid ${encoding}`);
  }
}

function finish(text: string, encoding: string, warnings: Diagnostic[]): DecodedInput {
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), encoding, warnings };
}

/** Line, column (in characters, as an editor counts them) and the line's byte range for the byte at `offset`. */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number; lineStart: number; lineEnd: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.filter((b) => b === 0x0a).length + 1;
  const lineEnd = bytes.indexOf(0x0a, offset);
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column, lineStart, lineEnd: lineEnd < 0 ? bytes.length : lineEnd };
}

// The WHATWG labels for windows-1252; Node's TextDecoder would read them as ISO-8859-1.
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'ascii', 'us-ascii']);
