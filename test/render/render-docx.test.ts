import { describe, expect, it } from 'vitest';
import { diffWordings } from '../../src/diff/wording-diff.js';
import { consolidateDraft } from '../../src/export/consolidate-draft.js';
import { exportInput } from '../../src/export/export-input.js';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { renderDocx } from '../../src/render/render-docx.js';
import { oneStepChanges } from '../helpers/tracked.js';
import { renderText } from '../../src/render/render-text.js';
import { acceptAlternative } from '../../src/resolve/accept-alternative.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT } from '../helpers/sandbox.js';
import { unzip } from '../helpers/zip.js';

const bundledDraft = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;
const bundled = (): Draft => structuredClone(bundledDraft);
const para = (number: string, fields: Partial<Paragraph> = {}): Paragraph => ({ address: number, number, status: 'open', bracketed: false, text: `Text ${number}.`, items: [], alternatives: [], ...fields });
const words = (s: string) => s.split(/\s+/u).filter(Boolean);
const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();


async function documentXml(...args: Parameters<typeof renderDocx>): Promise<string> {
  return unzip(await renderDocx(...args)).get('word/document.xml') as string;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

interface WordPara {
  xml: string;
  /** The paragraph properties, where a tracked paragraph mark stands. */
  props: string;
  /** The text as it shows with changes: inserted and deleted words both. */
  text: string;
  /** The text once every change is accepted, and once every change is rejected. */
  accepted: string;
  rejected: string;
  markInserted: boolean;
  markDeleted: boolean;
}

const RUN_TEXT = /<w:(t|delText)(?: [^>]*)?>([^<]*)<\/w:\1>|<w:tab\/>|<w:br\/>/g;
function runText(xml: string): string {
  return [...xml.matchAll(RUN_TEXT)].map((m) => (m[0] === '<w:tab/>' ? '\t' : m[0] === '<w:br/>' ? '\n' : decode(m[2] as string))).join('');
}

/** The `w:p` elements of the body in order (the document has no tables or text boxes). */
function wordParagraphs(xml: string): WordPara[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const inner = m[1] as string;
    const props = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(inner)?.[0] ?? '';
    const content = inner.replace(props, '');
    return {
      xml: inner,
      props,
      text: runText(content),
      accepted: runText(content.replace(/<w:del\b[^>]*[^/]>[\s\S]*?<\/w:del>/g, '')),
      rejected: runText(content.replace(/<w:ins\b[^>]*[^/]>[\s\S]*?<\/w:ins>/g, '')),
      markInserted: /<w:rPr>[\s\S]*<w:ins /.test(props),
      markDeleted: /<w:rPr>[\s\S]*<w:del /.test(props),
    };
  });
}

/** The paragraph texts after accepting (or rejecting) every change: paragraphs that came (or went) vanish. */
const acceptAll = (ps: WordPara[]) => ps.filter((p) => !p.markDeleted).map((p) => p.accepted);
const rejectAll = (ps: WordPara[]) => ps.filter((p) => !p.markInserted).map((p) => p.rejected);
const plainTexts = (ps: WordPara[]) => ps.map((p) => p.text);
const TRACKED_NOTE = /^Changes(?: since \S+)? are tracked: each names who made it and when/;

