import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/cli/commands/import.js';
import { CORPUS_DIR } from '../../helpers/corpus.js';
import { fakeIo, makeTempDir, removeTempDirs, runNdraft, SEED_TEXT } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

const TPP = join(CORPUS_DIR, '05-tpp-ip-chapter-2013-general-provisions.txt');

function paragraphTexts(draft: string): string {
  return readdirSync(join(draft, 'paragraphs')).map((f) => readFileSync(join(draft, 'paragraphs', f), 'utf8')).join('\n');
}

describe('ndraft import: cleaning before import', () => {
  it('a pdftotext file: furniture and footnotes are out of the paragraphs, listed in the summary and kept in the draft notes', async () => {
    const dir = makeTempDir('import-tpp');
    const io = fakeIo();
    io.cwd = dir;
    expect(await importCommand(TPP, { out: 'tpp' }, io)).toBe(0);
    expect(io.out).toMatch(/^ {2}furniture {5}39 lines of page furniture removed: 7 form feeds, 21 page header lines \("This Document Contains TPP CONFIDENTIAL Information TPP Negotiations, R18", .*\), 5 page numbers, 6 redaction bars/m);
    expect(io.out).toMatch(/^ {2}footnotes {5}13 kept as notes of the paragraphs citing them, 13 references cut from the text$/m);
    const paragraphs = paragraphTexts(join(dir, 'tpp'));
    // The running text keeps none of it; the footnotes are notes of the paragraphs that cite them.
    const running = paragraphs.split('\n').filter((line) => !/^\s+- text: |^\s+(kind|marker): /.test(line)).join('\n');
    expect(running).not.toMatch(/TPP CONFIDENTIAL|Negotiators' Note|\u2588|\f/);
    expect(paragraphs).toContain('  - text: "Negotiators\' Note: AU is considering the drafting of the language."\n    kind: footnote\n    marker: "9"');
    const draft = readFileSync(join(dir, 'tpp', 'draft.yaml'), 'utf8');
    // Footnote 7 is cited in an article's title, not in a paragraph: it stays a note of the draft.
    expect(draft).toContain('  - text: "Negotiators\' Note: JP is reflecting further on this paragraph."\n    kind: footnote\n    marker: "7"');
    expect(draft).toMatch(/^ {2}- text: ["']?39 lines of page furniture removed: .*\n {4}kind: furniture$/m);
    // The importer's warnings point at the original file: line 119 is "effect on competition in the relevant market.]]",
    // whose first "]" closes the bracket opened at line 105 (a bracket span over paragraphs 1 to 3), the second none.
    // (How the path is shown depends on where the checkout is, relative to the temporary folder.)
    expect(io.err).toContain(`05-tpp-ip-chapter-2013-general-provisions.txt:105:1: warning: "[" in paragraph 1 closes in paragraph 3, at line 119, column 46`);
    expect(io.err).toContain(`05-tpp-ip-chapter-2013-general-provisions.txt:119:47: warning: "]" has no opening bracket`);
  });

  it('--json lists the furniture, the footnotes and the encoding', async () => {
    const dir = makeTempDir('import-json');
    const io = fakeIo();
    io.cwd = dir;
    expect(await importCommand(TPP, { out: 'tpp', json: true }, io)).toBe(0);
    const summary = JSON.parse(io.out);
    expect(summary).toMatchObject({ encoding: 'utf-8', format: 'text' });
    expect(summary.furniture).toHaveLength(39);
    expect(summary.furniture[1]).toEqual({ line: 1, text: 'This Document Contains TPP CONFIDENTIAL Information                    TPP Negotiations, R18', kind: 'page-header' });
    expect(summary.footnotes.map((n: { marker: string }) => n.marker)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
  });

  it('the seed imports as before: no notes, no furniture line in the summary', async () => {
    const dir = makeTempDir('import-seed');
    const io = fakeIo();
    io.cwd = dir;
    expect(await importCommand(SEED_TEXT, { out: 'seed' }, io)).toBe(0);
    expect(io.out).not.toMatch(/furniture|footnotes|encoding|format/);
    expect(readFileSync(join(dir, 'seed', 'draft.yaml'), 'utf8')).not.toMatch(/^notes:/m);
  });

  it('--from markdown reads escapes and list depth; --from text keeps them as written', async () => {
    const dir = makeTempDir('import-md');
    writeFileSync(join(dir, 'draft.md'), '## Article 1\n\n1. The \\[Parties\\] shall\n   1. first;\n   2. second.\n2. Next paragraph.\n');
    const io = fakeIo();
    io.cwd = dir;
    expect(await importCommand('draft.md', { out: 'md', from: 'markdown' }, io)).toBe(0);
    expect(io.out).toMatch(/^ {2}format {8}markdown$/m);
    expect(readFileSync(join(dir, 'md', 'paragraphs', 'art1-1.yaml'), 'utf8')).toMatch(/\[Parties\] shall/);
    expect(readFileSync(join(dir, 'md', 'paragraphs', 'art1-1.yaml'), 'utf8')).toMatch(/^items:\n {2}- label: \(a\)\n {4}text: first;\n {2}- label: \(b\)\n {4}text: second\.$/m);
    writeFileSync(join(dir, 'escaped.md'), '1. The \\[Parties\\] shall\n');
    const plain = fakeIo();
    plain.cwd = dir;
    expect(await importCommand('escaped.md', { out: 'txt', from: 'text' }, plain)).toBe(0);
    expect(readFileSync(join(dir, 'txt', 'paragraphs', '001.yaml'), 'utf8')).toContain('\\[Parties\\]');
  });

  it('--from takes text or markdown only (exit 2)', () => {
    const result = runNdraft(['import', SEED_TEXT, '--out', 'x', '--from', 'docx'], { cwd: makeTempDir('import-from') });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/argument 'docx' is invalid\. Allowed choices are text, markdown/);
  });

  it('a warning from the importer names the original file\'s lines, page furniture taken out', async () => {
    const dir = makeTempDir('import-dup');
    writeFileSync(join(dir, 'dup.txt'), `${'\n'.repeat(3)}Header of the page\n1. One.\n\n${' '.repeat(30)}1\n\fHeader of the page\n1. Again.\n\n${' '.repeat(30)}2\n\fHeader of the page\n2. Two.\n`);
    const io = fakeIo();
    io.cwd = dir;
    await importCommand('dup.txt', { out: 'dup' }, io);
    expect(io.err).toContain('dup.txt:9:1: warning: paragraph 1 appears twice in the same section (first at line 5): both are kept');
  });
});

describe('ndraft import --conventions', () => {
  const FIXTURES = join(CORPUS_DIR, '..', 'conventions');
  const SPANISH = join(FIXTURES, 'borrador-es.txt');

  it('reads the negotiation\'s spellings, and stores them in draft.yaml after the outline', async () => {
    const dir = makeTempDir('import-conventions');
    const io = fakeIo();
    io.cwd = dir;
    expect(await importCommand(SPANISH, { out: 'es', conventions: join(FIXTURES, 'convenciones.yaml') }, io)).toBe(0);
    expect(io.out).toMatch(/^ {2}paragraphs {4}7: 2 agreed, 1 agreed ad ref, 3 open, 1 deleted$/m);
    expect(io.out).toMatch(/^ {2}markers {7}4 status markers read$/m);
    const draft = readFileSync(join(dir, 'es', 'draft.yaml'), 'utf8');
    expect(draft).toContain('      - number: "2"\n        label: Artículo 2\n        title: Financiación\n');
    expect(draft).toContain('              - label: Opción 2\n                paragraphs:\n                  - art2-1-opt2-4\n');
    expect(draft.slice(draft.indexOf('\nconventions:'))).toBe(
      '\nconventions:\n  optionWords:\n    - Opción\n  articleWords:\n    - Artículo\n    - Art.\n  agreedMarkers:\n    - (Acordado)\n    - "[acordado]"\n' +
        '  adRefMarkers:\n    - (Acordado ad ref)\n  deletedMarkers:\n    - (Suprimido)\n',
    );
    expect(readFileSync(join(dir, 'es', 'paragraphs', 'art2-1-opt2-4.yaml'), 'utf8')).toContain('status: deleted\n');
  });

  it('without them the same file imports, its labels and markers left as words', async () => {
    const dir = makeTempDir('import-no-conventions');
    const io = fakeIo();
    io.cwd = dir;
    expect(await importCommand(SPANISH, { out: 'es' }, io)).toBe(0);
    expect(io.out).toMatch(/^ {2}markers {7}0 status markers read$/m);
    expect(readFileSync(join(dir, 'es', 'draft.yaml'), 'utf8')).not.toMatch(/^conventions:|block:/m);
  });

  it('a bad conventions file: exit 1, each problem at its line and column, nothing written', () => {
    const dir = makeTempDir('import-bad-conventions');
    const result = runNdraft(['import', SPANISH, '--out', 'es', '--conventions', join(FIXTURES, 'convenciones-mal.yaml')], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('convenciones-mal.yaml:2:1: error: unknown field "optionWord" [SCHEMA]');
    expect(result.stderr).toContain('convenciones-mal.yaml:3:16: error: agreedMarkers must be a list, not number 3 [SCHEMA]');
    expect(result.stderr).toContain('ndraft: the conventions file is not valid; nothing was imported');
    expect(readdirSync(dir)).toEqual([]);
  });
});
