/**
 * Tracked changes as each format shows them, on a draft changed by two delegations and by hand:
 * the words and authors of every change, a bullet changed alone, a paragraph removed.
 */
import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../src/compare/attribute-changes.js';
import type { TrackedChanges } from '../../src/compare/tracked-changes.js';
import { exportInput } from '../../src/export/export-input.js';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { renderDocx } from '../../src/render/render-docx.js';
import { renderHtml } from '../../src/render/render-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { trackedLines } from '../../src/render/tracked-lines.js';
import { unzip } from '../helpers/zip.js';

const eu: Attribution = { author: 'Ana for EU', date: '2026-11-30T09:00:00.000Z', entry: '20261130T090000000Z-aaaa' };
const g77: Attribution = { author: 'Bo for G77', date: '2026-11-30T10:00:00.000Z', entry: '20261130T100000000Z-bbbb' };
const unattributed: Attribution = { author: 'unattributed', date: '2026-11-30T12:00:00.000Z' };

const p = (address: string, text: string, fields: Partial<Paragraph> = {}): Paragraph => ({ address, number: address, status: 'open', bracketed: false, text, items: [], alternatives: [], ...fields });
const bullets = (...texts: string[]) => texts.map((text) => ({ label: '·', text }));

const base76 = p('76', 'we agree that [some] adjustments are needed:', { items: bullets('Approach: evolutionary', 'Framework for [existing and] future arrangements', 'Possible forum.') });
const eu76 = { ...base76, text: 'we agree that some adjustments are needed:' };
const g77of76 = { ...eu76, items: bullets('Approach: evolutionary', 'Framework for future arrangements', 'Possible forum.') };
const base45 = p('45', 'all stakeholders should be involved');
const hand45 = p('45', 'all stakeholders must be involved');
const base50 = p('50', 'a paragraph the chair dropped');

const draft: Draft = { meta: { title: 'T', sections: [{ number: '1', title: 'One', paragraphs: ['45', '76'] }] }, paragraphs: [hand45, g77of76] };
const changes: TrackedChanges = {
  changed: new Map([
    ['76', { base: base76, current: g77of76, steps: [{ paragraph: eu76, by: eu }, { paragraph: g77of76, by: g77 }] }],
    ['45', { base: base45, current: hand45, steps: [{ paragraph: hand45, by: unattributed }] }],
  ]),
  removed: new Map([['45', [{ base: base50, steps: [{ paragraph: undefined, by: g77 }] }]]]),
  unattributed,
};

describe('tracked lines', () => {
  it('mark the one bullet that changed, by who changed it, and leave the others unchanged', () => {
    const lines = trackedLines(changes.changed.get('76') as never, exportInput(draft, 'compilation'), unattributed);
    const changed = lines.map(({ line, pieces }) => [line.layout, pieces.flatMap((piece) => piece.segments.filter((s) => s.kind !== 'same').map((s) => `${s.kind} ${s.text.trim()} by ${s.by?.author}`))]);
    expect(changed).toEqual([
      ['paragraph', ['deleted [some] by Ana for EU', 'inserted some by Ana for EU']],
      ['item', []],
      ['item', ['deleted [existing and] by Bo for G77']],
      ['item', []],
    ]);
  });
});

