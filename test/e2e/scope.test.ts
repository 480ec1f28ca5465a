/**
 * Alternatives with a scope, end to end with the built binary on a copy of the bundled draft,
 * whose 61 has Alt 1 to 3 scoped as insertions after its first sentence (its one recorded change).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundledDraft, editFile, makeTempDir, removeTempDirs, runInProcess, snapshotFiles, withoutBracketList, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const SENTENCE_1 = 'We underline the importance of the prosecution of cybercrime, including cybercrime committed in one jurisdiction but having effects in another.';
const SENTENCE_2 = 'We call upon governments in cooperation with other stakeholders to develop necessary legislation';
const ALT_3 =
  'We further underline the necessity of effective and efficient tools and mechanisms, at national and international levels, to promote international cooperation, inter alia, among law enforcement agencies on cybercrime.';

const dir = copyBundledDraft('scoped', undefined, { asShipped: true });
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Secretariat' } });
const text61 = () => /^text: (.*)$/m.exec(readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8'))?.[1] ?? '';

function ok(result: RunResult): string {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return withoutBracketList(result.stdout);
}

describe('scoped alternatives on the bundled draft', () => {
  it('show names what each alternative competes for', async () => {
    const out = ok(await ndraft('show', '61'));
    expect(out).toContain('Alt 1 — to insert after sentence 1\n');
    expect(out).toContain('Alt 3 — to insert after sentence 1\n');
  });

  it('accept 61 "Alt 3" keeps both sentences and puts Alt 3 between them', async () => {
    expect(ok(await ndraft('accept', '61', 'Alt 3'))).toBe('✓ Accepted "Alt 3", inserted after sentence 1 of paragraph 61 (2 other alternatives went to history)\n');
    expect(text61().startsWith(`${SENTENCE_1} ${ALT_3} ${SENTENCE_2}`)).toBe(true);
    ok(await ndraft('undo'));
  });

  it('--replace and --append override the scope for one use', async () => {
    ok(await ndraft('accept', '61', 'Alt 3', '--replace'));
    expect(text61()).toBe(ALT_3);
    ok(await ndraft('undo'));
    ok(await ndraft('accept', '61', 'Alt 3', '--append'));
    expect(text61().endsWith(`Convention on Cybercrime. ${ALT_3}`)).toBe(true);
    ok(await ndraft('undo'));
    const usage = await ndraft('accept', '61', '--replace');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--replace and --append go with the label of an alternative');
  });

  it('merge --apply streamlines the three insertions and inserts the result after sentence 1', async () => {
    expect(ok(await ndraft('merge', '61', '--apply'))).toContain('Merged "Alt 1", "Alt 2", "Alt 3" (to insert after sentence 1) into paragraph 61');
    const text = text61();
    expect(text.startsWith(`${SENTENCE_1} We further underline [`)).toBe(true);
    expect(text).toContain(`cybercrime]. ${SENTENCE_2}`);
    ok(await ndraft('undo'));
  });

  it('scope changes what they compete for, and is refused where it does not fit, with nothing written', async () => {
    expect(ok(await ndraft('scope', '61', 'Alt 2', '--whole'))).toBe('✓ "Alt 2" of paragraph 61 now replaces the whole text\n');
    expect(ok(await ndraft('show', '61'))).toMatch(/\nAlt 2\n/);
    ok(await ndraft('undo'));
    const before = snapshotFiles(dir);
    const refused = await ndraft('scope', '61', '--insert-after-sentence', '2');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('cannot scope the alternatives of paragraph 61 (to insert after sentence 2): the text has 2 sentences outside brackets');
    const usage = await ndraft('scope', '61', '--insert-at', 'middle');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--insert-at takes start or end, not "middle"');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('validate warns when a hand edit leaves a scope that no longer fits', async () => {
    const copy = copyBundledDraft('edited', undefined, { asShipped: true });
    editFile(copy, 'paragraphs/061.yaml', (t) => t.replace('having effects in another. We call', 'having effects in another; we call'));
    const result = await runInProcess(['validate', '--draft', copy]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('"Alt 1" of paragraph 61 does not fit its text (to insert after sentence 1): the text has 1 sentence outside brackets');
    expect(result.stdout).toContain('[SCOPE_DOES_NOT_FIT]');
  });

  it('every export shows the scope; the text export prints the alternatives as the source did', async () => {
    const out = makeTempDir('scope-export');
    const exported = async (format: string) => {
      const file = join(out, `draft.${format}`);
      const result = await ndraft('export', '--format', format, '-o', file);
      expect(result.status).toBe(0);
      return readFileSync(file, 'utf8');
    };
    expect(await exported('html')).toContain('<p class="alt-scope">To insert after sentence 1</p>');
    expect(await exported('md')).toContain('**Alt 3** *(to insert after sentence 1)*');
    expect(await exported('akn')).toContain('scope:to insert after sentence 1');
    expect(await exported('json')).toContain('"insertAfterSentence": 1');
    const text = await exported('text');
    expect(text).toContain(`[Alt 3 61.\n${ALT_3}]`);
    expect(text).not.toContain('insert after');
  });
});

describe('import --conventions with an alternativeScope', () => {
  it('scopes the alternatives of a paragraph with a text of its own, and warns where the scope does not fit', async () => {
    const work = makeTempDir('scope-import');
    const source = join(work, 'draft.txt');
    writeFileSync(
      source,
      ['1.', 'Parties agree to act. They report every year.', '[Alt 1 1.', 'They also review it.]', '2.', 'One sentence only.', '[Alt 1 2.', 'Another one.]', ''].join('\n'),
    );
    const conventions = join(work, 'conventions.yaml');
    writeFileSync(conventions, 'alternativeScope:\n  insertAfterSentence: 1\n');
    const result = await runInProcess(['import', source, '--out', join(work, 'd'), '--conventions', conventions]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('the alternatives of paragraph 2 cannot be read to insert after sentence 1 as the conventions say');
    expect(readFileSync(join(work, 'd', 'paragraphs', '001.yaml'), 'utf8')).toContain('scope:\n      insertAfterSentence: 1\n');
    expect(readFileSync(join(work, 'd', 'paragraphs', '002.yaml'), 'utf8')).not.toContain('scope');
  });
});
