import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/cli/commands/import.js';
import { setInputLimits } from '../../../src/limits/input-limits.js';
import { negotiationDocx } from '../../helpers/docx-fixtures.js';
import { fakeIo, makeTempDir, rejection, removeTempDirs } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);
afterEach(() => setInputLimits());

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const docx = (members: Record<string, string | Uint8Array>) => zipSync(Object.fromEntries(Object.entries(members).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));

/** Imports `bytes` as a file; returns the error and proves nothing was written. */
async function refused(bytes: Uint8Array, name = 'their.docx'): Promise<string> {
  const dir = makeTempDir('bad-docx');
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const error = await rejection(importCommand(file, { out: join(dir, 'out') }, fakeIo()));
  expect(error.kind).toBe('input');
  expect(existsSync(join(dir, 'out'))).toBe(false);
  return [error.message, ...error.diagnostics.map((d) => d.message)].join('\n');
}

describe('import of a Word document that cannot be read: a clear error, exit 1, nothing written', () => {
  it('a password-protected .docx (an OLE2 file holding an EncryptedPackage stream)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(100)]);
    expect(await refused(ole)).toMatch(/password-protected \(encrypted\) Word document; open it in Word, remove the password/);
  });

  it('an old Word .doc', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from('WordDocument', 'utf16le')]);
    expect(await refused(ole, 'old.doc')).toMatch(/old Word \.doc \(OLE2 compound file\)/);
  });

  it('a .docx cut short in a download', async () => {
    const whole = await negotiationDocx();
    expect(await refused(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/their\.docx is a damaged ZIP archive \(.+\); the file may have been cut short/);
  });

  it('a zip bomb: refused from the ZIP directory, before anything is unpacked', async () => {
    setInputLimits({ zipSize: 1024 * 1024 });
    const bomb = docx({ 'word/document.xml': documentXml(''), 'word/media/zeros.bin': new Uint8Array(4 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20_000);
    expect(await refused(bomb)).toMatch(/would unpack to more than 1 MiB \(a zip bomb\?\), past the limit of 1 MiB \(raise it with --max-zip-size or NDRAFT_MAX_ZIP_SIZE\)/);
  });

  it('a zip bomb that lies about its sizes: unpacked only to the size declared, then refused as cut short', async () => {
    const honest = docx({ 'word/document.xml': documentXml(`<w:p><w:r><w:t>1. ${'x'.repeat(3 * 1024 * 1024)}</w:t></w:r></w:p>`) });
    const lying = Buffer.from(honest);
    // The declared unpacked size, in the local header (offset 22) and the central directory (offset 24).
    lying.writeUInt32LE(200, 22);
    lying.writeUInt32LE(200, lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    expect(await refused(lying)).toMatch(/word\/document\.xml:1:\d+: malformed XML/);
  });

  it('a ZIP of too many members', async () => {
    setInputLimits({ zipEntries: 3 });
    expect(await refused(await negotiationDocx())).toMatch(/has more than 3 members, past the limit of 3 \(raise it with --max-zip-entries or NDRAFT_MAX_ZIP_ENTRIES\)/);
  });

  it('a ZIP that names word/document.xml but does not hold it', async () => {
    expect(await refused(docx({ 'backup/word/document.xml': documentXml('') }))).toMatch(/a ZIP archive without word\/document\.xml/);
  });

  it('malformed XML, named by part, line and column', async () => {
    const message = await refused(docx({ 'word/document.xml': `<?xml version="1.0"?>\n<w:document ${W}><w:body>\n<w:p><w:r><w:t>1. Text</w:r></w:p></w:body></w:document>` }));
    expect(message).toMatch(/their\.docx: word\/document\.xml:3:\d+: malformed XML: /);
  });

  it('a DTD declaring an external entity (XXE): refused, the entity never resolved', async () => {
    const secret = join(makeTempDir('xxe'), 'secret.txt');
    writeFileSync(secret, 'TOP SECRET');
    const xxe = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://${secret}">]><w:document ${W}><w:body><w:p><w:r><w:t>1. &xxe;</w:t></w:r></w:p></w:body></w:document>`;
    const message = await refused(docx({ 'word/document.xml': xxe }));
    expect(message).toMatch(/word\/document\.xml:1:\d+: the part declares a DTD \(<!DOCTYPE …>\), which Word never writes: refused, and no entity in it was resolved/);
    expect(message).not.toMatch(/TOP SECRET/);
  });

  it('elements nested past the XML depth limit; a raised limit reads the same file', async () => {
    const deep = documentXml(`<w:p><w:r><w:t>1. Deep text.</w:t></w:r></w:p>${'<w:sdt><w:sdtContent>'.repeat(150)}${'</w:sdtContent></w:sdt>'.repeat(150)}`);
    expect(await refused(docx({ 'word/document.xml': deep }))).toMatch(/elements nest more than 256 deep, past the limit of 256 \(raise it with --max-xml-depth or NDRAFT_MAX_XML_DEPTH\)/);
    setInputLimits({ xmlDepth: 1000 });
    const dir = makeTempDir('deep');
    writeFileSync(join(dir, 'deep.docx'), docx({ 'word/document.xml': deep }));
    expect(await importCommand(join(dir, 'deep.docx'), { out: join(dir, 'out') }, fakeIo())).toBe(0);
  });

  it('a Word document without numbered paragraphs', async () => {
    expect(await refused(docx({ 'word/document.xml': documentXml('<w:p><w:r><w:t>Just a letter.</w:t></w:r></w:p>') }))).toMatch(/no numbered paragraphs found/);
  });
});
