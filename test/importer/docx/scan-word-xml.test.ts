/**
 * The reader of plain Word XML builds exactly the tree saxes builds, and leaves to saxes every
 * part it does not read in full (so that saxes refuses, and places, what is wrong).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { IGNORED, parseXmlPart, treeBySaxes } from '../../../src/importer/docx/parse-xml-part.js';
import { readWordBlocks, wordBlockReader } from '../../../src/importer/docx/read-word-blocks.js';
import { scanWordXml } from '../../../src/importer/docx/scan-word-xml.js';
import { negotiationDocx } from '../../helpers/docx-fixtures.js';
import { copyBundledDraft, fakeIo, makeTempDir, removeTempDirs } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

const KEEP = new Set(['w:t', 'w:delText']);
const RULES = { keepText: KEEP, ignored: IGNORED, maxDepth: 64 };
const scan = (xml: string) => scanWordXml(xml, RULES);
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Every XML part of a package, as text. */
function xmlParts(docx: Uint8Array): [string, string][] {
  return Object.entries(unzipSync(docx))
    .filter(([name]) => name.endsWith('.xml'))
    .map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]);
}

describe('scanWordXml', () => {
  it('reads every part of a Word document (tracked changes, comments, footnotes, tables) into the tree saxes builds', async () => {
    const parts = xmlParts(await negotiationDocx());
    expect(parts.length).toBeGreaterThan(5);
    for (const [name, xml] of parts) expect(scanWordXml(xml, { ...RULES, keepText: new Set(['w:t', 'w:delText', 'dc:creator']) }), name).toEqual(treeBySaxes(xml, new Set(['w:t', 'w:delText', 'dc:creator'])));
  });

  it("reads every part of ndraft's own export as saxes does, through parseXmlPart", async () => {
    const file = join(makeTempDir('scan'), 'circulated.docx');
    const io = fakeIo(false, { NDRAFT_AUTHOR: 'Secretariat' });
    expect(await main(['export', '--draft', copyBundledDraft(), '--format', 'docx', '-o', file], io), io.err).toBe(0);
    for (const [name, xml] of xmlParts(readFileSync(file))) {
      expect(scan(xml), name).toBeDefined();
      expect(parseXmlPart(Buffer.from(xml), file, name), name).toEqual(treeBySaxes(xml));
    }
  });

  it("reads a document's paragraphs one at a time as the whole tree gives them, also when saxes takes over halfway", async () => {
    const xml = xmlParts(await negotiationDocx()).find(([name]) => name === 'word/document.xml')?.[1] as string;
    const whole = readWordBlocks(treeBySaxes(xml));
    expect(whole.length).toBeGreaterThan(10);
    // The fast reader takes some paragraphs, then meets the comment and leaves the part to saxes, which starts again.
    const late = xml.lastIndexOf('<w:p>') > 0 ? xml.lastIndexOf('<w:p>') : xml.lastIndexOf('<w:p ');
    for (const text of [xml, `${xml.slice(0, late)}<!-- x -->${xml.slice(late)}`]) {
      const reader = wordBlockReader();
      const tree = parseXmlPart(Buffer.from(text), 'd.docx', 'word/document.xml', undefined, { parent: 'w:body', take: reader.take, restart: reader.restart });
      expect(reader.blocks).toEqual(whole);
      expect(readWordBlocks(tree)).toEqual([]);
    }
  });

  it('decodes references in text and attributes, keeps text only where asked, leaves out ignored elements with all they hold', () => {
    const xml = `${DECL}<w:document a="x &amp; &#x41;&#66;"><w:p><w:r><w:t xml:space="preserve"> Tom &amp; Jerry &lt;3 &gt; &quot;&apos; &#233;&#x1F600; </w:t><w:sz w:val="2"><w:t>gone</w:t></w:sz><w:t>a<w:proofErr/>b</w:t></w:r><w:x>not kept</w:x><w:e/></w:p></w:document>\n`;
    const tree = scan(xml);
    expect(tree).toEqual(treeBySaxes(xml, KEEP));
    expect(JSON.stringify(tree)).toContain('Tom & Jerry <3 > \\"\' é😀 ');
    expect(JSON.stringify(tree)).not.toContain('gone');
  });

  it.each([
    ['a DTD', `${DECL}<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>`],
    ['a comment', `${DECL}<d><!-- c --></d>`],
    ['CDATA', `${DECL}<d><w:t><![CDATA[x]]></w:t></d>`],
    ['a processing instruction', `${DECL}<d><?pi x?></d>`],
    ['a carriage return', `${DECL}<d>\r\n</d>`],
    ['a tab in an attribute', `${DECL}<d a="x\ty"/>`],
    ['an unknown entity', `${DECL}<d><w:t>&nbsp;</w:t></d>`],
    ['an unknown entity in left-out text', `${DECL}<d><w:sz>&nbsp;</w:sz></d>`],
    ['a forbidden character reference', `${DECL}<d><w:t>&#0;</w:t></d>`],
    ['a bare ampersand', `${DECL}<d><w:t>a & b</w:t></d>`],
    ['a mismatched end tag', `${DECL}<d><w:t>x</w:r></d>`],
    ['an unclosed element', `${DECL}<d><w:t>x</w:t>`],
    ['two root elements', `${DECL}<d/><e/>`],
    ['text outside the root', `${DECL}x<d/>`],
    ['a duplicate attribute', `${DECL}<d a="1" a="2"/>`],
    ['an unquoted attribute', `${DECL}<d a=1/>`],
    ['a < in an attribute', `${DECL}<d a="<"/>`],
    ['attributes without a space between them', `${DECL}<d a="1"b="2"/>`],
    ['a control character', `${DECL}<d>\u0001</d>`],
    ['a lone surrogate', `${DECL}<d><w:t>\ud800</w:t></d>`],
    [']]> in text', `${DECL}<d>]]></d>`],
    ['a non-ASCII element name', `${DECL}<dé/>`],
    ['an empty document', ''],
  ])('leaves %s to saxes', (_what, xml) => {
    expect(scan(xml)).toBeUndefined();
  });

  it('leaves nesting past the limit to saxes, which refuses it with its place', () => {
    const deep = `${DECL}<d>${'<w:x>'.repeat(70)}${'</w:x>'.repeat(70)}</d>`;
    expect(scan(deep)).toBeUndefined();
    expect(scanWordXml(deep, { ...RULES, maxDepth: 100 })).toEqual(treeBySaxes(deep, KEEP));
  });
});
