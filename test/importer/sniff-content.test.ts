import { describe, expect, it } from 'vitest';
import { sniffContent } from '../../src/importer/sniff-content.js';

describe('sniffContent', () => {
  it('names what is not text by its first bytes', () => {
    expect(sniffContent(Buffer.from('PK\x03\x04....word/document.xml....', 'latin1'))?.code).toBe('DOCX_INPUT');
    expect(sniffContent(Buffer.from('%PDF-1.4\n'))?.code).toBe('PDF_INPUT');
    expect(sniffContent(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))?.code).toBe('DOC_INPUT');
    expect(sniffContent(new Uint8Array(10))?.code).toBe('NUL_FILLED');
    expect(sniffContent(Buffer.from('1. Text', 'utf16le').swap16())?.message).toMatch(/--encoding utf-16be/);
  });

  it('lets text through: empty files, byte-order marks, tabs, form feeds, CRLF', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xff, 0xfe, 0x31, 0x00]), Buffer.from('\fHeader\r\n\t1.\tText\n'), Buffer.from('caf\xe9', 'latin1')]) {
      expect(sniffContent(bytes)).toBeUndefined();
    }
  });
});
