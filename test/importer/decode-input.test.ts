import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/importer/decode-input.js';
import { firstInvalidUtf8 } from '../../src/encoding/utf8.js';
import { NdraftError } from '../../src/diagnostics/diagnostic.js';

describe('decodeInput', () => {
  it('drops a UTF-8 byte-order mark and turns CRLF and CR into LF', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('1.\r\nText\rmore\r\n', 'utf8')]);
    expect(decodeInput(bytes, 'a.txt')).toBe('1.\nText\nmore\n');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('12. Café', 'utf16le')]);
    expect(decodeInput(bytes, 'a.txt')).toBe('12. Café');
  });

  it('refuses bytes that are not UTF-8, naming line, column and the byte', () => {
    const bytes = Buffer.from('1. ok\n2. caf\xe9 here\n', 'latin1');
    let error: unknown;
    try {
      decodeInput(bytes, 'rev1.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NdraftError);
    expect((error as NdraftError).kind).toBe('input');
    expect((error as NdraftError).message).toBe('rev1.txt was not imported');
    expect((error as NdraftError).diagnostics).toEqual([
      {
        code: 'NOT_UTF8',
        severity: 'error',
        message: 'the file is not valid UTF-8 (byte 0xE9); save it as UTF-8, or name its encoding, e.g. --encoding windows-1252',
        file: 'rev1.txt',
        line: 2,
        column: 7,
        sourceLine: '2. caf\uFFFD here',
      },
    ]);
  });

  it('decodes with --encoding', () => {
    const bytes = Buffer.from('2. caf\xe9 \x93quoted\x94', 'latin1');
    expect(decodeInput(bytes, 'a.txt', 'windows-1252')).toBe('2. café “quoted”');
  });

  it('rejects an unknown encoding as a usage error', () => {
    expect(() => decodeInput(Buffer.from('x'), 'a.txt', 'klingon')).toThrow(/unknown --encoding "klingon"/);
  });

  it('finds the first invalid byte, including overlong forms and surrogates', () => {
    expect(firstInvalidUtf8(Buffer.from('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('é ✓ 𝄞', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
  });
});