/** Every character XML 1.0 cannot hold. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** A small well-formedness check: tags nest and close, attributes are quoted, text holds no raw `<` or bare `&`. */
function expectWellFormed(xml: string): void {
  expect(NOT_XML.test(xml)).toBe(false);
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  let last = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const between = body.slice(last, m.index);
    expect(between).not.toMatch(/<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    last = (m.index as number) + m[0].length;
    if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
    else if (m[4] !== '/') stack.push(m[2] as string);
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

/** Bundled draft after `accept 61 "Alt 3"` and `accept 71 "Alt 71g2"`, with its baseline. */
function acceptedRound() {
  const baseline = bundled();
  const current: Draft = {
    ...baseline,
    paragraphs: baseline.paragraphs.map((p) =>
      p.address === '61' ? acceptAlternative(p, 'Alt 3').paragraph : p.number === '71' ? acceptAlternative(p, 'Alt 71g2').paragraph : p,
    ),
  };
  const baselines = new Map(baseline.paragraphs.map((p) => [p.address, p]));
  const authorOf = (n: string) => (n === '61' ? { author: 'Chair <Tunis> & "Friends"', date: '2026-01-02T10:00:00.000Z' } : { author: 'G77 facilitator', date: '2026-01-03T09:30:00Z' });
  const changes = oneStepChanges(baselines, current, authorOf);
  return { baseline, current, changes, baselines, authorOf };
}

describe('renderDocx', () => {
  it('writes a Word document: title, Heading 1 sections and Heading 2 subsections', async () => {
    const bytes = await renderDocx(exportInput(bundled(), 'compilation'));
    const files = unzip(bytes);
    expect(files.get('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    const ps = wordParagraphs(files.get('word/document.xml') as string);
    const styled = (style: string) => ps.filter((p) => p.props.includes(`<w:pStyle w:val="${style}"/>`)).map((p) => p.text);
    expect(styled('Title')).toEqual(['WSIS Tunis phase: Internet governance (paragraphs 39–76)']);
    expect(styled('Heading1')).toEqual(['1. Introduction', '2. Stakeholders', '3. Public policy issues relevant to Internet Governance', '4. Measures to promote development', '5. Follow-up and Possible Future Arrangements']);
    expect(styled('Heading2')).toEqual(['3a) Infrastructure and management of critical Internet resources', '3b) Public policy issues related to the use of the Internet']);
    expect(files.get('word/styles.xml')).toContain('w:styleId="Heading1"');
    expect(files.get('word/settings.xml')).not.toContain('trackRevisions');
  });

  it('gives the words of the text export, in order, paragraph number first and in bold', async () => {
    const draft = bundled();
    const ps = wordParagraphs(await documentXml(exportInput(draft, 'compilation')));
    // After the title, the source line and the legend: exactly the words `ndraft export --format text` prints.
    expect(words(plainTexts(ps).slice(3).join('\n'))).toEqual(words(renderText(draft)));
    const numbered = ps.filter((p) => /^\[?\d+\.\t/.test(p.text));
    expect(numbered.map((p) => p.text.split('\t')[0])).toEqual(draft.paragraphs.map((p) => `${p.bracketed ? '[' : ''}${p.number}.`));
    expect(numbered[0]?.xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">39\.<\/w:t><\/w:r><w:r><w:tab\/><\/w:r>/);
    const all = plainTexts(ps).join('\n');
    let from = 0;
    for (const p of draft.paragraphs) {
      const at = all.indexOf(p.text, from);
      expect(at, `paragraph ${p.number}`).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('in compilation mode highlights brackets and shows markers, whole-paragraph brackets and alternatives', async () => {
    const draft = bundled();
    const p61 = draft.paragraphs.find((p) => p.number === '61') as Paragraph;
    p61.alternatives[0] = { ...(p61.alternatives[0] as Paragraph['alternatives'][number]), proposedBy: ['EU', 'CARICOM'], opposedBy: ['G77'] };
    const ps = wordParagraphs(await documentXml(exportInput(draft, 'compilation')));
    const highlighted = (p: WordPara) => [...p.xml.matchAll(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:highlight w:val="yellow"\/>.*?<\/w:rPr>(.*?)<\/w:r>/g)].map((m) => runText(m[1] as string)).join('');
    const find = (start: string) => ps.find((p) => p.text.startsWith(start)) as WordPara;
    expect(highlighted(find('56.'))).toBe('[management/development]');
    expect(highlighted(find('76.'))).toBe('[some]');
    expect(find('[61.').text).toMatch(/^\[61\.\tWe underline .* Convention on Cybercrime\.\]$/);
    expect(highlighted(find('[61.'))).toBe('[]');
    expect(find('[Alt 2 61.').text).toBe(`[Alt 2 61. ${p61.alternatives[1]?.text}]`);
    expect(highlighted(find('[Alt 2 61.'))).toBe('[Alt 2 61.[the importance of efficient mechanisms and effective instruments at national and international levels, and]]');
    const positions = ps[ps.indexOf(find('[Alt 1 61.')) + 1] as WordPara;
    expect(positions.text).toBe('(proposed by EU, CARICOM; opposed by G77)');
    expect(positions.xml).toContain('<w:i/>');
    expect(find('[Alt 71g2)').text).toMatch(/^\[Alt 71g2\) Encouraging relevant parties .* trade rules\.\]$/);
    expect(ps.find((p) => p.text.startsWith('[Alt 71g1)'))?.props).toContain(`<w:ind w:left="1134"/>`);
    expect(find('e)\tPromoting').text).toMatch(/developing countries; \(Agreed\)$/);
    expect(plainTexts(ps).join('\n').match(/\(Agreed\)/g)).toHaveLength(renderText(draft).match(/\(Agreed\)/g)?.length ?? -1);
    expect(ps.find((p) => p.text.startsWith('Compilation text:'))).toBeDefined();
  });

  it('in clean mode writes plain text: no highlight, no markers, no brackets, the note at the end', async () => {
    const draft = bundled();
    const clean = consolidateDraft(draft, { agreedOnly: true });
    const xml = await documentXml(exportInput(clean.draft, 'clean', clean));
    const ps = wordParagraphs(xml);
    expect(xml).not.toContain('w:highlight');
    expect(xml).not.toMatch(/<w:(ins|del) /);
    const text = plainTexts(ps).join('\n');
    expect(text).not.toMatch(/[[\]]|\(Agreed\)|Compilation text/);
    expect(ps.at(-1)?.text).toBe('___');
    expect(ps.at(-2)?.text).toBe(clean.note);
    expect(ps.at(-2)?.xml).toContain('<w:i/>');
    const statusFree = { ...clean.draft, paragraphs: clean.draft.paragraphs.map((p) => ({ ...p, status: 'open' as const, items: p.items.map((i) => ({ label: i.label, text: i.text })) })) };
    expect(words(plainTexts(ps).slice(1, -2).join('\n'))).toEqual(words(renderText(statusFree).replace(/\n___\n$/, '')));
  });

  it('prints the numbers it is given (--renumber) and keeps numbers like 61bis exactly', async () => {
    const draft: Draft = {
      meta: { title: 'T', sections: [{ number: 'IV', label: 'IV.', title: 'Means', paragraphs: ['61', '61bis', 'PP3'] }] },
      paragraphs: [para('61'), para('61bis', { items: [{ label: '(i)', text: 'first' }, { label: '(ii)', text: 'second', status: 'agreed' }] }), para('PP3')],
    };
    const ps = wordParagraphs(await documentXml(exportInput(draft, 'compilation')));
    expect(plainTexts(ps)).toEqual(['T', 'Compilation text: highlighted words in [brackets] are not agreed, [a/b] is a choice between options, [Alt …] paragraphs are competing wordings.', 'IV. Means', '61.\tText 61.', '61bis.\tText 61bis.', '(i)\tfirst', '(ii)\tsecond (Agreed)', 'PP3.\tText PP3.']);
    const renumbered = consolidateDraft(draft, { renumber: true, agreedOnly: false });
    const clean = wordParagraphs(await documentXml(exportInput(renumbered.draft, 'clean', renumbered)));
    expect(plainTexts(clean)).toEqual(['T', 'IV. Means', '1.\tText 61.', '2.\tText 61bis.', '(i)\tfirst', '(ii)\tsecond', '3.\tText PP3.']);
  });

  it('shows option blocks as labelled sets of paragraphs', async () => {
    const draft: Draft = {
      meta: { title: 'T', sections: [{ number: '1', title: 'Finance', paragraphs: ['1', { block: 'Finance options', options: [{ label: 'Option 1', paragraphs: ['2'] }, { label: 'Option 2', paragraphs: ['3'] }] }] }] },
      paragraphs: [para('1'), para('2'), para('3')],
    };
    const ps = wordParagraphs(await documentXml(exportInput(draft, 'compilation')));
    expect(plainTexts(ps).slice(2)).toEqual(['1. Finance', '1.\tText 1.', 'Finance options: Option 1', '2.\tText 2.', 'Finance options: Option 2', '3.\tText 3.']);
  });

  describe('tracked changes (--changes-since)', () => {
    it('writes exactly the changed words of 61 and of item f) of 71 as w:del and w:ins, by their authors', async () => {
      const { baseline, current, changes } = acceptedRound();
      const files = unzip(await renderDocx(exportInput(current, 'compilation'), { changes }));
      expect(files.get('word/settings.xml')).toContain('<w:trackRevisions/>');
      const xml = files.get('word/document.xml') as string;
      const ps = wordParagraphs(xml);
      const old61 = baseline.paragraphs.find((p) => p.number === '61') as Paragraph;
      const new61 = current.paragraphs.find((p) => p.number === '61') as Paragraph;
      const main61 = ps.find((p) => p.text.startsWith('[61.')) as WordPara;
      const delWords = (p: WordPara) => words([...p.xml.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => decode(m[1] as string)).join(' '));
      const insWords = (p: WordPara) => words([...p.xml.matchAll(/<w:ins\b[^>]*[^/]>[\s\S]*?<\/w:ins>/g)].map((m) => runText(m[0])).join(' '));
      const diffWords = (a: string, b: string, side: 'added' | 'removed') => words(diffWordings(a, b).filter((c) => c[side]).map((c) => c.value).join(' '));
      expect(delWords(main61)).toEqual(diffWords(old61.text, new61.text, 'removed'));
      expect(insWords(main61)).toEqual(diffWords(old61.text, new61.text, 'added'));
      expect(insWords(main61).slice(0, 2)).toEqual(['further', 'necessity']);
      expect(main61.xml).toContain('w:author="Chair &lt;Tunis&gt; &amp; &quot;Friends&quot;" w:date="2026-01-02T10:00:00Z"');

      const oldF = baseline.paragraphs.find((p) => p.number === '71')?.items[5]?.text as string;
      const newF = current.paragraphs.find((p) => p.number === '71')?.items[5]?.text as string;
      const itemF = ps.find((p) => p.text.startsWith('f)')) as WordPara;
      expect(delWords(itemF)).toEqual(diffWords(oldF, newF, 'removed'));
      expect(insWords(itemF)).toEqual(diffWords(oldF, newF, 'added'));
      expect(itemF.xml).toContain('w:author="G77 facilitator" w:date="2026-01-03T09:30:00Z"');

      // The alternatives that went with the accept are deleted paragraphs, mark and all.
      const gone = ps.filter((p) => p.markDeleted);
      expect(gone.map((p) => p.rejected.split(' ').slice(0, 2).join(' '))).toEqual(['[Alt 1', '[Alt 2', '[Alt 3', '[Alt 71g1)', '[Alt 71g2)']);
      for (const p of gone) {
        expect(p.accepted).toBe('');
        expect(p.xml).not.toMatch(/<w:t[ >]/);
      }
      // Nothing else is tracked, and every revision has an id of its own.
      const tracked = ps.filter((p) => /<w:(ins|del) /.test(p.xml));
      expect(tracked).toEqual([main61, ...gone.slice(0, 3), itemF, ...gone.slice(3)]);
      const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(20);
    });

    it('accepting every change gives the current text, rejecting every change gives the baseline', async () => {
      const { baseline, current, baselines, authorOf } = acceptedRound();
      // Also: 75 was open at the baseline (its marker is new), and 76 is a new paragraph.
      baselines.set('75', { ...(baselines.get('75') as Paragraph), status: 'open' });
      baselines.delete('76');
      const changes = oneStepChanges(baselines, current, authorOf);
      const tracked = wordParagraphs(await documentXml(exportInput(current, 'compilation'), { changes }));
      // The line under the title that says what the marks are.
      expect(tracked.filter((p) => TRACKED_NOTE.test(p.text))).toHaveLength(1);
      tracked.splice(tracked.findIndex((p) => TRACKED_NOTE.test(p.text)), 1);
      const now = plainTexts(wordParagraphs(await documentXml(exportInput(current, 'compilation'))));
      const then: Draft = { ...baseline, paragraphs: [...baselines.values()] };
      const before = plainTexts(wordParagraphs(await documentXml(exportInput(then, 'compilation'))));
      expect(acceptAll(tracked)).toEqual(now);
      expect(rejectAll(tracked).map(squash)).toEqual(before.map(squash));
      const p75 = tracked.find((p) => p.text.startsWith('75.')) as WordPara;
      expect(p75.xml).toMatch(/<w:ins [^>]*><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve"> \(Agreed\)<\/w:t><\/w:r><\/w:ins>/);
      const p76 = tracked.find((p) => p.text.startsWith('76.')) as WordPara;
      expect(p76.markInserted).toBe(true);
      expect(p76.rejected).toBe('');
    });

    it('leaves unchanged paragraphs plain, and tracks clean text against the baseline too', async () => {
      const { current, changes, authorOf } = acceptedRound();
      const untouched = await documentXml(exportInput(bundled(), 'compilation'), { changes: oneStepChanges(new Map(bundled().paragraphs.map((p) => [p.address, p])), bundled(), authorOf) });
      expect(untouched).not.toMatch(/<w:(ins|del) /);
      expect(untouched.replace(/<w:p>(?:(?!<\/w:p>)[\s\S])*are tracked: each names who made it[\s\S]*?<\/w:p>/, '')).toBe(await documentXml(exportInput(bundled(), 'compilation')));

      const settled = { ...current, paragraphs: current.paragraphs.filter((p) => !['56', '70', '76'].includes(p.address)).map((p) => (p.address === '61' ? { ...p, bracketed: false } : p)) };
      const clean = consolidateDraft(settled);
      const ps = wordParagraphs(await documentXml(exportInput(clean.draft, 'clean', clean), { changes }));
      const p61 = ps.find((p) => p.text.startsWith('61.')) as WordPara;
      expect(p61.accepted).toBe(`61.\t${current.paragraphs.find((p) => p.number === '61')?.text}`);
      expect(ps.filter((p) => p.markDeleted)).toEqual([]); // clean text shows no alternatives, gone or not
      expect(ps.filter((p) => /<w:(ins|del) /.test(p.xml)).map((p) => p.text.split('\t')[0])).toEqual(['61.', 'f)']);
    });
  });

  describe('hostile strings', () => {
    const hostile: Draft = {
      meta: {
        title: '<script>alert("x")</script> & \'quotes\' \u0000\u0007',
        preamble: 'Line one\u000Bline two\r\nline three\u0085',
        sections: [{ number: '1', title: 'Tom & Jerry <b>', paragraphs: ['1', '2'] }],
        closing: '\uFFFE\uFFFF]]>',
      },
      paragraphs: [
        para('1', {
          text: 'Bad \u0001\u0008\u001F chars, \uD800 lone \uDC00 halves, an emoji 😀, a\ttab, and [<script>/&amp;] in brackets',
          alternatives: [{ label: 'Alt <1>', text: '"quoted" & \u202Ereversed', proposedBy: ['"EU" & <G77>'] }],
        }),
        para('2', { text: 'نحن نؤكد من جديد على أهمية الإنترنت', items: [{ label: 'א)', text: 'אנו מכירים בחשיבות' }] }),
      ],
    };

    it('stay text: every part of the document is well-formed XML without control characters', async () => {
      const files = unzip(await renderDocx(exportInput(hostile, 'compilation'), { changes: oneStepChanges(new Map([['1', para('1')]]), hostile, () => ({ author: 'Del\u0000egate <x> & "y"', date: 'not a date' })) }));
      for (const [name, content] of files) {
        if (name.endsWith('.xml') || name.endsWith('.rels')) expectWellFormed(content);
      }
      const xml = files.get('word/document.xml') as string;
      expect(xml).not.toContain('<script>');
      expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;');
      expect(xml).toContain('w:author="Del\uFFFDegate &lt;x&gt; &amp; &quot;y&quot;" w:date="1970-01-01T00:00:00Z"');
      expect(files.get('docProps/core.xml')).toContain('&lt;script&gt;');
      const texts = plainTexts(wordParagraphs(xml));
      expect(texts[0]).toBe('<script>alert("x")</script> & \'quotes\' \uFFFD\uFFFD');
      expect(texts).toContain('Line one\nline two\nline three\uFFFD');
      expect(texts).toContain('1. Tom & Jerry <b>');
      expect(texts).toContain('\uFFFD\uFFFD]]>');
      const p1 = wordParagraphs(xml).find((p) => p.accepted.startsWith('1.\t')) as WordPara;
      expect(p1.accepted).toBe('1.\tBad \uFFFD\uFFFD\uFFFD chars, \uFFFD lone \uFFFD halves, an emoji 😀, a\ttab, and [<script>/&amp;] in brackets');
      expect(texts).toContain('[Alt <1> 1. "quoted" & \u202Ereversed\u202C]');
      expect(texts).toContain('(proposed by "EU" & <G77>)');
    });

    it('keep right-to-left text as it is, in right-to-left runs and paragraphs', async () => {
      const xml = await documentXml(exportInput(hostile, 'clean'));
      const ps = wordParagraphs(xml);
      const arabic = ps.find((p) => p.text.includes('نحن')) as WordPara;
      expect(arabic.text).toBe('2.\tنحن نؤكد من جديد على أهمية الإنترنت');
      expect(arabic.props).toContain('<w:bidi/>');
      expect(arabic.xml).toMatch(/<w:rtl\/><\/w:rPr><w:t xml:space="preserve">نحن نؤكد من جديد على أهمية الإنترنت<\/w:t>/);
      const hebrew = ps.find((p) => p.text.includes('אנו')) as WordPara;
      expect(hebrew.text).toBe('א)\tאנו מכירים בחשיבות');
      expect(hebrew.props).toContain('<w:bidi/>');
      const latin = ps.find((p) => p.text.startsWith('1.\t')) as WordPara;
      expect(latin.xml).not.toContain('<w:rtl/>');
      expect(latin.props).not.toContain('<w:bidi/>');
    });
  });
});