describe('tracked changes in each format', () => {
  const input = exportInput(draft, 'compilation');

  it('docx: w:del and w:ins runs with each change\'s author and date, the removed paragraph deleted mark and all', async () => {
    const xml = unzip(await renderDocx(input, { changes })).get('word/document.xml') as string;
    const each = [...xml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)">([\s\S]*?)<\/w:\1>/g)].map((m) => [
      m[1] as string,
      m[2] as string,
      m[3] as string,
      [...(m[4] as string).matchAll(/<w:tab\/>|<w:(?:t|delText)(?=[ >])[^>]*>([^<]*)</g)].map((t) => t[1] ?? '\t').join(''),
    ]);
    // Runs of one change that differ in style (a bold bracket) make one change here.
    const runs = each.reduce<string[][]>((all, run) => {
      const last = all[all.length - 1];
      if (last && last[0] === run[0] && last[1] === run[1]) last[3] += run[3] as string;
      else all.push([...run]);
      return all;
    }, []);
    expect(runs).toEqual([
      ['del', 'unattributed', '2026-11-30T12:00:00Z', 'should'],
      ['ins', 'unattributed', '2026-11-30T12:00:00Z', 'must'],
      ['del', 'Bo for G77', '2026-11-30T10:00:00Z', '50.\ta paragraph the chair dropped'],
      ['del', 'Ana for EU', '2026-11-30T09:00:00Z', '[some]'],
      ['ins', 'Ana for EU', '2026-11-30T09:00:00Z', 'some'],
      ['del', 'Bo for G77', '2026-11-30T10:00:00Z', ' [existing and]'],
    ]);
    // The removed paragraph's mark is deleted too: accepting every change takes it away.
    expect(xml).toMatch(/<w:rPr><w:del w:id="\d+" w:author="Bo for G77" w:date="2026-11-30T10:00:00Z"\/><\/w:rPr><\/w:pPr><w:del [^>]*><w:r><w:rPr><w:b\/>/);
  });

  it('html: <ins> and <del> naming author, date and history entry; unchanged bullets plain', () => {
    const html = renderHtml(input, { changes });
    const marks = [...html.matchAll(/<(ins|del) class="tr" data-author="([^"]*)" data-date="([^"]*)"(?: data-entry="([^"]*)")? title="([^"]*)">([\s\S]*?)<\/\1>/g)].map((m) => [m[1], m[2], m[4] ?? '', m[6]?.replace(/<[^>]+>/g, '')]);
    expect(marks).toEqual([
      ['del', 'unattributed', '', 'should'],
      ['ins', 'unattributed', '', 'must'],
      ['del', 'Bo for G77', g77.entry, '50. a paragraph the chair dropped'],
      ['del', 'Ana for EU', eu.entry, '[some]'],
      ['ins', 'Ana for EU', eu.entry, 'some'],
      ['del', 'Bo for G77', g77.entry, ' [existing and]'],
    ]);
    expect(html).toContain('title="Deleted by Ana for EU, 2026-11-30 09:00 UTC"');
    expect(html).toMatch(/<p class="tr-line tr-item" dir="auto">·  ?Approach: evolutionary<\/p>/);
    expect(html).toContain('ins.tr {');
    expect(renderHtml(input)).not.toMatch(/<ins|<del|ins\.tr/);
  });

  it('md: CriticMarkup, each run of changes followed by who made it and when', () => {
    const md = renderMarkdown(input, { changes });
    expect(md).toContain('**45.** all stakeholders {--should--}{++must++}{>>unattributed, 2026-11-30<<} be involved');
    expect(md).toContain('{--**50.** a paragraph the chair dropped--}{>>Bo for G77, 2026-11-30<<}');
    expect(md).toContain('**76.** we agree that {--\\[some\\]--}{++some++}{>>Ana for EU, 2026-11-30<<} adjustments are needed:');
    expect(md).toContain('- · Approach: evolutionary\n- · Framework for{-- \\[existing and\\]--}{>>Bo for G77, 2026-11-30<<} future arrangements\n- · Possible forum.');
    expect(renderMarkdown(input)).not.toMatch(/\{\+\+|\{--/);
  });
});

describe('tracked changes of hostile strings', () => {
  it('cannot close a mark or a comment, nor inject HTML, whatever the author or the words', () => {
    const hostile: Attribution = { author: 'Eve <script>x</script> ++} <<} "q"', date: '2026-11-30T09:00:00.000Z' };
    const before = p('1', 'plain words');
    const after = p('1', 'plain {++words++} <b>&amp;</b> --} <<}');
    const tracked: TrackedChanges = { changed: new Map([['1', { base: before, current: after, steps: [{ paragraph: after, by: hostile }] }]]), removed: new Map(), unattributed };
    const input = exportInput({ meta: { title: 'T', sections: [{ paragraphs: ['1'] }] }, paragraphs: [after] }, 'compilation');
    const md = renderMarkdown(input, { changes: tracked });
    const line = md.split('\n').find((l) => l.startsWith('**1.**')) as string;
    // Every brace and angle bracket from the draft is escaped: only the marks ndraft writes stay bare.
    const bare = line.replace(/\\[{}<>+-]/g, '').match(/\{\+\+|\+\+\}|\{--|--\}|\{>>|<<\}/g);
    expect(bare).toEqual(['{++', '++}', '{>>', '<<}', '{++', '++}', '{>>', '<<}']);
    expect(line).toContain('{>>Eve \\<script\\>x\\</script\\> \\+\\+\\} \\<\\<\\} "q", 2026-11-30<<}');
    const html = renderHtml(input, { changes: tracked });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('data-author="Eve &lt;script&gt;x&lt;/script&gt; ++} &lt;&lt;} &quot;q&quot;"');
  });
});
