import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { inputError, usageError } from '../diagnostics/diagnostic.js';
import { firstInvalidUtf8 } from '../encoding/utf8.js';

/**
 * Bytes to text. UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are
 * recognised; anything else must be named with `--encoding`, because guessing would silently
 * corrupt names and quotes. Line endings become `\n`.
 */
export function decodeInput(bytes: Uint8Array, file: string, encoding?: string): string {
  let text: string;
  if (encoding !== undefined && WINDOWS_1252_LABELS.has(encoding.toLowerCase())) {
    text = decodeWindows1252(bytes);
  } else if (encoding !== undefined) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(encoding, { fatal: true });
    } catch {
      throw usageError(`unknown --encoding "${encoding}"; try utf-8, windows-1252, latin1 or utf-16le`);
    }
    try {
      text = decoder.decode(bytes);
    } catch {
      throw inputError(`${file}: the file is not valid ${encoding}`);
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes);
  } else {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const before = bytes.subarray(0, bad);
      const lineStart = before.lastIndexOf(0x0a) + 1;
      const line = before.filter((b) => b === 0x0a).length + 1;
      const lineEnd = bytes.indexOf(0x0a, bad);
      const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      throw inputError(`${basename(file)} was not imported`, [
        {
          code: 'NOT_UTF8',
          severity: 'error',
          message: `the file is not valid UTF-8 (byte 0x${byte}); save it as UTF-8, or name its encoding, e.g. --encoding windows-1252`,
          file,
          line,
          column: new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1,
          sourceLine: new TextDecoder('utf-8').decode(bytes.subarray(lineStart, lineEnd < 0 ? bytes.length : lineEnd)).replace(/\r$/, ''),
        },
      ]);
    }
    text = new TextDecoder('utf-8').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// The WHATWG labels for windows-1252. Node's TextDecoder decodes these as ISO-8859-1, which turns
// Word's curly quotes and dashes (0x80-0x9F) into control characters, so we map them ourselves.
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'ascii', 'us-ascii']);
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
