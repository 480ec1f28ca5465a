import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src/encoding/utf8.js';

/** The rules spelled out byte by byte: what firstInvalidUtf8 answered before Node's own check answered for valid text. */
function byRules(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < [0, 0x80, 0x800, 0x10000][need]! || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

describe('firstInvalidUtf8', () => {
  it('finds the first bad byte: a stray continuation, an overlong form, a surrogate, a code point past U+10FFFF, a sequence cut short', () => {
    expect(firstInvalidUtf8(Buffer.from('Décide [x/y] 😀', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x62, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
  });

  it('answers as the rules do for any bytes, mostly valid text with damage in it', () => {
    const damaged = fc.tuple(fc.string({ unit: 'binary' }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 })).map(([text, hits]) => {
      const bytes = Buffer.from(text, 'utf8');
      for (const [at, byte] of hits) if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return bytes;
    });
    fc.assert(fc.property(fc.oneof(damaged, fc.uint8Array({ maxLength: 40 })), (bytes) => {
      expect(firstInvalidUtf8(bytes)).toBe(byRules(bytes));
    }), { numRuns: 2000 });
  });
});
