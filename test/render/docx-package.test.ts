import { describe, expect, it } from 'vitest';
import { BodyXml, docxPackage } from '../../src/render/docx-package.js';
import { unzip } from '../helpers/zip.js';

const body = new BodyXml();
body.push('<w:p><w:r><w:t xml:space="preserve">Text</w:t></w:r></w:p>');
const input = {
  body,
  header: '<w:p/>',
  title: 'A & B <draft>',
  description: 'Clean text',
  sideMargin: 1134,
  textSize: 22,
  trackRevisions: false,
  created: new Date('2026-11-30T10:00:00Z'),
};

const attributes = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element} ([^>]*)/>`, 'g'))].map((m) => Object.fromEntries([...(m[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));

describe('docxPackage', () => {
  const files = unzip(docxPackage(input));

  it('gives every part a content type and every relationship a part that is there', () => {
    const types = files.get('[Content_Types].xml') as string;
    const overrides = new Set(attributes(types, 'Override').map((o) => (o.PartName as string).slice(1)));
    for (const name of files.keys()) {
      if (name === '[Content_Types].xml' || name.endsWith('.rels')) continue;
      expect(overrides, name).toContain(name);
    }
    for (const part of overrides) expect(files.has(part), part).toBe(true);
    const targets = [
      ...attributes(files.get('_rels/.rels') as string, 'Relationship').map((r) => r.Target as string),
      ...attributes(files.get('word/_rels/document.xml.rels') as string, 'Relationship').map((r) => `word/${r.Target as string}`),
    ];
    for (const target of targets) expect(files.has(target), target).toBe(true);
    // The section's header and footer references name relationships of the document.
    const ids = new Set(attributes(files.get('word/_rels/document.xml.rels') as string, 'Relationship').map((r) => r.Id));
    for (const ref of (files.get('word/document.xml') as string).matchAll(/r:id="([^"]+)"/g)) expect(ids).toContain(ref[1]);
  });

  it('names ndraft as creator (how import --into knows its own export), with the title escaped, the page size and margins asked', () => {
    const core = files.get('docProps/core.xml') as string;
    expect(core).toContain('<dc:creator>ndraft</dc:creator>');
    expect(core).toContain('<dc:title>A &amp; B &lt;draft&gt;</dc:title>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T10:00:00.000Z</dcterms:created>');
    expect(files.get('word/document.xml')).toContain('<w:pgMar w:top="1417" w:right="1134" w:bottom="1417" w:left="1134"');
    expect(files.get('word/styles.xml')).toContain('<w:sz w:val="22"/>');
    expect(files.get('word/settings.xml')).not.toContain('trackRevisions');
    expect(unzip(docxPackage({ ...input, trackRevisions: true })).get('word/settings.xml')).toContain('<w:trackRevisions/>');
  });
});
