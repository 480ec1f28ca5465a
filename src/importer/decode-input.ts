import { TextDecoder } from 'node:util';
import { inputError, usageError } from '../diagnostics/diagnostic.js';

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
      let line = 1;
      let lineStart = 0;
      for (let i = 0; i < bad; i++) {
        if (bytes[i] === 0x0a) {
          line++;
          lineStart = i + 1;
        }
      }
      const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      throw inputError(
        `${file}:${line}:${bad - lineStart + 1}: the file is not valid UTF-8 (byte 0x${byte}); save it as UTF-8, or name its encoding, e.g. --encoding windows-1252`,
      );
    }
    text = new TextDecoder('utf-8').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
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
