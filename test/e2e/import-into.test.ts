/**
 * `import --into` end to end with the built binary: the seed imported and worked on (positions,
 * a note, an agreement), snapshotted as Rev.1; then the chair's Rev.2, the same text edited (an
 * agreed paragraph reworded, a paragraph inserted that renumbers the rest, one dropped), imported
 * into the draft. Each step runs after the one before, on one draft.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs, REPO_ROOT, runInProcess, SEED_TEXT, snapshotFiles, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const parent = makeTempDir('into');
const dir = join(parent, 'draft');
const rev1 = join(parent, 'rev1.txt');
const rev2 = join(parent, 'rev2.txt');
const env = { NDRAFT_AUTHOR: 'Secretariat' };
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env });
/** Run where the texts are, as a secretariat would: paths in messages are short. */
const into = (...args: string[]): Promise<RunResult> => runInProcess(['import', 'rev2.txt', '--into', 'draft', ...args], { env, cwd: parent });

function ok(result: RunResult): string {
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/**
 * The chair's Rev.2, from the text of Rev.1: paragraph 42 (agreed) reworded, a new paragraph
 * 48 after 47 (so 48 to 76 are printed one higher, their alternatives' labels too), and 75
 * dropped. Made on the text's lines, as a person edits a copy.
 */
function chairsRev2(text: string): string {
  const out: string[] = [];
  let dropping = false;
  for (const line of text.split('\n')) {
    if (/^75\.$/u.test(line.trim())) dropping = true;
    else if (dropping && /^\d+\.\s*$/u.test(line.trim())) dropping = false;
    if (dropping) continue;
    const renumbered = line
      .replace(/^(\[?(?:Alt \d )?)(\d+)\./u, (all, lead: string, n: string) => (Number(n) >= 48 && Number(n) <= 76 ? `${lead}${Number(n) + 1}.` : all))
      .replace(/^\[Alt 71g/u, '[Alt 72g')
      .replace('We thank the UN Secretary-General', 'We warmly thank the UN Secretary-General');
    out.push(renumbered);
    if (line.startsWith('We seek to improve the coordination')) out.push('48.', 'We invite all stakeholders to contribute to capacity-building on Internet governance in developing countries.');
  }
  return out.join('\n');
}

interface ShowJson {
  address: string;
  number: string;
  status: string;
  text: string;
}
const show = async (address: string, draft = dir): Promise<ShowJson> => JSON.parse(ok(await runInProcess(['show', address, '--json', '--draft', draft], { env }))) as ShowJson;

describe('import --into: the chair\'s next revision into a draft worked on', () => {
  it('the seed imported, worked on and snapshotted as Rev.1; Rev.2 made from its text', async () => {
    copyFileSync(SEED_TEXT, rev1);
    ok(await runInProcess(['import', rev1, '--out', dir], { env }));
    ok(await ndraft('support', '61', 'Alt 3', '--by', 'US'));
    ok(await ndraft('note', '58', 'Chair to consult informally'));
    ok(await ndraft('agree', '58'));
    ok(await ndraft('support', '76', '--bracket', '1', '--by', 'EU'));
    ok(await ndraft('snapshot', 'Rev.1'));
    writeFileSync(rev2, chairsRev2(readFileSync(rev1, 'utf8')));
  });

  it('--dry-run reports what would change, flags the agreed paragraph reworded, and writes nothing', async () => {
    const files = snapshotFiles(dir);
    const dry = await into('--as', 'Rev.2', '--dry-run', '--json');
    const report = JSON.parse(ok(dry));
    expect(dry.stderr).toContain('AGREED TEXT REWORDED: warning: paragraph 42 was agreed');
    expect(report).toMatchObject({ revision: 'Rev.2', dryRun: true, paragraphs: 38, matchedByNumber: 9, matchedByContent: 28, removed: ['75'], added: ['48-rev2'] });
    expect(report.agreedReworded).toEqual([
      expect.objectContaining({ address: '42', before: '42', after: '42', stillAgreed: true, diffs: [{ name: 'text', changes: expect.arrayContaining([{ type: 'insert', text: ' warmly' }]) }] }),
    ]);
    expect(report.removedWithWork).toEqual([{ address: '75', what: ['agreed'] }]);
    expect(snapshotFiles(dir)).toEqual(files);
  });

  it('imports Rev.2: paragraphs updated, positions and notes kept, the agreed paragraph reworded said loudly', async () => {
    const result = await into('--as', 'Rev.2');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'AGREED TEXT REWORDED: warning: paragraph 42 was agreed, and the new text rewords it; the new text still marks it agreed [AGREED_REWORDED]\n  text: We {+warmly+} thank the UN Secretary-General',
    );
    expect(result.stderr).toContain('warning: paragraph 75 is not in the new text: removed, and with it what was set on it (agreed); history keeps it ("ndraft log 75") [REMOVED_WITH_WORK]');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Imported rev2.txt into draft as revision Rev.2');
    expect(lines).toContain('  paragraphs    38: 9 matched by number, 28 by content (renumbered), 1 new');
    expect(lines).toContain('  added         1: 48-rev2');
    expect(lines).toContain('  removed       1: 75');
    expect(lines).toContain('  kept agreed   1 (same wording; the new text marks none): 58');
    expect(lines).toContain('  agreed, now reworded 1: 42');
    expect(lines).toContain('What changed: ndraft compare Rev.1 Rev.2 --draft draft');

    // Addresses stay; numbers are Rev.2's. What was set in ndraft is still there.
    expect(await show('61')).toMatchObject({ address: '61', number: '62', alternatives: expect.arrayContaining([expect.objectContaining({ label: 'Alt 3', supportedBy: ['US'] })]) });
    expect(await show('58')).toMatchObject({ number: '59', status: 'agreed', notes: [expect.objectContaining({ text: 'Chair to consult informally', author: 'Secretariat' })] });
    expect(await show('76')).toMatchObject({ number: '77', bracketPositions: [{ in: 'text', bracket: '[some]', supportedBy: ['EU'] }] });
    expect(await show('48-rev2')).toMatchObject({ number: '48', status: 'open' });
    // 75 is gone (its address; "show 75" now names the paragraph printed 75, address 74).
    expect(existsSync(join(dir, 'paragraphs', '075.yaml'))).toBe(false);
    expect(await show('75')).toMatchObject({ address: '74', number: '75' });
  });

  it('compare Rev.1 Rev.2 shows what the chair changed', async () => {
    const compared = JSON.parse(ok(await ndraft('compare', 'Rev.1', 'Rev.2', '--format', 'json')));
    expect(compared.summary).toEqual({
      paragraphsChanged: 31,
      bracketsRemoved: 0,
      bracketsAdded: 0,
      reworded: 1,
      alternativesAccepted: 0,
      alternativesAdded: 2,
      alternativesDropped: 2,
      newlyAgreed: 0,
      reopened: 0,
      deleted: 1,
      added: 1,
      renumbered: 28,
      moved: 0,
    });
    expect(compared.summaryLine).toBe('31 paragraphs changed: 1 reworded, 2 alternatives added, 2 alternatives dropped, 1 deleted, 1 added, 28 renumbered');
    const kinds = new Map(compared.paragraphs.map((p: { before?: { address: string }; after?: { address: string }; kinds: string[] }) => [(p.after ?? p.before)?.address, p.kinds]));
    expect(kinds.get('42')).toEqual(['reworded']);
    expect(kinds.get('48-rev2')).toEqual(['added']);
    expect(kinds.get('75')).toEqual(['deleted']);
    expect(kinds.get('71')).toEqual(['renumbered', 'alternatives']);
    expect(ok(await ndraft('compare', 'Rev.2'))).toContain('No paragraph changed');
    // Revision Rev.2's figures are the draft's as status counts them.
    const status = JSON.parse(ok(await ndraft('status', '--json')));
    const rev2Figures = JSON.parse(ok(await ndraft('revisions', '--json'))).find((r: { name: string }) => r.name === 'Rev.2').figures;
    expect(rev2Figures).toMatchObject({ paragraphs: 38, agreed: status.paragraphs.agreed, open: status.paragraphs.open, brackets: status.brackets, alternatives: status.alternatives });
    expect(ok(await ndraft('log', '42', '-n', '1'))).toContain('import rev2.txt --into . --as Rev.2');
    expect(ok(await ndraft('validate')).split('\n').at(-2)).toMatch(/^✓ valid/);
  });

  it('undo takes the whole import back, revision Rev.2 included, so it can be imported again', async () => {
    const undone = ok(await ndraft('undo'));
    expect(undone).toMatch(/^✓ Undid "import .* --as Rev\.2" by Secretariat \(.*\) and removed revision Rev\.2, which it recorded\n/);
    expect(ok(await ndraft('compare', 'Rev.1'))).toContain('No paragraph changed');
    expect(JSON.parse(ok(await ndraft('revisions', '--json'))).map((r: { name: string }) => r.name)).toEqual(['import', 'Rev.1']);
    ok(await into('--as', 'Rev.2'));
    expect((await show('61')).number).toBe('62');
    // The same text again changes nothing: the revision alone is recorded, and there is nothing new to undo.
    const entries = readdirSync(join(dir, 'history')).length;
    const again = ok(await into('--as', 'Rev.2b'));
    expect(again).toContain('  unchanged     38');
    expect(readdirSync(join(dir, 'history'))).toHaveLength(entries);
    expect(JSON.parse(ok(await ndraft('compare', 'Rev.2', 'Rev.2b', '--format', 'json'))).summaryLine).toBe('No paragraph changed');
  });

  it('refuses bad input with a clear message, exit non-zero, and changes nothing', async () => {
    const files = snapshotFiles(dir);
    const refused = (result: RunResult, status: number, stderr: RegExp) => {
      expect(result.status, result.stderr).toBe(status);
      expect(result.stderr).toMatch(stderr);
      expect(result.stderr).not.toContain('internal error');
    };
    refused(await runInProcess(['import', rev2, '--into', join(parent, 'nowhere'), '--as', 'Rev.3'], { env }), 2, /--into .*nowhere: no such folder/);
    refused(await into(), 2, /--into needs --as <name>/);
    refused(await into('--as', 'rev.2'), 1, /there is already a revision "Rev\.2"; record this text under another name \(--as\)/);
    refused(await into('--as', 'Rev.3', '--out', join(parent, 'other')), 2, /--out, --force and --discard-history are for a new draft/);
    refused(await into('--as', 'Rev.3', '--force'), 2, /--out, --force and --discard-history are for a new draft/);
    refused(await runInProcess(['import', rev2, '--out', join(parent, 'other'), '--as', 'Rev.3'], { env }), 2, /--as goes with --into/);
    refused(await runInProcess(['import', rev2], { env }), 2, /give --out <dir> for a new draft, or --into <draft> --as <name>/);
    const broken = join(parent, 'broken.txt');
    writeFileSync(broken, Buffer.concat([Buffer.from('1. Introduction\n\n39. One text.\n\n39. '), Buffer.from([0xd0, 0xf0, 0xe8, 0xec, 0xe5, 0xf0]), Buffer.from(' again.\n')]));
    refused(await runInProcess(['import', broken, '--into', dir, '--as', 'Rev.3'], { env }), 1, /broken\.txt:5:5: .*not valid UTF-8/);
    expect(snapshotFiles(dir)).toEqual(files);
  });

  it('undo keeps a revision recorded again since the import, and says so', async () => {
    ok(await ndraft('snapshot', 'Rev.2', '--force', '-m', 'as read out in plenary'));
    expect(ok(await ndraft('undo'))).toMatch(/^✓ Undid "import rev2\.txt --into \. --as Rev\.2" by Secretariat \(.*\); revision Rev\.2 stays: it was recorded again since\n/);
    expect(JSON.parse(ok(await ndraft('revisions', '--json'))).map((r: { name: string }) => r.name)).toContain('Rev.2');
    expect(ok(await ndraft('compare', 'Rev.1'))).toContain('No paragraph changed');
  });
});

describe('import --into a PDF: the chair\'s next revision as the conference website posts it', () => {
  it('reads the PDF as import does, and finds the same changes as from the text', async () => {
    const base = makeTempDir('into-pdf');
    const text = join(base, 'rev2.txt');
    writeFileSync(text, chairsRev2(readFileSync(SEED_TEXT, 'utf8')));
    // The chair's Rev.2 as a PDF: the text imported, and printed by ndraft.
    ok(await runInProcess(['import', text, '--out', join(base, 'rev2')], { env }));
    ok(await runInProcess(['export', '--draft', join(base, 'rev2'), '--format', 'pdf', '-o', join(base, 'rev2.pdf')], { env }));
    for (const name of ['by-text', 'by-pdf']) ok(await runInProcess(['import', SEED_TEXT, '--out', join(base, name)], { env }));
    ok(await runInProcess(['import', text, '--into', join(base, 'by-text'), '--as', 'Rev.2'], { env }));
    expect(ok(await runInProcess(['import', join(base, 'rev2.pdf'), '--into', join(base, 'by-pdf'), '--as', 'Rev.2'], { env }))).toMatch(/^Imported .*rev2\.pdf into .*by-pdf as revision Rev\.2\n/);
    const summary = async (name: string) => ok(await runInProcess(['compare', 'import', 'Rev.2', '--draft', join(base, name)], { env })).split('\n').slice(0, 3);
    expect(await summary('by-pdf')).toEqual(await summary('by-text'));
    expect((await summary('by-pdf'))[1]).toMatch(/^\d+ paragraphs changed: /);
  }, 60_000);
});

/** A chair's text typed in Word, its paragraphs numbered by Word's list numbering (not ndraft's export). */
async function chairsWordText(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({
    creator: 'Chair',
    numbering: { config: [{ reference: 'paras', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1, alignment: AlignmentType.START }] }] },
    sections: [{ children: paragraphs.map((text) => new Paragraph({ text, numbering: { reference: 'paras', level: 0 } })) }],
  });
  return Packer.toBuffer(document);
}

