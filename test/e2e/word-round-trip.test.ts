/**
 * The Word round trip delegations do, end to end with the built binary: the bundled draft
 * exported to DOCX, that copy edited as Word edits it with track changes on (the EU rewords the
 * end of paragraph 55, comments on 56, inserts a paragraph 56bis after 56, deletes 57; words of
 * 58 changed without tracking), then `import their.docx --into` the draft: each becomes the
 * EU's proposal or note on the right paragraph, the draft's text stays, `undo` takes it back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBundledDraft, makeTempDir, removeTempDirs, runInProcess, snapshotFiles, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const env = { NDRAFT_AUTHOR: 'Secretariat' };
const STAMP = 'w:author="EU Delegation" w:date="2026-11-30T10:00:00Z"';

function ok(result: RunResult): string {
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

interface ShowJson {
  address: string; text: string; bracketed: boolean; alternatives: { label: string; text: string; proposedBy?: string[] }[]; notes?: { text: string; author?: string; date?: string }[];
}
const show = async (dir: string, address: string): Promise<ShowJson> => JSON.parse(ok(await runInProcess(['show', address, '--json', '--draft', dir], { env }))) as ShowJson;

/** Paragraph `number`'s XML in document.xml: from its `<w:p>` to its `</w:p>`. */
function paragraphXml(xml: string, number: string): string {
  const at = xml.indexOf(`<w:t xml:space="preserve">${number}.</w:t>`);
  expect(at, `paragraph ${number} printed`).toBeGreaterThan(0);
  const start = xml.lastIndexOf('<w:p>', at);
  return xml.slice(start, xml.indexOf('</w:p>', at) + '</w:p>'.length);
}

/** The paragraph's last run of plain words, as the export writes it. */
function lastRun(p: string): { run: string; words: string } {
  const runs = [...p.matchAll(/<w:r><w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g)];
  const last = runs.at(-1);
  expect(last).toBeDefined();
  return { run: (last as RegExpMatchArray)[0], words: (last as RegExpMatchArray)[1] as string };
}

const deleted = (words: string) => `<w:del w:id="901" ${STAMP}><w:r><w:delText xml:space="preserve">${words}</w:delText></w:r></w:del>`;
const inserted = (words: string, id = 902) => `<w:ins w:id="${id}" ${STAMP}><w:r><w:t xml:space="preserve">${words}</w:t></w:r></w:ins>`;

