/**
 * What a file is when it is not text. Delegations send what they have: a .docx, a PDF, an old
 * Word .doc, or a file damaged in transfer. Decoding any of these as text gives pages of noise and
 * a confusing "no paragraphs found", so they are recognised by their first bytes and named.
 */
export interface NotText {
  code: 'DOCX_INPUT' | 'ZIP_INPUT' | 'PDF_INPUT' | 'DOC_INPUT' | 'ENCRYPTED_OFFICE' | 'RTF_INPUT' | 'NUL_FILLED' | 'UTF16_NO_BOM' | 'BINARY_INPUT';
  message: string;
}

const SAMPLE = 64 * 1024;

export function sniffContent(bytes: Uint8Array): NotText | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  if (isPdf(bytes)) {
    return { code: 'PDF_INPUT', message: 'the file is a PDF, not text: it is read by the PDF reader (`ndraft import file.pdf`), not decoded as text' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Word saves a password-protected .docx as an OLE2 file holding an "EncryptedPackage" stream.
    if (indexOf(bytes, utf16le('EncryptedPackage')) >= 0) {
      return { code: 'ENCRYPTED_OFFICE', message: 'the file is a password-protected (encrypted) Word document; open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password) and save it as .docx again' };
    }
    return { code: 'DOC_INPUT', message: 'the file is an old Word .doc (OLE2 compound file), not text; save it from Word as plain text (UTF-8) and import that' };
  }
  if (startsWith(bytes, ascii('{\\rtf'))) {
    return { code: 'RTF_INPUT', message: 'the file is an RTF document, not plain text; save it as plain text (UTF-8) and import that' };
  }
  if (hasByteOrderMark(bytes)) return undefined;
  return controlBytes(bytes.subarray(0, SAMPLE));
}

/** A PDF starts with `%PDF-`; `ndraft import` reads it with the PDF reader (src/importer/read-import-source.ts). */
export function isPdf(bytes: Uint8Array): boolean {
  return startsWith(bytes, ascii('%PDF-'));
}

function zipKind(bytes: Uint8Array): NotText {
  // The local file headers carry the member names in clear, so a byte search finds them.
  if (indexOf(bytes, ascii('word/document.xml')) >= 0) {
    return { code: 'DOCX_INPUT', message: 'the file is a Word .docx document (a ZIP archive holding word/document.xml), not text; "ndraft import" reads it as a Word document' };
  }
  return { code: 'ZIP_INPUT', message: 'the file is a ZIP archive, not text; unpack it and import the text file inside' };
}

function controlBytes(sample: Uint8Array): NotText | undefined {
  if (sample.length === 0) return undefined;
  let nul = 0;
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      nul++;
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    } else if (b < 0x20 && !ALLOWED_CONTROLS.has(b)) control++;
  });
  if (nul === sample.length) return { code: 'NUL_FILLED', message: 'the file holds nothing but NUL (zero) bytes: it was probably damaged in a copy or a download; get a fresh copy' };
  // ASCII text in UTF-16 has a NUL in every other byte, all on the same side.
  const half = sample.length / 2;
  if (nul > half * 0.6 && Math.min(evenNul, oddNul) < nul * 0.05) {
    const le = oddNul > evenNul;
    return { code: 'UTF16_NO_BOM', message: `the file looks like UTF-16 without a byte-order mark; name it with --encoding ${le ? 'utf-16le' : 'utf-16be'}` };
  }
  if (nul > 0 || control > sample.length * 0.01) {
    return { code: 'BINARY_INPUT', message: `the file is binary data, not text (${nul} NUL and ${control} other control bytes in the first ${sample.length}); import a plain-text file` };
  }
  return undefined;
}

// Tab, line feed, vertical tab, form feed (pdftotext page breaks), carriage return, escape.
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

function hasByteOrderMark(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function utf16le(s: string): number[] {
  return [...s].flatMap((c) => [c.charCodeAt(0), 0]);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function indexOf(bytes: Uint8Array, needle: readonly number[]): number {
  const first = needle[0];
  for (let i = bytes.indexOf(first ?? 0); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    if (needle.every((b, k) => bytes[i + k] === b)) return i;
  }
  return -1;
}
