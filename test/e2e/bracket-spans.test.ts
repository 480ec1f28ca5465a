/**
 * Brackets that span paragraphs or items, end to end with the built binary: import, show,
 * validate, keep or drop a span in one change, undo it, and the exports. Each step runs after the
 * one before, on one draft. `npm test` builds dist/ first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs, runInProcess, snapshotFiles, type RunResult, ok } from '../helpers/sandbox.js';
import { SPANS_TEXT } from '../helpers/span-draft.js';

afterAll(removeTempDirs);

const parent = makeTempDir('spans-e2e');
const dir = join(parent, 'forum');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Chair' } });

/** The draft's own files: paragraphs and draft.yaml (history grows with every change, undo included). */
function draftState(): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(snapshotFiles(dir)).filter(([name]) => !name.startsWith('history/')));
}

const history = () => (existsSync(join(dir, 'history')) ? readdirSync(join(dir, 'history')).sort() : []);
const paragraph = (address: string) => readFileSync(join(dir, 'paragraphs', `${address.padStart(3, '0')}.yaml`), 'utf8');

describe('bracket spans, from import to undo', () => {
  let imported: Record<string, Buffer> = {};

  it('imports the fixture: two spans, and the one bracket never closed repaired with its warning', async () => {
    const result = await runInProcess(['import', SPANS_TEXT, '--out', dir, '--title', 'Forum on response measures']);
    expect(result.status).toBe(0);
    expect(result.stderr.match(/\[[A-Z_]+\]$/gmu)).toEqual(['[BRACKET_SPANS_UNITS]', '[BRACKET_SPANS_UNITS]', '[UNCLOSED_BRACKET]']);
    expect(result.stdout).toContain('  brackets      5 open, and 0 bracketed paragraphs\n');
    // Draft, 6 paragraphs and revision import.
    expect(ok(await ndraft('validate'))).toBe('✓ valid: 9 files, 0 errors, 0 warnings\n');
    imported = draftState();
  });

  it('--dry-run shows the change and writes nothing', async () => {
    const out = ok(await ndraft('accept', '4', '--span', '1', '--drop', '--dry-run'));
    expect(out.split('\n')[0]).toBe('Dry run, nothing written. Would have: dropped bracket span 1 over paragraphs 3–4: deleted paragraphs 3, 4 (their text is kept)');
    expect(draftState()).toEqual(imported);
    expect(history()).toEqual([]);
  });

  it('drops span 1 in one change: both paragraphs deleted, their words kept without the span\'s brackets', async () => {
    expect(ok(await ndraft('accept', '3', '--span', '1', '--drop', '-m', 'informals'))).toBe('✓ Dropped bracket span 1 over paragraphs 3–4: deleted paragraphs 3, 4 (their text is kept)\n');
    expect(paragraph('3')).toContain('status: deleted\nbracketed: false\ntext: Also requests the secretariat to organize,');
    expect(paragraph('3')).not.toContain('spans:');
    expect(paragraph('4')).toContain('the subsidiary bodies;\nitems: []');
    expect(history()).toHaveLength(1);
    expect(readdirSync(join(dir, '.ndraft', 'journal'))).toEqual([]);
    const log = ok(await ndraft('log', '-n', '1'));
    expect(log).toContain('  accept 3 --span 1 --drop\n  informals\n  3: status open → deleted; text reworded; out of bracket span 1\n  4: status open → deleted; text reworded; out of bracket span 1\n');
    expect(ok(await ndraft('validate'))).toBe('✓ valid: 10 files, 0 errors, 0 warnings\n');
  });

  it('undoes it in one step, every paragraph back as it was', async () => {
    expect(ok(await ndraft('undo'))).toMatch(/^✓ Undid "accept 3 --span 1 --drop" by Chair/u);
    expect(draftState()).toEqual(imported);
  });

  it('drops span 2: the items it covers are removed, the rest of paragraph 5 stays', async () => {
    expect(ok(await ndraft('accept', '5', '--span', '2', '--drop'))).toBe('✓ Dropped bracket span 2 over paragraph 5, items (j) to (v): removed items (j) (i) (ii) (iii) (iv) (v) of paragraph 5\n');
    expect(ok(await ndraft('show', '5'))).toBe(
      [
        'Paragraph 5 · open · 0 brackets · 0 alternatives',
        '',
        'Decides that the work programme shall cover the following areas:',
        '  (a) Economic diversification and transformation;',
        '  (b) Just transition of the work force, and the creation of decent work and quality jobs;',
        '',
      ].join('\n'),
    );
    ok(await ndraft('undo'));
    expect(draftState()).toEqual(imported);
  });

  it('keeps span 2: its brackets go, every item keeps its words', async () => {
    expect(ok(await ndraft('accept', '5', '--span', '2', '--keep'))).toBe('✓ Kept bracket span 2 over paragraph 5, items (j) to (v): its brackets went, its words stay (1 paragraph changed)\n');
    const five = paragraph('5');
    expect(five).toContain('  - label: (j)\n    text: "Assessment and analysis of impacts, including:"\n  - label: (i)\n');
    expect(five).toContain('text: capacity-building for the use of such tools;\n');
    expect(five).not.toContain('spans:');
  });

  it('refuses what is not a span of the paragraph, or a span without --keep or --drop', async () => {
    const wrong = await ndraft('accept', '3', '--span', '2', '--keep');
    expect([wrong.status, wrong.stderr]).toEqual([1, 'ndraft: paragraph 3 is in no bracket span 2; it is in span 1 (see "ndraft show 3")\n']);
    const neither = await ndraft('accept', '3', '--span', '1');
    expect([neither.status, neither.stderr.split('\n')[0]]).toEqual([2, 'ndraft: with --span N, give --keep or --drop (a bracket span is kept or dropped as a whole)']);
    const both = await ndraft('accept', '3', '--span', '1', '--keep', '--drop');
    expect(both.status).toBe(2);
  });

  it('refuses to agree a paragraph in a span, or to accept an alternative in place of a text holding its bracket', async () => {
    const agree = await ndraft('agree', '4');
    expect(agree.status).toBe(1);
    expect(agree.stderr).toContain('error: bracket span 1 closes in text (settle it with --span 1 --keep or --drop) [UNRESOLVED]');
    ok(await ndraft('propose', '3', '--text', 'Also requests the secretariat to prepare a technical paper.', '--by', 'EU'));
    const accept = await ndraft('accept', '3', 'Alt 1');
    expect([accept.status, accept.stderr]).toEqual([1, 'ndraft: cannot accept "Alt 1": the "[" of bracket span 1 stands in the text of paragraph 3; settle the span first ("ndraft accept 3 --span 1 --keep" or "--drop")\n']);
  });

  it('export --clean refuses while the span is open, naming it once', async () => {
    const clean = await ndraft('export', '--clean');
    expect(clean.status).toBe(1);
    const spans = clean.stderr.split('\n').filter((line) => line.includes('bracket span'));
    expect(spans).toEqual(['error: paragraph 3, bracket span 1 over paragraphs 3–4: [Also requests the secretariat to organize, subject to the availabili… [UNRESOLVED]']);
  });

  it('the text export puts the span\'s brackets back where the source had them; the compilations caption it', async () => {
    const text = ok(await ndraft('export'));
    expect(text).toContain('\n3.\n[Also requests the secretariat to organize,');
    expect(text).toContain('the forty-fourth sessions of the subsidiary bodies;]\n');
    const html = ok(await ndraft('export', '--format', 'html'));
    expect(html).toContain('<span class="badge span" title="One bracket over several texts: kept or dropped as one">Bracket over paragraphs 3–4</span>');
    expect(html).toContain('<span class="span-edge" title="Bracket over paragraphs 3–4">[</span><span class="spanned">Also requests');
    const md = ok(await ndraft('export', '--format', 'md'));
    expect(md).toContain('*Bracket over paragraphs 3–4: from its \\[ to its \\], kept or dropped as one.*');
    const akn = ok(await ndraft('export', '--format', 'akn'));
    expect(akn).toContain('<TLCConcept eId="bracketSpan_1" href="/ontology/concept/negotiation/bracketSpan/1" showAs="bracket over paragraphs 3–4"/>');
    expect(akn).toContain('<span class="bracketSpanOpen" refersTo="#bracketSpan_1">[</span><span class="bracketSpan" refersTo="#bracketSpan_1">Also requests');
    const json = JSON.parse(ok(await ndraft('export', '--format', 'json')));
    expect(json.paragraphs.find((p: { address: string }) => p.address === '3').spans).toEqual([{ span: 1, edge: 'opens' }]);
  });

  it('keeps span 1 from the paragraph it closes in, then the clean export goes through', async () => {
    expect(ok(await ndraft('accept', '4', '--span', '1', '--keep'))).toBe('✓ Kept bracket span 1 over paragraphs 3–4: its brackets went, its words stay (2 paragraphs changed)\n');
    const status = JSON.parse(ok(await ndraft('status', '--json')));
    expect(status.brackets).toBe(3);
    ok(await ndraft('accept', '4', '--bracket', '1', '--keep'));
    ok(await ndraft('accept', '5', '--bracket', '1', '--keep'));
    ok(await ndraft('accept', '6', '--bracket', '1', '--keep'));
    ok(await ndraft('accept', '3', 'Alt 1'));
    expect(ok(await ndraft('export', '--clean'))).toContain('\n4.\nInvites Parties and observer organizations to submit their views on the workshop by 31 March 2016,');
  });
});