/** What the EU does to the circulated copy in Word, track changes on. */
function editInWord(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  let xml = strFromU8(files['word/document.xml'] as Uint8Array);
  // 55: the last words reworded.
  const p55 = paragraphXml(xml, '55');
  const { run, words } = lastRun(p55);
  xml = xml.replace(p55, p55.replace(run, deleted(words) + inserted('We seek a fair distribution of IP addresses.')));
  // 56: a comment on it; then a paragraph 56bis inserted after it.
  const p56 = paragraphXml(xml, '56');
  const commented = p56.replace('<w:r>', '<w:commentRangeStart w:id="7"/><w:r>').replace(/<\/w:p>$/, '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>');
  const added = `<w:p><w:pPr><w:rPr><w:ins w:id="903" ${STAMP}/></w:rPr></w:pPr>${inserted('56bis.', 904)}${inserted(' Internet governance should be multilateral, transparent and democratic.', 905)}</w:p>`;
  xml = xml.replace(p56, commented + added);
  // 57: deleted whole.
  const p57 = paragraphXml(xml, '57');
  xml = xml.replace(p57, p57.replace(/<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g, (_, rpr: string | undefined, text: string) => `<w:del w:id="906" ${STAMP}><w:r>${rpr ?? ''}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`));
  // 58: a word changed with track changes off.
  const p58 = paragraphXml(xml, '58');
  const last58 = lastRun(p58);
  xml = xml.replace(p58, p58.replace(last58.run, last58.run.replace(last58.words, `${last58.words.replace(/\.$/, '')} and beyond.`)));
  files['word/document.xml'] = strToU8(xml);
  files['word/comments.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="EU Delegation" w:date="2026-11-30T10:05:00Z"><w:p><w:r><w:t>We cannot accept "management" here.</w:t></w:r></w:p></w:comment></w:comments>`,
  );
  const rels = strFromU8(files['word/_rels/document.xml.rels'] as Uint8Array);
  files['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdEuComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
  const types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
  files['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
  return zipSync(files);
}

describe('import their.docx --into: a delegation\'s Word copy', () => {
  const parent = makeTempDir('word-round-trip');
  const dir = copyBundledDraft('draft', parent);
  const circulated = join(parent, 'circulated.docx');
  let before: Record<string, ShowJson> = {};
  beforeAll(async () => {
    ok(await runInProcess(['export', '--draft', dir, '--format', 'docx', '-o', circulated], { env }));
    writeFileSync(join(parent, 'eu.docx'), editInWord(readFileSync(circulated)));
    before = Object.fromEntries(await Promise.all(['55', '56', '57', '58'].map(async (a) => [a, await show(dir, a)] as const)));
  });
  const into = (...args: string[]): Promise<RunResult> => runInProcess(['import', 'eu.docx', '--into', 'draft', ...args], { env, cwd: parent });

  it('the circulated copy itself, untouched, proposes nothing', async () => {
    const untouched = snapshotFiles(dir);
    const result = await runInProcess(['import', 'circulated.docx', '--into', 'draft'], { env, cwd: parent });
    expect(ok(result)).toMatch(/^Nothing to change: circulated\.docx into draft proposes nothing/);
    expect(snapshotFiles(dir)).toEqual(untouched);
  });

  it('--dry-run says what would be proposed and writes nothing', async () => {
    const untouched = snapshotFiles(dir);
    const out = ok(await into('--as', 'EU', '--dry-run'));
    expect(out).toMatch(/^Dry run, nothing written\. Would have imported eu\.docx into draft: the draft's text is unchanged/);
    expect(out).toMatch(/EU: 2 proposals on 55, 58; 2 notes/);
    expect(snapshotFiles(dir)).toEqual(untouched);
  });

  it('reads their tracked changes as proposals, their comment as a note, on the right paragraphs; the text stays', async () => {
    const result = await into('--as', 'EU');
    const out = ok(result);
    expect(out).toContain('Imported eu.docx into draft: the draft\'s text is unchanged');
    expect(out).toContain('1 new paragraph (bracketed): 56bis after 56');
    expect(out).toContain('proposed for deletion (now bracketed): 57');
    expect(out).toContain('edited without track changes (kept as alternatives): 58');
    expect(result.stderr).toMatch(/paragraph 58: its words differ from the draft's, though Word tracked no change there/);

    const p55 = await show(dir, '55');
    expect(p55.text).toBe(before['55']?.text);
    expect(p55.alternatives.at(-1)).toMatchObject({ text: 'We seek a fair distribution of IP addresses.', proposedBy: ['EU'] });
    const p56 = await show(dir, '56');
    expect(p56.text).toBe(before['56']?.text);
    expect(p56.notes?.at(-1)).toMatchObject({ text: 'We cannot accept "management" here.', author: 'EU' });
    const p56bis = await show(dir, '56bis');
    expect(p56bis).toMatchObject({ bracketed: true, text: 'Internet governance should be multilateral, transparent and democratic.' });
    const p57 = await show(dir, '57');
    expect(p57).toMatchObject({ text: before['57']?.text, bracketed: true });
    expect(p57.notes?.at(-1)?.text).toMatch(/Proposed for deletion/);
    const p58 = await show(dir, '58');
    expect(p58.text).toBe(before['58']?.text);
    expect(p58.alternatives.at(-1)?.text).toMatch(/ and beyond\.$/);
    // The same copy again proposes nothing more.
    expect(ok(await into('--as', 'EU'))).toMatch(/^Nothing to change: eu\.docx into draft proposes nothing/);
    expect(ok(await runInProcess(['export', '--draft', dir, '--format', 'text'], { env }))).toMatch(/\[56bis\.[\s\S]*Internet governance should be multilateral[\s\S]*\n\[57\./);
  });

  it('the proposals work as any: diff and accept them, undo takes the import back whole', async () => {
    const label = (await show(dir, '55')).alternatives.at(-1)?.label as string;
    expect(ok(await runInProcess(['diff', '55', 'text', label, '--format', 'plain', '--draft', dir], { env }))).toMatch(/fair/);
    ok(await runInProcess(['accept', '55', label, '--draft', dir], { env }));
    expect((await show(dir, '55')).text).toBe('We seek a fair distribution of IP addresses.');
    ok(await runInProcess(['undo', '--draft', dir], { env }));
    ok(await runInProcess(['undo', '--draft', dir], { env }));
    for (const address of ['55', '56', '57', '58']) expect(await show(dir, address)).toEqual(before[address]);
    expect((await runInProcess(['show', '56bis', '--draft', dir], { env })).status).toBe(1);
  });

  it('without --as, a Word user delegations.yaml does not know is named as in Word; --json says it all', async () => {
    const copy = copyBundledDraft('plain', parent);
    const json = JSON.parse(ok(await runInProcess(['import', 'eu.docx', '--into', 'plain', '--json'], { env, cwd: parent }))) as Record<string, unknown>;
    expect(json).toMatchObject({ draft: 'plain', dryRun: false, added: [{ address: '56bis', after: '56' }], deletionsProposed: ['57'], untracked: ['58'] });
    expect(json['proposals']).toContainEqual(expect.objectContaining({ address: '55', proposedBy: ['EU Delegation'], untracked: false }));
    expect((await show(copy, '55')).alternatives.at(-1)?.proposedBy).toEqual(['EU Delegation']);
  });

  it('a Word user delegations.yaml names as an alias is that delegation', async () => {
    const copy = copyBundledDraft('named', parent);
    ok(await runInProcess(['delegation', 'add', 'European Union', '--alias', 'EU Delegation', '--draft', copy], { env }));
    expect(ok(await runInProcess(['import', 'eu.docx', '--into', 'named', '--as', 'Someone else'], { env, cwd: parent }))).toMatch(/European Union: 1 proposal on 55; 2 notes/);
    expect((await show(copy, '55')).alternatives.at(-1)?.proposedBy).toEqual(['European Union']);
    expect((await show(copy, '56')).notes?.at(-1)?.author).toBe('European Union');
  });

  it('options of a new text are refused with a Word copy', async () => {
    const result = await runInProcess(['import', 'eu.docx', '--into', 'draft', '--title', 'X'], { env, cwd: parent });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--title does not go with a Word copy of the draft/);
  });

  it('refuses a document whose paragraphs match none of the draft\'s (another draft\'s copy), and a folder that is not a draft; nothing changes', async () => {
    const other = join(parent, 'other');
    writeFileSync(join(parent, 'other.txt'), '901. Some other conference entirely, with words of its own.\n\n902. And a second paragraph of it.\n');
    ok(await runInProcess(['import', 'other.txt', '--out', 'other'], { env, cwd: parent }));
    ok(await runInProcess(['export', '--draft', other, '--format', 'docx', '-o', join(parent, 'other.docx')], { env }));
    const untouched = snapshotFiles(dir);
    const nothing = await runInProcess(['import', 'other.docx', '--into', 'draft'], { env, cwd: parent });
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toMatch(/other\.docx: none of its \d+ paragraphs is one of the draft's/);
    const notDraft = await runInProcess(['import', 'eu.docx', '--into', parent], { env, cwd: parent });
    expect(notDraft.status).toBe(2);
    expect(notDraft.stderr).toMatch(/is not a draft: it has no draft.yaml/);
    expect(snapshotFiles(dir)).toEqual(untouched);
  });
});