describe('import --into a Word document ndraft did not write: the chair\'s next revision', () => {
  it('reads it as the next text, recorded as the revision named, not as a delegation\'s proposals', async () => {
    const base = makeTempDir('into-word');
    writeFileSync(join(base, 'rev1.docx'), await chairsWordText(['Parties shall cooperate.', 'Parties shall [report] annually.', 'The secretariat shall assist.']));
    writeFileSync(join(base, 'rev2.docx'), await chairsWordText(['Parties shall cooperate closely.', 'Parties shall report annually.', 'The secretariat shall assist.', 'This decision applies at once.']));
    ok(await runInProcess(['import', 'rev1.docx', '--out', 'draft'], { env, cwd: base }));
    const bare = await runInProcess(['import', 'rev2.docx', '--into', 'draft'], { env, cwd: base });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('rev2.docx is a Word document ndraft did not write, so it is read as the next revision of the text: give --as <name>');
    expect(ok(await runInProcess(['import', 'rev2.docx', '--into', 'draft', '--as', 'Rev.2'], { env, cwd: base }))).toMatch(/^Imported rev2\.docx into draft as revision Rev\.2\n/);
    const compared = ok(await runInProcess(['compare', 'import', 'Rev.2', '--draft', join(base, 'draft')], { env }));
    expect(compared).toMatch(/^Compare import → Rev\.2\n3 paragraphs changed: 1 bracket removed, 1 reworded, 1 added\n/);
    expect(JSON.parse(ok(await runInProcess(['show', '2', '--json', '--draft', join(base, 'draft')], { env }))).text).toBe('Parties shall report annually.');
  }, 60_000);
});

