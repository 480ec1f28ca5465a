import { describe, expect, it } from 'vitest';
import { decodeWindows1252, guessLegacyEncoding } from '../../src/importer/guess-legacy-encoding.js';

describe('guessLegacyEncoding', () => {
  it('accepts Latin text, with Word quotes and dashes', () => {
    expect(guessLegacyEncoding(Buffer.from('Les Parties d\xe9cident \x96 \x93ad r\xe9f\xe9rendum\x94.', 'latin1'))).toEqual({ kind: 'windows-1252', text: 'Les Parties décident – “ad référendum”.' });
  });

  it('refuses bytes in the holes of windows-1252, and whole words of high bytes', () => {
    expect(guessLegacyEncoding(Buffer.from([0x61, 0x81, 0x62]))).toMatchObject({ kind: 'unknown' });
    // "Стороны" in windows-1251 reads "Ñòîðîíû" in windows-1252.
    expect(guessLegacyEncoding(Buffer.from([0xd1, 0xf2, 0xee, 0xf0, 0xee, 0xed, 0xfb, 0x20, 0xef, 0xf0, 0xe8, 0xed, 0xe8, 0xec, 0xe0, 0xfe, 0xf2]))).toMatchObject({ kind: 'unknown', script: 'Cyrillic' });
  });

  it('maps 0x80-0x9F as Word does', () => {
    expect(decodeWindows1252(Uint8Array.of(0x80, 0x85, 0x91, 0x92, 0x96, 0x97))).toBe('€…‘’–—');
  });
});
