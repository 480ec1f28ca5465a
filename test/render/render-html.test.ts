import { describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/export/consolidate-draft.js';
import { exportInput } from '../../src/export/export-input.js';
import type { Draft } from '../../src/model/schemas.js';
import { cleanText, escapeHtml } from '../../src/render/html-escape.js';
import { renderHtml } from '../../src/render/render-html.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT } from '../helpers/sandbox.js';

const bundled = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;

function sampleDraft(): Draft {
  return {
    meta: {
      title: 'Test outcome',
      sections: [
        { number: '1', title: 'Principles', paragraphs: ['1', '2'] },
        { number: '2', title: 'Action', paragraphs: [], subsections: [{ number: '2a', title: 'Finance', paragraphs: ['3', '4', '5'] }] },
      ],
      closing: '___',
    },
    paragraphs: [
      { address: '1', number: '1', status: 'agreed', bracketed: false, text: 'We agree.', items: [], alternatives: [] },
      {
        address: '2', number: '2',
        status: 'open',
        bracketed: true,
        text: 'We [call for/urge] [stronger [and wider]] cooperation.',
        items: [],
        alternatives: [
          { label: 'Alt 1', text: 'We call for cooperation among States.', proposedBy: ['EU', 'G77'] },
          { label: 'Alt 2', text: 'We call for enhanced cooperation among all States.', opposedBy: ['US'], notes: [{ text: 'Tabled late' }] },
          { label: 'Alt 3', text: 'We call for [enhanced/strengthened] cooperation among States.' },
        ],
      },
      {
        address: '3', number: '3',
        status: 'open',
        bracketed: false,
        text: 'We will:',
        items: [
          { label: 'a)', text: 'mobilize funds;', status: 'agreed' },
          { label: 'b)', text: 'report [annually].', alternatives: [{ label: 'Alt 3b1', text: 'report every two years.' }] },
          { label: 'c)', text: 'meet again.', status: 'deleted' },
        ],
        alternatives: [],
      },
      { address: '4', number: '4', status: 'agreed-ad-ref', bracketed: false, text: 'We strive to enhance/establish a model.', items: [], alternatives: [] },
      { address: '5', number: '5', status: 'deleted', bracketed: false, text: 'Dropped text.', items: [], alternatives: [] },
    ],
  };
}

const ALLOWED_TAGS = new Set(
  'html head meta title style body header p h1 h2 h3 h4 h5 h6 bdi div nav ol ul li a span main section article mark aside table thead tbody tr th td'.split(' '),
);
const ALLOWED_ATTRIBUTES = new Set(['class', 'id', 'href', 'dir', 'lang', 'charset', 'name', 'content', 'title', 'aria-label', 'scope']);

/** Every tag of the page; fails on any element or attribute the renderer does not write itself. */
function checkTags(html: string): { name: string; attributes: Map<string, string> }[] {
  const out: { name: string; attributes: Map<string, string> }[] = [];
  for (const match of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/g)) {
    const name = match[1]!.toLowerCase();
    expect(ALLOWED_TAGS, `<${name}>`).toContain(name);
    const attributes = new Map([...match[2]!.matchAll(/\s+([a-z-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? '']));
    for (const attribute of attributes.keys()) expect(ALLOWED_ATTRIBUTES, `${attribute} on <${name}>`).toContain(attribute);
    out.push({ name, attributes });
  }
  // Every "<" of the page (the doctype aside) opens one of the tags above: none is left over for a browser to read.
  const withoutStyle = html.replace(/<style>[^<]*<\/style>/, '');
  expect((withoutStyle.match(/</g) ?? []).length - 1).toBe([...withoutStyle.matchAll(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s+[a-z-]+(?:="[^"<>]*")?)*\s*>/g)].length);
  return out;
}

/** The text a browser shows: tags and the style sheet dropped, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<style>[^<]*<\/style>/, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
}

/** The element with this id, up to its closing tag (paragraphs are not nested). */
function article(html: string, id: string): string {
  const start = html.indexOf(`<article class="`, html.lastIndexOf('<', html.indexOf(`id="${id}"`)) - 1);
  return html.slice(start, html.indexOf('</article>', start) + '</article>'.length);
}

describe('escapeHtml', () => {
  it('escapes the five characters and shows control characters as U+FFFD', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u0008c\u000bd\u001fe\u007ff\u0085g\th\ni\r\nj')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\th\ni\nj');
  });

  it('closes bidi overrides and isolates left open, leaving balanced ones alone', () => {
    expect(cleanText('\u202eabc')).toBe('\u202eabc\u202c');
    expect(cleanText('\u2067\u202bאב')).toBe('\u2067\u202bאב\u202c\u2069');
    expect(cleanText('\u2067\u202bאב\u2069 ok')).toBe('\u2067\u202bאב\u2069 ok');
    expect(cleanText('\u202aa\u202c \u202c')).toBe('\u202aa\u202c \u202c');
  });
});

describe('renderHtml', () => {
  it('writes one self-contained page: doctype, language, charset, inline style, print style, no script and nothing fetched', () => {
    const html = renderHtml(exportInput(bundled, 'compilation'));
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/https?:|<script|<link|<img|<iframe|\ssrc=|url\(|@import|@font-face|javascript:/i);
    const tags = checkTags(html);
    for (const tag of tags) {
      const href = tag.attributes.get('href');
      if (href !== undefined) expect(href.startsWith('#')).toBe(true);
    }
  });

  it('links the table of contents to every section and paragraph, with unique ids', () => {
    const html = renderHtml(exportInput(bundled, 'compilation'));
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    for (const id of ['s-1', 's-2', 's-3', 's-3a', 's-3b', 's-4', 's-5', ...bundled.paragraphs.map((p) => `p-${p.number}`)]) expect(all).toContain(id);
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    expect(toc).toContain('<a class="toc-section" href="#s-3a" dir="auto"><span class="marker">3a)</span> Infrastructure and management of critical Internet resources</a>');
    for (const p of bundled.paragraphs) expect(toc).toContain(`href="#p-${p.number}">${p.number}</a>`);
    expect(toc).toContain('<a class="chip st-open" title="Open" href="#p-61">61</a>');
    expect(toc).toContain('<a class="chip st-agreed" title="Agreed" href="#p-39">39</a>');
    for (const href of html.matchAll(/href="#([^"]*)"/g)) expect(all).toContain(href[1]);
  });

  it('keeps ids unique when printed numbers collide or sections have none', () => {
    const draft = sampleDraft();
    draft.meta.sections.push({ title: 'Annex', paragraphs: [] }, { title: 'Annex', paragraphs: [] });
    const html = renderHtml({ draft, mode: 'compilation', displayNumber: () => '7 bis' });
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['p-7-bis', 'p-7-bis-2', 'p-7-bis-5', 's-0-3', 's-0-4']));
  });

  it('colours paragraphs and items by status, with a legend, and marks whole-paragraph brackets', () => {
    const html = renderHtml(exportInput(sampleDraft(), 'compilation'));
    expect(html).toContain('<section class="legend" aria-label="How to read this text">');
    expect(html).toContain('<p class="summary">5 paragraphs: <span class="badge st-open">2 open</span> <span class="badge st-agreed-ad-ref">1 agreed ad ref</span> <span class="badge st-agreed">1 agreed</span> <span class="badge st-deleted">1 deleted</span>');
    expect(article(html, 'p-1')).toContain('<article class="para st-agreed" id="p-1">');
    expect(article(html, 'p-4')).toContain('<span class="badge st-agreed-ad-ref">Agreed ad ref</span>');
    expect(article(html, 'p-5')).toContain('<article class="para st-deleted" id="p-5">');
    const p2 = article(html, 'p-2');
    expect(p2).toContain('<article class="para st-open whole" id="p-2">');
    expect(p2).toContain('<div class="para-head"><span class="whole-bracket" title="The whole paragraph may be dropped">[</span><a class="num" href="#p-2">2.</a><span class="badge st-open">Open</span><span class="badge whole">Whole paragraph in brackets: may be dropped</span></div>');
    expect(p2).toMatch(/cooperation\.<span class="whole-bracket">\]<\/span><\/p>/);
    const p3 = article(html, 'p-3');
    expect(p3).toContain('<li class="item st-agreed"><span class="label"><bdi>a)</bdi></span> <div class="item-main"><span class="item-text" dir="auto">mobilize funds;</span> <span class="badge st-agreed">Agreed</span></div></li>');
    expect(p3).toContain('<li class="item st-deleted">');
    expect(p3).toContain('<li class="item"><span class="label"><bdi>b)</bdi></span>');
    expect(html).toContain('<p class="closing" dir="auto">___</p>');
  });

  it('flags a choice nobody bracketed in open text only: agreed text is what was agreed', () => {
    const draft = sampleDraft();
    const p4 = draft.paragraphs[3]!;
    const open = article(renderHtml(exportInput({ ...draft, paragraphs: [...draft.paragraphs.slice(0, 3), { ...p4, status: 'open' }, draft.paragraphs[4]!] }, 'compilation')), 'p-4');
    expect(open).toContain('We strive to <span class="loose" title="Unbracketed choice: not resolved">enhance/establish</span> a model.');
    for (const status of ['agreed', 'agreed-ad-ref'] as const) {
      const agreed = article(renderHtml(exportInput({ ...draft, paragraphs: [...draft.paragraphs.slice(0, 3), { ...p4, status }, draft.paragraphs[4]!] }, 'compilation')), 'p-4');
      expect(agreed).toContain('<p class="text" dir="auto">We strive to enhance/establish a model.</p>');
      expect(agreed).not.toContain('class="loose"');
    }
  });

  it('highlights brackets by depth and separates options', () => {
    const p2 = article(renderHtml(exportInput(sampleDraft(), 'compilation')), 'p-2');
    expect(p2).toContain(
      '<p class="text" dir="auto">We <span class="br d0 choice"><span class="bm">[</span><span class="opt">call for</span><span class="sep">/</span><span class="opt">urge</span><span class="bm">]</span></span> ' +
        '<span class="br d0 optional"><span class="bm">[</span><span class="opt">stronger <span class="br d1 optional"><span class="bm">[</span><span class="opt">and wider</span><span class="bm">]</span></span></span><span class="bm">]</span></span> cooperation.',
    );
    expect(textOf(p2)).toContain('We [call for/urge] [stronger [and wider]] cooperation.]');
  });

  it('sets alternatives side by side with the words that differ from the first highlighted, under the positions', () => {
    const p2 = article(renderHtml(exportInput(sampleDraft(), 'compilation')), 'p-2');
    const cards = p2.split('<section class="alt">').slice(1);
    expect(cards).toHaveLength(3);
    expect(p2).toContain('<p class="alts-caption">3 alternatives. Highlighted: words that differ from <bdi>Alt 1</bdi>.</p><div class="alts">');
    expect(cards[0]).toContain('<h4 class="alt-label" dir="auto">Alt 1</h4><p class="pos proposed">Proposed by <bdi>EU</bdi>, <bdi>G77</bdi></p><p class="alt-text" dir="auto">We call for cooperation among States.</p>');
    expect(cards[0]).not.toContain('<mark');
    expect(cards[1]).toContain('<p class="pos opposed">Opposed by <bdi>US</bdi></p><p class="alike">86% of words shared with <bdi>Alt 1</bdi></p>');
    expect(cards[1]).toContain('<p class="alt-text" dir="auto">We call for <mark class="chg">enhanced</mark> cooperation among <mark class="chg">all</mark> States.</p>');
    expect(cards[1]).toContain('<p class="note" dir="auto"><span class="note-label">Note:</span> Tabled late</p>');
    expect(cards[2]).toContain(
      '<p class="alt-text" dir="auto">We call for <mark class="chg"><span class="br d0 choice"><span class="bm">[</span><span class="opt">enhanced</span><span class="sep">/</span><span class="opt">strengthened</span><span class="bm">]</span></span></mark> cooperation among States.</p>',
    );
    const p3 = article(renderHtml(exportInput(sampleDraft(), 'compilation')), 'p-3');
    expect(p3).toContain('<p class="alts-caption">1 alternative.</p>');
    expect(p3).toContain('<h4 class="alt-label" dir="auto">Alt 3b1</h4><p class="alt-text" dir="auto">report every two years.</p>');
  });

  it('renders the bundled draft: statuses, brackets, alternatives of 61 and of item 71 f)', () => {
    const html = renderHtml(exportInput(bundled, 'compilation'));
    expect(html).toContain('<title>WSIS Tunis phase: Internet governance (paragraphs 39–76) (compilation text)</title>');
    expect(html).toContain('<p class="summary">38 paragraphs: <span class="badge st-open">16 open</span> <span class="badge st-agreed">22 agreed</span>');
    expect(html.match(/<article /g)).toHaveLength(38);
    expect(article(html, 'p-56')).toContain('technical <span class="br d0 choice"><span class="bm">[</span><span class="opt">management</span><span class="sep">/</span><span class="opt">development</span><span class="bm">]</span></span> of the Internet.');
    const p61 = article(html, 'p-61');
    expect(p61).toContain('<article class="para st-open whole" id="p-61">');
    expect(textOf(p61)).toContain('We underline the importance of the prosecution of cybercrime');
    expect(p61.split('<section class="alt">')).toHaveLength(4);
    expect(p61).toContain('efficient <mark class="chg">tools and</mark> mechanisms');
    expect(p61).toContain('<mark class="chg"><span class="br d0 optional"><span class="bm">[</span><span class="opt">the importance of efficient mechanisms');
    const p71 = article(html, 'p-71');
    expect(p71).toContain('<li class="item st-agreed"><span class="label"><bdi>e)</bdi></span>');
    expect(p71).toContain('<h4 class="alt-label" dir="auto">Alt 71g2</h4>');
    expect(p71).toContain('Encouraging <mark class="chg">relevant</mark> parties');
    expect(article(html, 'p-57')).toContain('<span class="loose" title="Unbracketed choice: not resolved">model/mechanism</span>');
    expect(textOf(html)).toContain('[management/development]');
  });

  it('renders the clean text with headings and contents, without colours, markers or brackets', () => {
    const clean = consolidateDraft(bundled, { agreedOnly: true });
    const html = renderHtml(exportInput(clean.draft, 'clean', { note: clean.note }));
    checkTags(html);
    expect(html).toContain('<body class="clean">');
    expect(html).toContain('<p class="kind">Consolidated text</p>');
    expect(html).not.toMatch(/class="[^"]*\b(st-|br |badge|legend|whole|alternatives|loose)/);
    expect(html).not.toContain('<mark');
    expect(html).toContain('<nav class="toc" aria-label="Contents">');
    expect(html).toContain('<h2 id="s-1" class="section-heading" dir="auto"><span class="marker">1.</span> Introduction</h2>');
    expect(html).toContain('<a class="chip" href="#p-39">39</a>');
    expect(html).not.toContain('id="p-61"');
    expect(html).toContain('<article class="para" id="p-71">\n<div class="para-head"><a class="num" href="#p-71">71.</a></div>\n<ul class="items"><li class="item"><span class="label"><bdi>e)</bdi></span> <span class="item-text" dir="auto">Promoting the development');
    expect(html).toMatch(/<aside class="export-note" dir="auto">Not included, not yet agreed: paragraphs 48, .*<\/aside>\n<\/main>/);
  });

  it('renders a draft resolved by hand in clean mode under printed numbers', () => {
    const draft = sampleDraft();
    Object.assign(draft.paragraphs[1]!, { status: 'agreed', bracketed: false, text: 'We call for cooperation.', alternatives: [] });
    Object.assign(draft.paragraphs[2]!, { status: 'agreed', items: [{ label: 'a)', text: 'mobilize funds;' }, { label: 'b)', text: 'report annually.' }] });
    Object.assign(draft.paragraphs[3]!, { text: 'We strive to establish a model.' });
    const clean = consolidateDraft(draft, { renumber: true });
    const html = renderHtml(exportInput(clean.draft, 'clean', { numbers: clean.numbers }));
    expect(ids(html)).toEqual(['s-1', 'p-1', 'p-2', 's-2', 's-2a', 'p-3', 'p-4']);
    expect(textOf(html.slice(html.indexOf('<main>'))).replace(/\s+/g, ' ').trim()).toBe(
      '1. Principles 1. We agree. 2. We call for cooperation. 2. Action 2a) Finance 3. We will: a) mobilize funds;b) report annually. 4. We strive to establish a model. ___',
    );
  });

  it('shows hostile strings as typed: nothing becomes markup, control characters are replaced, right-to-left text is isolated', () => {
    const hostile = ['<script>alert(1)</script>', '&amp;', `"quoted" 'single'`, '"><img src=x onerror=alert(1)>', '](javascript:alert(1))', 'مرحبا \u202eEU שלום'];
    const typed = hostile.join(' ');
    const controls = `c:${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}\u007f:end`;
    const draft: Draft = {
      meta: {
        title: hostile[0]!,
        source: hostile[3],
        preamble: typed,
        sections: [{ number: '"><img src=x>', title: hostile[3], paragraphs: ['1'] }],
        closing: controls,
        notes: [{ text: hostile[1]! }],
      },
      paragraphs: [
        {
          address: '1', number: '1',
          status: 'open',
          bracketed: true,
          text: typed,
          items: [{ label: hostile[3]!, text: controls, alternatives: [{ label: hostile[0]!, text: typed }, { label: '<b>', text: `${typed} more` }] }],
          alternatives: [{ label: hostile[3]!, text: `[${hostile[3]} /${hostile[2]}] ${hostile[0]}`, proposedBy: [hostile[5]!], opposedBy: [hostile[3]!], notes: [{ text: hostile[2]! }] }],
          notes: [{ text: controls }],
        },
      ],
    };
    for (const mode of ['compilation', 'clean'] as const) {
      const html = renderHtml({ draft, mode, displayNumber: () => '"><script>x</script>', note: typed });
      checkTags(html);
      expect(html).not.toMatch(/<script|<img|<b>/i);
      expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &quot;quoted&quot; &#39;single&#39; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; ](javascript:alert(1)) مرحبا \u202eEU שלום\u202c');
      expect(html).toContain(`c:${'\ufffd'.repeat(9)}\t\n\ufffd\ufffd\n`);
      const text = textOf(html);
      expect(text).toContain(`${typed}\u202c`);
      expect(text).toContain('"><script>x</script>.');
      expect(html).toContain(`<h1 dir="auto">&lt;script&gt;alert(1)&lt;/script&gt;</h1>`);
      expect(html).toContain(`<title>&lt;script&gt;alert(1)&lt;/script&gt; (`);
      expect(html).toContain('id="p-script-x-script"');
      expect(html).toContain('id="s-img-src-x"');
      expect(html).toContain(`<p class="preamble" dir="auto">&lt;script&gt;`);
    }
    const html = renderHtml({ draft, mode: 'compilation', displayNumber: (p) => p.number });
    expect(html).toContain('<p class="pos proposed">Proposed by <bdi>مرحبا \u202eEU שלום\u202c</bdi></p>');
    expect(html).toContain('<span class="opt">&quot;&gt;&lt;img src=x onerror=alert(1)&gt; </span><span class="sep">/</span><span class="opt">&quot;quoted&quot; &#39;single&#39;</span>');
    expect(html).toContain('<h4 class="alt-label" dir="auto">&lt;b&gt;</h4>');
    // `](javascript:…)` leaves a closing bracket unopened: the text is shown as written, and said so.
    expect(html).toContain('<span class="badge unbalanced">Unbalanced brackets, shown as written</span>');
    expect(html).toContain(' <mark class="chg">more</mark></p>');
  });
});
