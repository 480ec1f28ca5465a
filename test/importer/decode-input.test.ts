import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/importer/decode-input.js';
import { firstInvalidUtf8 } from '../../src/encoding/utf8.js';
import { NdraftError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** Encode text in a single-byte legacy encoding by inverting Node's decoder. */
function legacyBytes(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0xff; b >= 0; b--) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => {
    const b = table.get(c);
    if (b === undefined) throw new Error(`${c} is not in ${encoding}`);
    return b;
  }));
}

function refusal(bytes: Uint8Array, file = 'rev1.txt'): { error: NdraftError; diagnostic: Diagnostic } {
  try {
    decodeInput(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(NdraftError);
    const error = e as NdraftError;
    expect(error.kind).toBe('input');
    expect(error.message).toBe(`${file} was not imported`);
    expect(error.diagnostics).toHaveLength(1);
    return { error, diagnostic: error.diagnostics[0] as Diagnostic };
  }
  throw new Error('expected a refusal');
}

const RUSSIAN = '1. Стороны принимают решение о создании рабочей группы по вопросам адаптации.\n2. Секретариат представляет доклад.\n';
const ARABIC = '1. تقرر الأطراف إنشاء فريق عامل معني بالتكيف.\n2. تقدم الأمانة تقريرا إلى الدورة المقبلة.\n';

describe('decodeInput: text encodings', () => {
  it('drops a UTF-8 byte-order mark and turns CRLF and CR into LF', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('1.\r\nText\rmore\r\n', 'utf8')]);
    expect(decodeInput(bytes, 'a.txt')).toEqual({ text: '1.\nText\nmore\n', encoding: 'utf-8', warnings: [] });
  });

  it('reads UTF-16 with a byte-order mark, both byte orders', () => {
    expect(decodeInput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('12. Café', 'utf16le')]), 'a.txt')).toEqual({ text: '12. Café', encoding: 'utf-16le', warnings: [] });
    const be = Buffer.from('12. Café', 'utf16le').swap16();
    expect(decodeInput(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.txt').text).toBe('12. Café');
  });

  it('reads a plausible Latin-1 file as windows-1252, with a warning naming the encoding and the first non-UTF-8 place', () => {
    const bytes = Buffer.from('1. ok\n2. caf\xe9 here \x93quoted\x94\n', 'latin1');
    const decoded = decodeInput(bytes, 'rev1.txt');
    expect(decoded.text).toBe('1. ok\n2. café here “quoted”\n');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual([
      {
        code: 'ENCODING_GUESSED',
        severity: 'warning',
        message: 'the file is not UTF-8; it was read as windows-1252 (Latin-1): check accented letters and quotes, or name the encoding with --encoding',
        file: 'rev1.txt',
        line: 2,
        column: 7,
        sourceLine: '2. café here “quoted”',
      },
    ]);
  });

  it('reads French, Spanish and German windows-1252 text', () => {
    for (const text of ['3. Les Parties décident de créer un comité.', '4. Las Partes acuerdan la creación de un órgano técnico.', '5. Die Vertragsparteien beschließen, einen Ausschuss für Übereinkommen einzusetzen.']) {
      expect(decodeInput(legacyBytes(text, 'windows-1252'), 'a.txt').text).toBe(text);
    }
  });

  it('refuses a windows-1251 Cyrillic file instead of turning it into mojibake, suggesting windows-1251', () => {
    const { diagnostic } = refusal(legacyBytes(RUSSIAN, 'windows-1251'));
    expect(diagnostic.code).toBe('NOT_UTF8');
    expect(diagnostic.line).toBe(1);
    expect(diagnostic.column).toBe(4);
    expect(diagnostic.message).toMatch(/does not read as windows-1252 either; it looks like Cyrillic text in a legacy encoding; try --encoding windows-1251( or|$)/);
  });

  it('suggests koi8-r first for a KOI8-R file', () => {
    expect(refusal(legacyBytes(RUSSIAN, 'koi8-r')).diagnostic.message).toMatch(/Cyrillic text .*try --encoding koi8-r/);
  });

  it('suggests windows-1256 for an Arabic file', () => {
    expect(refusal(legacyBytes(ARABIC, 'windows-1256')).diagnostic.message).toMatch(/Arabic text .*try --encoding windows-1256/);
  });

  it('refuses bytes that read as neither, naming the byte and suggesting encodings', () => {
    const { diagnostic } = refusal(Buffer.from([0x31, 0x2e, 0x20, 0x81, 0x8d, 0xfe, 0x0a]));
    expect(diagnostic.message).toBe('the file is not valid UTF-8 (byte 0x81) and does not read as windows-1252 either; save it as UTF-8, or name its encoding, e.g. --encoding windows-1252 or --encoding windows-1251 or --encoding windows-1256');
  });

  it('--encoding always wins: decodes Cyrillic, and windows-1252 with Word quotes', () => {
    expect(decodeInput(legacyBytes(RUSSIAN, 'windows-1251'), 'a.txt', 'windows-1251')).toEqual({ text: RUSSIAN, encoding: 'windows-1251', warnings: [] });
    expect(decodeInput(Buffer.from('2. caf\xe9 \x93quoted\x94', 'latin1'), 'a.txt', 'windows-1252').text).toBe('2. café “quoted”');
  });

  it('rejects an unknown encoding as a usage error', () => {
    expect(() => decodeInput(Buffer.from('x'), 'a.txt', 'klingon')).toThrow(/unknown --encoding "klingon"/);
  });
});

describe('decodeInput: files that are not text are named, never decoded', () => {
  it('a .docx (ZIP holding word/document.xml)', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('\0\0word/document.xml\0\x9c\xff\xfe')]);
    const { diagnostic } = refusal(zip, 'chair.docx');
    expect(diagnostic).toMatchObject({ code: 'DOCX_INPUT', file: 'chair.docx' });
    expect(diagnostic.message).toMatch(/Word \.docx document .*"ndraft import" reads it as a Word document/);
  });

  it('another ZIP, a PDF, an old .doc and an RTF', () => {
    expect(refusal(Buffer.from('PK\x03\x04\x14\0\0\0other.txt', 'latin1')).diagnostic.code).toBe('ZIP_INPUT');
    expect(refusal(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')).diagnostic.message).toMatch(/is a PDF, not text: it is read by the PDF reader/);
    expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])).diagnostic.code).toBe('DOC_INPUT');
    expect(refusal(Buffer.from('{\\rtf1\\ansi 1. text}')).diagnostic.code).toBe('RTF_INPUT');
  });

  it('a NUL-filled file, binary data, and UTF-16 without a byte-order mark', () => {
    expect(refusal(new Uint8Array(4096)).diagnostic.code).toBe('NUL_FILLED');
    expect(refusal(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x10, 0x3e])).diagnostic.code).toBe('BINARY_INPUT');
    expect(refusal(Buffer.from('1. The Parties decide', 'utf16le')).diagnostic.message).toMatch(/UTF-16 without a byte-order mark; name it with --encoding utf-16le/);
  });

  it('form feeds and tabs are text (pdftotext output)', () => {
    expect(decodeInput(Buffer.from('\fPage header\n\t1.\tText\n'), 'a.txt').text).toBe('\fPage header\n\t1.\tText\n');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first invalid byte, including overlong forms and surrogates', () => {
    expect(firstInvalidUtf8(Buffer.from('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('é ✓ 𝄞', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
  });
});
