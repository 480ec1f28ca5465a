/**
 * The DOCX as another word processor reads it: LibreOffice converts the documents to plain text
 * (and the tracked one to flat ODF, where its revisions can be read back). Skipped, loudly, on a
 * machine without LibreOffice. One soffice run converts all the documents to text, a second the
 * tracked one to flat ODF: each run costs a few seconds of start-up.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateDraft } from '../../src/export/consolidate-draft.js';
import { exportInput } from '../../src/export/export-input.js';
import type { Draft, Paragraph } from '../../src/model/schemas.js';
import { renderDocx } from '../../src/render/render-docx.js';
import { oneStepChanges } from '../helpers/tracked.js';
import { renderText } from '../../src/render/render-text.js';
import { acceptAlternative } from '../../src/resolve/accept-alternative.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT, makeTempDir, removeTempDirs } from '../helpers/sandbox.js';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((path) => existsSync(path));
if (SOFFICE === undefined) console.warn('SKIPPED: LibreOffice not installed (apt-get install libreoffice-writer-nogui); test/render/docx-in-libreoffice.test.ts did not run');

const bundledDraft = (await checkDraft(await loadDraft(BUNDLED_DRAFT))).draft as Draft;
const bundled = (): Draft => structuredClone(bundledDraft);
const words = (s: string) => s.split(/\s+/u).filter(Boolean);
const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();
const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** Runs soffice once over `files`, converting each to `format` in `dir`; fails with what soffice said. */
async function convert(dir: string, format: string, files: string[]): Promise<void> {
  // A fresh profile, so that no user settings or lock of a running LibreOffice get in the way;
  // the second run reuses the one the first made, which saves a second or two.
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const args = ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', format, '--outdir', join(dir, 'out'), ...files.map((f) => join(dir, f))];
  try {
    await run(SOFFICE as string, args, { timeout: 120_000 });
  } catch (error) {
    const e = error as { message: string; stderr?: string; stdout?: string };
    throw new Error(`soffice --convert-to ${format} failed: ${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

interface Revision {
  kind: 'insertion' | 'deletion';
  creator: string;
  date: string;
}

/**
 * A flat ODF document read back: its tracked changes, and its text with every change accepted
 * and with every change rejected. LibreOffice keeps deleted text in place between a change-start
 * and a change-end (older versions keep it in the changed region, marked by a `text:change`).
 */
function readFlatOdf(fodt: string): { revisions: Revision[]; accepted: string; rejected: string } {
  const regions = [...fodt.matchAll(/<text:changed-region\b[^>]*text:id="([^"]+)"[^>]*>\s*<text:(insertion|deletion)>([\s\S]*?)<\/text:\2>/g)].map((m) => ({
    id: m[1] as string,
    kind: m[2] as Revision['kind'],
    creator: decode(/<dc:creator>([^<]*)<\/dc:creator>/.exec(m[3] as string)?.[1] ?? ''),
    date: /<dc:date>([^<]*)<\/dc:date>/.exec(m[3] as string)?.[1] ?? '',
    content: (m[3] as string).replace(/<office:change-info>[\s\S]*?<\/office:change-info>/, ''),
  }));
  const body = (/<office:text\b[^>]*>([\s\S]*)<\/office:text>/.exec(fodt)?.[1] ?? '').replace(/<text:tracked-changes\b[\s\S]*?<\/text:tracked-changes>/, '');
  const version = (drop: Revision['kind']) => {
    let xml = body;
    for (const region of regions) {
      const range = new RegExp(`<text:change-start text:change-id="${region.id}"/>([\\s\\S]*?)<text:change-end text:change-id="${region.id}"/>`);
      xml = xml.replace(range, region.kind === drop ? '' : '$1');
      xml = xml.replace(`<text:change text:change-id="${region.id}"/>`, region.kind === drop ? '' : region.content);
    }
    return odfText(xml);
  };
  return { revisions: regions.map(({ kind, creator, date }) => ({ kind, creator, date })), accepted: version('deletion'), rejected: version('insertion') };
}

function odfText(xml: string): string {
  return decode(
    xml
      .replace(/<text:tab\/>/g, '\t')
      .replace(/<text:line-break\/>/g, '\n')
      .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
      .replace(/<\/text:(?:p|h)>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

describe.skipIf(SOFFICE === undefined)('DOCX in LibreOffice', () => {
  const draft = bundled();
  const baseline = bundled();
  const current: Draft = {
    ...draft,
    paragraphs: draft.paragraphs.map((p) => (p.number === '61' ? acceptAlternative(p, 'Alt 3').paragraph : p.number === '71' ? acceptAlternative(p, 'Alt 71g2').paragraph : p)),
  };
  const changes = oneStepChanges(new Map(baseline.paragraphs.map((p) => [p.address, p])), current, (n) =>
    n === '61' ? { author: 'Chair <Tunis> & "Friends"', date: '2026-01-02T10:00:00Z' } : { author: 'G77 facilitator', date: '2026-01-03T09:30:00Z' },
  );
  const clean = consolidateDraft(draft, { agreedOnly: true });
  const hostile: Draft = {
    meta: { title: '<script>alert("x")</script> & \'quotes\' \u0001', sections: [{ number: '1', title: 'Tom & Jerry', paragraphs: ['1', '2'] }] },
    paragraphs: [
      { address: '1', number: '1', status: 'open', bracketed: false, text: 'Bad \u0000\u001F chars, \uD800 a lone half, an emoji 😀 and [<b>/&amp;]', items: [], alternatives: [] },
      { address: '2', number: '2', status: 'agreed', bracketed: false, text: 'نحن نؤكد من جديد على أهمية الإنترنت', items: [{ label: 'א)', text: 'אנו מכירים בחשיבות' }], alternatives: [] },
    ],
  };
  let dir = '';
  const text = (name: string) => readFileSync(join(dir, 'out', `${name}.txt`), 'utf8').replace(/^\uFEFF/, '');

  beforeAll(async () => {
    dir = makeTempDir('docx-libreoffice');
    const documents: Record<string, Uint8Array> = {
      compilation: await renderDocx(exportInput(draft, 'compilation')),
      clean: await renderDocx(exportInput(clean.draft, 'clean')),
      tracked: await renderDocx(exportInput(current, 'compilation'), { changes }),
      current: await renderDocx(exportInput(current, 'compilation')),
      baseline: await renderDocx(exportInput(baseline, 'compilation')),
      hostile: await renderDocx(exportInput(hostile, 'compilation'), { changes: oneStepChanges(new Map(), hostile, () => ({ author: 'Del\u0000egate <x>', date: '2026-01-01T00:00:00Z' })) }),
    };
    for (const [name, bytes] of Object.entries(documents)) writeFileSync(join(dir, `${name}.docx`), bytes);
    await convert(dir, 'txt:Text', Object.keys(documents).map((name) => `${name}.docx`));
    await convert(dir, 'fodt', ['tracked.docx']);
  }, 240_000);

  afterAll(removeTempDirs);

  it('reads the compilation text: headings, numbered paragraphs, items and alternatives, in order', () => {
    const lines = text('compilation').split(/\r?\n/);
    expect(lines[0]).toBe('WSIS Tunis phase: Internet governance (paragraphs 39–76)');
    expect(lines).toContain('3a) Infrastructure and management of critical Internet resources');
    const all = squash(lines.join('\n'));
    let from = 0;
    for (const p of draft.paragraphs) {
      for (const piece of [p.text, ...p.items.map((i) => `${i.label} ${i.text}`), ...p.alternatives.map((a) => `[${a.label} ${p.number}. ${a.text}]`)]) {
        const at = all.indexOf(squash(piece), from);
        expect(at, `paragraph ${p.number}: ${piece.slice(0, 40)}`).toBeGreaterThanOrEqual(from);
        from = at;
      }
    }
    expect(all).toContain('[61. We underline the importance of the prosecution of cybercrime');
    expect(all).toContain('[management/development]');
  });

  it('reads the clean text with exactly the words of the clean text export', () => {
    const lines = text('clean').split(/\r?\n/);
    expect(lines[0]).toBe(draft.meta.title);
    const statusFree = { ...clean.draft, paragraphs: clean.draft.paragraphs.map((p) => ({ ...p, status: 'open' as const, items: p.items.map((i) => ({ label: i.label, text: i.text })) })) };
    expect(words(lines.slice(1).join('\n'))).toEqual(words(renderText(statusFree)));
  });

  it('reads the tracked changes: accepting them all gives the current text, rejecting them all the baseline', () => {
    const odf = readFlatOdf(readFileSync(join(dir, 'out', 'tracked.fodt'), 'utf8'));
    expect(new Set(odf.revisions.map((r) => r.kind))).toEqual(new Set(['insertion', 'deletion']));
    expect(new Set(odf.revisions.map((r) => r.creator))).toEqual(new Set(['Chair <Tunis> & "Friends"', 'G77 facilitator']));
    expect(odf.revisions.every((r) => /^2026-01-0[23]T(10:00|09:30):00/.test(r.date))).toBe(true);
    // The tracked document says under its title what the marks are; the others have no such line.
    const note = /^\s*Changes are tracked: each names who made it and when[^\n]*\n/m;
    expect(odf.accepted).toMatch(note);
    expect(words(odf.accepted.replace(note, ''))).toEqual(words(text('current')));
    expect(words(odf.rejected.replace(note, ''))).toEqual(words(text('baseline')));
    expect(squash(odf.accepted)).toContain(`[61. ${current.paragraphs.find((p) => p.number === '61')?.text}]`);
    expect(squash(odf.accepted)).not.toContain('[Alt 1 61.');
    expect(squash(odf.rejected)).toContain(`[Alt 1 61. ${(baseline.paragraphs.find((p) => p.number === '61') as Paragraph).alternatives[0]?.text}]`);
  });

  it('opens a document made of hostile strings and shows them as text', () => {
    const lines = text('hostile').split(/\r?\n/);
    expect(lines[0]).toBe('<script>alert("x")</script> & \'quotes\' \uFFFD');
    expect(lines).toContain('1. Tom & Jerry');
    expect(lines).toContain('1.\tBad \uFFFD\uFFFD chars, \uFFFD a lone half, an emoji 😀 and [<b>/&amp;]');
    expect(lines.some((line) => line.includes('نحن نؤكد من جديد على أهمية الإنترنت'))).toBe(true);
    expect(lines.some((line) => line.includes('אנו מכירים בחשיבות'))).toBe(true);
  });
});