describe('import --into a draft imported with --conventions', () => {
  const es = join(REPO_ROOT, 'test', 'fixtures', 'conventions');

  it('reads the later text with the spellings stored in draft.yaml', async () => {
    const draft = join(makeTempDir('into-es'), 'es');
    ok(await runInProcess(['import', join(es, 'borrador-es.txt'), '--out', draft, '--conventions', join(es, 'convenciones.yaml')], { env }));
    const later = join(draft, '..', 'borrador-es-rev2.txt');
    writeFileSync(later, readFileSync(join(es, 'borrador-es.txt'), 'utf8').replace('1. Las Partes movilizarán recursos financieros.', '1. Las Partes movilizarán recursos financieros. (Acordado)'));
    const result = await runInProcess(['import', later, '--into', draft, '--as', 'Rev.2'], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('  updated       1: art2-1');
    expect(await show('art2-1', draft)).toMatchObject({ status: 'agreed', text: 'Las Partes movilizarán recursos financieros.' });
    expect(JSON.parse(ok(await runInProcess(['compare', 'import', 'Rev.2', '--format', 'json', '--draft', draft], { env }))).summaryLine).toBe('1 paragraph changed: 1 newly agreed');
  });

  it('reads a --conventions file given to --into itself, and refuses one that cannot be read, changing nothing', async () => {
    const draft = join(makeTempDir('into-es-given'), 'es');
    ok(await runInProcess(['import', join(es, 'borrador-es.txt'), '--out', draft, '--conventions', join(es, 'convenciones.yaml')], { env }));
    const later = join(draft, '..', 'borrador-es-rev2.txt');
    writeFileSync(later, readFileSync(join(es, 'borrador-es.txt'), 'utf8').replace('1. Las Partes movilizarán recursos financieros.', '1. Las Partes movilizarán recursos financieros. (Acordado)'));
    const before = snapshotFiles(draft);
    const missing = await runInProcess(['import', later, '--into', draft, '--as', 'Rev.2', '--conventions', join(es, 'missing.yaml')], { env });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('missing.yaml');
    expect(snapshotFiles(draft)).toEqual(before);
    const result = await runInProcess(['import', later, '--into', draft, '--as', 'Rev.2', '--conventions', join(es, 'convenciones.yaml')], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('  updated       1: art2-1');
  });
});

describe('import --into with a real draft of the corpus', () => {
  it('a later text that drops an unnumbered paragraph and a bracket keeps the others\' addresses', async () => {
    const source = join(REPO_ROOT, 'test', 'fixtures', 'corpus', '04-unfccc-sb41-response-measures-draft-decision.txt');
    const draft = join(makeTempDir('into-corpus'), 'sb41');
    ok(await runInProcess(['import', source, '--out', draft], { env }));
    const before = JSON.parse(ok(await runInProcess(['export', '--format', 'json', '--draft', draft], { env })));
    const later = join(draft, '..', 'rev2.txt');
    writeFileSync(later, readFileSync(source, 'utf8').replace(/\t+\[Recalling the ultimate objective of the Convention,\]\r?\n/u, '').replace(' [until 2015]', ''));
    const result = await runInProcess(['import', later, '--into', draft, '--as', 'Rev.2'], { env });
    expect(result.status, result.stderr).toBe(0);
    // The unnumbered paragraphs after the one dropped are pp5, pp6… again in the new text: paired by their words.
    expect(result.stdout).toContain('  paragraphs    23: 13 matched by number, 10 by content (renumbered), 0 new');
    const after = JSON.parse(ok(await runInProcess(['export', '--format', 'json', '--draft', draft], { env })));
    expect(after.paragraphs.length).toBe(before.paragraphs.length - 1);
    // Every paragraph left keeps the address it had: none was taken for new.
    const addresses = new Set(before.paragraphs.map((p: { address: string }) => p.address));
    expect(after.paragraphs.filter((p: { address: string }) => !addresses.has(p.address))).toEqual([]);
    const compared = JSON.parse(ok(await runInProcess(['compare', 'import', 'Rev.2', '--format', 'json', '--draft', draft], { env })));
    expect(compared.summaryLine).toBe('2 paragraphs changed: 2 brackets removed, 1 deleted');
  });
});
