/**
 * The commands that change a paragraph, called as functions with a fake Io on a temporary copy
 * of the bundled draft: what they print, the files they write, and that a refusal or a dry run
 * writes nothing at all.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { acceptCommand, type AcceptOptions } from '../../src/cli/commands/accept.js';
import { agreeCommand, reopenCommand } from '../../src/cli/commands/agree.js';
import { logCommand } from '../../src/cli/commands/log.js';
import { positionCommand, proposeCommand } from '../../src/cli/commands/positions.js';
import { restoreCommand } from '../../src/cli/commands/restore.js';
import { undoCommand } from '../../src/cli/commands/undo.js';
import type { Io } from '../../src/cli/io.js';
import type { NdraftError } from '../../src/diagnostics/diagnostic.js';
import { historyEntrySchema, paragraphSchema, type HistoryEntry, type Paragraph } from '../../src/model/schemas.js';
import { copyBundledDraft, editFile, removeTempDirs, temporaryLeftovers, snapshotFiles, rejection } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

type FakeIo = Io & { out: string; err: string };

function fakeIo(env: NodeJS.ProcessEnv = { NDRAFT_AUTHOR: 'Secretariat' }): FakeIo {
  const io: FakeIo = {
    cwd: tmpdir(),
    env,
    stdoutIsTTY: false,
    out: '',
    err: '',
    write: (s) => void (io.out += s),
    error: (s) => void (io.err += s),
  };
  return io;
}

const snapshot = snapshotFiles;

function readParagraph(dir: string, file: string): Paragraph {
  return paragraphSchema.parse(parse(readFileSync(join(dir, 'paragraphs', file), 'utf8')));
}

/** A paragraph file without its first line (the schema path, which depends on where the file is). */
function body(dir: string, file: string): string {
  return readFileSync(join(dir, 'paragraphs', file), 'utf8').replace(/^# yaml-language-server:.*\n/, '');
}

function historyFiles(dir: string): string[] {
  const folder = join(dir, 'history');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

function readEntry(dir: string, file: string): { text: string; entry: HistoryEntry } {
  const text = readFileSync(join(dir, 'history', file), 'utf8');
  return { text, entry: historyEntrySchema.parse(parse(text)) };
}

/** Runs a command that must fail and checks that it wrote nothing, printed nothing, left nothing. */
async function refused(dir: string, run: (io: FakeIo) => Promise<unknown>): Promise<NdraftError> {
  const before = snapshot(dir);
  const io = fakeIo();
  const error = await rejection(run(io));
  expect(snapshot(dir)).toEqual(before);
  expect(io.out).toBe('');
  expect(temporaryLeftovers(join(dir, 'paragraphs'))).toEqual([]);
  if (existsSync(join(dir, 'history'))) expect(temporaryLeftovers(join(dir, 'history'))).toEqual([]);
  return error;
}

const accept = (dir: string, number: string, label: string | undefined, options: Omit<AcceptOptions, 'draft'> = {}, io = fakeIo()) =>
  acceptCommand(number, label, { draft: dir, ...options }, io);

const ALT_3 =
  'We further underline the necessity of effective and efficient tools and mechanisms, at national and international levels, to promote international cooperation, inter alia, among law enforcement agencies on cybercrime.';

describe('a change writes its paragraph and exactly one history entry', () => {
  it('accept 61 "Alt 3" --by: the paragraph file, one history file, the summary line', async () => {
    const dir = copyBundledDraft();
    const before = snapshot(dir);
    const p61 = readParagraph(dir, '061.yaml');
    const io = fakeIo();
    expect(await accept(dir, '61', 'Alt 3', { author: 'EU delegate', message: 'as agreed in the informals' }, io)).toBe(0);

    expect(io.out).toBe('✓ Accepted "Alt 3" as the text of paragraph 61 (the former text and 2 other alternatives went to history)\nParagraph 61: no brackets left\n');
    expect(io.err).toBe('');

    const paragraphText = readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8');
    expect(paragraphText.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*paragraph\.schema\.json$/);
    const p61After = readParagraph(dir, '061.yaml');
    expect(p61After).toEqual({ ...p61, text: ALT_3, alternatives: [] });

    const after = snapshot(dir);
    const changed = Object.keys(after).filter((k) => !before[k] || !before[k].equals(after[k] as Buffer));
    const files = historyFiles(dir);
    expect(files).toHaveLength(1);
    expect(changed.sort()).toEqual([`history/${files[0]}`, 'paragraphs/061.yaml']);

    const { text, entry } = readEntry(dir, files[0] as string);
    const schemaLine = /^# yaml-language-server: \$schema=(.*)\n/.exec(text);
    expect(schemaLine).not.toBeNull();
    expect(schemaLine?.[1]).toMatch(/history-entry\.schema\.json$/);
    expect(schemaLine?.[1]).toBe('https://unpkg.com/ndraft/schemas/history-entry.schema.json');
    expect(files[0]).toBe(`${entry.id}.yaml`);
    expect(entry).toMatchObject({ author: 'EU delegate', command: 'accept 61 "Alt 3"', message: 'as agreed in the informals' });
    expect(entry).not.toHaveProperty('undoes');
    expect(Math.abs(Date.parse(entry.time) - Date.now())).toBeLessThan(60_000);
    expect(entry.changes).toEqual([{ paragraph: '61', before: p61, after: p61After }]);

    expect(temporaryLeftovers(join(dir, 'paragraphs'))).toEqual([]);
    expect(temporaryLeftovers(join(dir, 'history'))).toEqual([]);
  });

  it('takes the author from NDRAFT_AUTHOR when --by is not given or blank, and leaves out an empty message', async () => {
    const dir = copyBundledDraft();
    await accept(dir, '56', undefined, { bracket: '1', option: '2' }, fakeIo({ NDRAFT_AUTHOR: '  Chair of Subcommittee A ' }));
    await accept(dir, '76', undefined, { bracket: '1', drop: true, author: '   ', message: '' }, fakeIo({ NDRAFT_AUTHOR: 'Vice-chair' }));
    const entries = historyFiles(dir).map((f) => readEntry(dir, f).entry);
    expect(entries.map((e) => [e.author, e.command])).toEqual([
      ['Chair of Subcommittee A', 'accept 56 --bracket 1 --option 2'],
      ['Vice-chair', 'accept 76 --bracket 1 --drop'],
    ]);
    expect(entries[1]).not.toHaveProperty('message');
    expect(readParagraph(dir, '056.yaml').text).toContain('technical development of the Internet');
    expect(readParagraph(dir, '076.yaml').text).toContain('we agree that adjustments need');
  });

  it('prints one summary line per command, then the brackets as numbered now', async () => {
    const dir = copyBundledDraft();
    const said = async (run: (io: FakeIo) => Promise<number>): Promise<string> => {
      const io = fakeIo();
      expect(await run(io)).toBe(0);
      const [summary, ...numbering] = io.out.split('\n');
      expect(numbering.join('\n')).toMatch(/^(Brackets of paragraph \d+ now:\n( {2}\d+ {2}.+\n)+|Paragraph \d+: no brackets left\n)$/u);
      return `${summary}\n`;
    };
    expect(await said((io) => accept(dir, '61', undefined, { keepParagraph: true }, io))).toBe('✓ Kept paragraph 61: it is no longer bracketed as a whole\n');
    expect(await said((io) => accept(dir, '61', undefined, { bracket: '1', keep: true }, io))).toBe(
      '✓ Kept the words of bracket 1 [the importance of efficient mechanisms and effective instruments at national and international levels, and] in Alt 2 of paragraph 61\n',
    );
    expect(await said((io) => proposeCommand('61', { draft: dir, text: 'We note [the] cooperation.', by: 'EU' }, io))).toBe(
      '✓ Added "Alt 4" to paragraph 61, proposed by EU\n',
    );
    expect(await said((io) => positionCommand('support', '61', 'alt 4', { draft: dir, by: 'G77' }, io))).toBe('✓ G77 supports "Alt 4" of paragraph 61\n');
    expect(await said((io) => positionCommand('oppose', '61', 'Alt 4', { draft: dir, by: 'G77' }, io))).toBe('✓ G77 opposes "Alt 4" of paragraph 61 (it no longer supports it)\n');
    expect(await said((io) => accept(dir, '61', 'Alt 3', {}, io))).toMatch(/^✓ Accepted "Alt 3" as the text of paragraph 61 \(the former text and 3 other alternatives went to history\)\n$/);
    expect(await said((io) => restoreCommand('61', 'Alt 4', { draft: dir, as: 'EU proposal' }, io))).toMatch(
      /^✓ Restored "Alt 4" as alternative "EU proposal" of paragraph 61 \(dropped on \d{4}-\d\d-\d\d by: accept 61 "Alt 3"\)\n$/,
    );
    expect(await said((io) => agreeCommand('71', { draft: dir, item: 'a' }, io))).toBe('✓ Item a) of paragraph 71 is now agreed\n');
    expect(await said((io) => reopenCommand('71', { draft: dir, item: 'e' }, io))).toBe('✓ Item e) of paragraph 71 is open again\n');
    expect(await said((io) => reopenCommand('60', { draft: dir }, io))).toBe('✓ Paragraph 60 is open again (it was agreed)\n');
    expect(await said((io) => agreeCommand('60', { draft: dir, adRef: true }, io))).toBe('✓ Paragraph 60 is now agreed ad ref\n');
    expect(await said((io) => agreeCommand('60', { draft: dir }, io))).toBe('✓ Paragraph 60 is now agreed\n');
    expect(await said((io) => undoCommand({ draft: dir }, io))).toMatch(/^✓ Undid "agree 60" by Secretariat \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)\n$/);

    const entries = historyFiles(dir).map((f) => readEntry(dir, f).entry);
    // The person is the author; the delegation of a position is recorded as onBehalfOf.
    expect(entries.map((e) => (e.onBehalfOf === undefined ? [e.command, e.author] : [e.command, e.author, e.onBehalfOf]))).toEqual([
      ['accept 61 --keep-paragraph', 'Secretariat'],
      ['accept 61 --bracket 1 --keep', 'Secretariat'],
      ['propose 61 --text "We note [the] cooperation." --by EU', 'Secretariat', 'EU'],
      ['support 61 "alt 4" --by G77', 'Secretariat', 'G77'],
      ['oppose 61 "Alt 4" --by G77', 'Secretariat', 'G77'],
      ['accept 61 "Alt 3"', 'Secretariat'],
      ['restore 61 "Alt 4" --as "EU proposal"', 'Secretariat'],
      ['agree 71 --item a', 'Secretariat'],
      ['reopen 71 --item e', 'Secretariat'],
      ['reopen 60', 'Secretariat'],
      ['agree 60 --ad-ref', 'Secretariat'],
      ['agree 60', 'Secretariat'],
      ['undo', 'Secretariat'],
    ]);
    expect(readParagraph(dir, '060.yaml').status).toBe('agreed-ad-ref');
    expect(readParagraph(dir, '061.yaml').alternatives).toEqual([
      { label: 'EU proposal', text: 'We note [the] cooperation.', proposedBy: ['EU'], opposedBy: ['G77'] },
    ]);
    expect(temporaryLeftovers(join(dir, 'paragraphs'))).toEqual([]);
    expect(temporaryLeftovers(join(dir, 'history'))).toEqual([]);
  });
});

describe('--dry-run writes nothing', () => {
  it('shows what accept would do', async () => {
    const dir = copyBundledDraft();
    const before = snapshot(dir);
    const io = fakeIo();
    expect(await accept(dir, '61', 'Alt 3', { dryRun: true }, io)).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, 'history'))).toBe(false);
    expect(io.out.split('\n')[0]).toBe(
      'Dry run, nothing written. Would have: accepted "Alt 3" as the text of paragraph 61 (the former text and 2 other alternatives went to history)',
    );
    expect(io.out).toContain('\n- [Alt 1 61.\n');
    expect(io.out).toContain(`\n  ${ALT_3}`);
  });

  it('for every command that changes a paragraph, undo included', async () => {
    const dir = copyBundledDraft();
    await accept(dir, '56', undefined, { bracket: '1', option: '2' });
    const before = snapshot(dir);
    const runs: ((io: FakeIo) => Promise<number>)[] = [
      (io) => accept(dir, '76', undefined, { bracket: '1', drop: true, dryRun: true }, io),
      (io) => accept(dir, '61', undefined, { dropParagraph: true, dryRun: true }, io),
      (io) => agreeCommand('56', { draft: dir, dryRun: true }, io),
      (io) => reopenCommand('60', { draft: dir, dryRun: true }, io),
      (io) => proposeCommand('61', { draft: dir, text: 'Other.', by: 'EU', dryRun: true }, io),
      (io) => positionCommand('support', '61', 'Alt 1', { draft: dir, by: 'EU', dryRun: true }, io),
      (io) => restoreCommand('56', 'text', { draft: dir, dryRun: true }, io),
      (io) => undoCommand({ draft: dir, dryRun: true }, io),
    ];
    for (const run of runs) {
      const io = fakeIo();
      expect(await run(io)).toBe(0);
      expect(io.out).toMatch(/^Dry run, nothing written\. Would have: /);
      expect(snapshot(dir)).toEqual(before);
    }
    expect(historyFiles(dir)).toHaveLength(1);
  });
});

describe('a refused change writes nothing and throws NdraftError', () => {
  it('an unknown paragraph', async () => {
    const dir = copyBundledDraft();
    const error = await refused(dir, (io) => accept(dir, '99', 'Alt 1', {}, io));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('no paragraph 99 in this draft (its 38 paragraphs run from 39 to 76); nearest: 76');
    expect((await refused(dir, (io) => agreeCommand('061', { draft: dir }, io))).message).toBe(
      'no paragraph 061 in this draft (its 38 paragraphs run from 39 to 76); did you mean 61?',
    );
  });

  it('an agreed paragraph is locked: accept, propose, agree --item on 60', async () => {
    const dir = copyBundledDraft();
    const locked = 'paragraph 60 is agreed and locked; reopen it first with "ndraft reopen 60"';
    for (const run of [
      (io: FakeIo) => accept(dir, '60', 'Alt 1', {}, io),
      (io: FakeIo) => accept(dir, '60', undefined, { bracket: '1', drop: true }, io),
      (io: FakeIo) => proposeCommand('60', { draft: dir, text: 'Other wording.', by: 'EU' }, io),
      (io: FakeIo) => agreeCommand('60', { draft: dir, item: 'a' }, io),
      (io: FakeIo) => restoreCommand('60', 'text', { draft: dir }, io),
    ]) {
      const error = await refused(dir, run);
      expect(error.kind).toBe('input');
      expect(error.message).toBe(locked);
    }
    expect((await refused(dir, (io) => agreeCommand('60', { draft: dir }, io))).message).toBe('paragraph 60 is already agreed');
  });

  it('a bad bracket or bad options', async () => {
    const dir = copyBundledDraft();
    const outOfRange = await refused(dir, (io) => accept(dir, '76', undefined, { bracket: '2', drop: true }, io));
    expect([outOfRange.kind, outOfRange.message]).toEqual(['input', 'paragraph 76 has no bracket 2; its brackets are numbered 1 to 1 (see "ndraft show 76")']);
    const unknownWords = await refused(dir, (io) => accept(dir, '56', undefined, { bracket: 'x', drop: true }, io));
    expect([unknownWords.kind, unknownWords.message]).toEqual(['input', 'paragraph 56 has no bracket with the words "x"; its brackets are 1 [management/development]']);
    const usage: [Omit<AcceptOptions, 'draft'>, string | undefined, string][] = [
      [{ bracket: ' ', drop: true }, undefined, '--bracket takes a number from 1 or the words of a bracket, not ""'],
      [{ bracket: '0', drop: true }, undefined, '--bracket takes a number from 1, not "0"'],
      [{ bracket: '1', option: 'two' }, undefined, 'bracket 1 [management/development] has no label; choose its option by number (--option 1 to 2)'],
      [{ bracket: '1' }, undefined, 'with --bracket N, give exactly one of --keep, --drop or --option K'],
      [{ bracket: '1', keep: true, drop: true }, undefined, 'with --bracket N, give exactly one of --keep, --drop or --option K'],
      [{ bracket: '1', keep: true }, undefined, 'bracket 1 [management/development] offers 2 options; choose one with --option 1 to 2'],
      [{ bracket: '1', option: '3' }, undefined, 'bracket 1 [management/development] has options 1 to 2; there is no option 3'],
      [{ bracket: '1', drop: true }, 'Alt 1', 'say what to accept: an alternative label, --bracket N with --keep, --drop or --option K, --span N with --keep or --drop, or --keep-paragraph / --drop-paragraph (one of them)'],
      [{}, undefined, 'say what to accept: an alternative label, --bracket N with --keep, --drop or --option K, --span N with --keep or --drop, or --keep-paragraph / --drop-paragraph (one of them)'],
    ];
    for (const [options, label, message] of usage) {
      const error = await refused(dir, (io) => accept(dir, '56', label, options, io));
      expect([error.kind, error.message]).toEqual(['usage', message]);
    }
  });

  it('an unknown alternative, a paragraph not bracketed as a whole, a clashing label', async () => {
    const dir = copyBundledDraft();
    expect((await refused(dir, (io) => accept(dir, '61', 'Alt 9', {}, io))).message).toBe(
      'paragraph 61 has no alternative "Alt 9"; its alternatives are "Alt 1", "Alt 2", "Alt 3"',
    );
    expect((await refused(dir, (io) => accept(dir, '56', undefined, { keepParagraph: true }, io))).message).toBe(
      'paragraph 56 is not bracketed as a whole; there is nothing to keep or drop',
    );
    expect((await refused(dir, (io) => proposeCommand('61', { draft: dir, text: 'x', label: 'alt 1', by: 'EU' }, io))).message).toBe(
      'paragraph 61 already has an alternative "alt 1"; choose another --label',
    );
    expect((await refused(dir, (io) => proposeCommand('61', { draft: dir, text: 'x [y', by: 'EU' }, io))).message).toBe(
      'the proposed text does not parse: opening bracket "[" is never closed at column 3',
    );
    expect((await refused(dir, (io) => proposeCommand('71', { draft: dir, text: 'x', item: 'e', by: 'EU' }, io))).message).toBe(
      'item e) of paragraph 71 is agreed and locked; reopen it first with "ndraft reopen 71 --item e"',
    );
    expect((await refused(dir, (io) => positionCommand('oppose', '71', 'Alt 9', { draft: dir, by: 'EU' }, io))).kind).toBe('input');
    expect((await refused(dir, (io) => reopenCommand('56', { draft: dir }, io))).message).toBe('paragraph 56 is already open');
  });

  it('agree with open places: one UNRESOLVED diagnostic per place', async () => {
    const dir = copyBundledDraft();
    const error = await refused(dir, (io) => agreeCommand('61', { draft: dir }, io));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('paragraph 61 cannot be agreed: 5 places are unresolved');
    expect(error.diagnostics.map((d) => d.code)).toEqual(['UNRESOLVED', 'UNRESOLVED', 'UNRESOLVED', 'UNRESOLVED', 'UNRESOLVED']);
    const item = await refused(dir, (io) => agreeCommand('71', { draft: dir, item: 'f' }, io));
    expect(item.diagnostics.map((d) => d.message)).toEqual(['alternative "Alt 71g1" of item f)', 'alternative "Alt 71g2" of item f)']);
  });

  it('restore and undo with no history', async () => {
    const dir = copyBundledDraft();
    expect((await refused(dir, (io) => restoreCommand('61', 'Alt 1', { draft: dir }, io))).message).toBe('history holds no dropped wording of paragraph 61');
    expect((await refused(dir, (io) => undoCommand({ draft: dir }, io))).message).toBe(
      'there is nothing to undo: no change is recorded that has not been undone',
    );
  });

  it('undo of a change the paragraph has moved on from', async () => {
    const dir = copyBundledDraft();
    await accept(dir, '76', undefined, { bracket: '1', drop: true });
    editFile(dir, 'paragraphs/076.yaml', (text) => text.replace('Possible forum.', 'A possible forum.'));
    const error = await refused(dir, (io) => undoCommand({ draft: dir }, io));
    expect(error.message).toMatch(/^paragraph 76 has changed since "accept 76 --bracket 1 --drop" \(.*\); undoing it would lose the later change\. See "ndraft log 76"$/);
  });

  it('a draft with a broken history file', async () => {
    const dir = copyBundledDraft();
    await accept(dir, '76', undefined, { bracket: '1', drop: true });
    writeFileSync(join(dir, 'history', '20990101T000000000Z-0001.yaml'), 'id: [unclosed\n');
    for (const run of [(io: FakeIo) => undoCommand({ draft: dir }, io), (io: FakeIo) => restoreCommand('76', 'text', { draft: dir }, io), (io: FakeIo) => logCommand(undefined, { draft: dir }, io)]) {
      const error = await refused(dir, run);
      expect(error.message).toBe('the history has files that cannot be read (see "ndraft validate")');
      expect(error.diagnostics.length).toBeGreaterThan(0);
      expect(error.diagnostics.every((d) => d.file === join(dir, 'history', '20990101T000000000Z-0001.yaml'))).toBe(true);
    }
  });
});

describe('undo on a long history', () => {
  it('reads the history from the newest entry back, only as far as the change it reverts: an older broken file does not stop it', async () => {
    const dir = copyBundledDraft();
    await accept(dir, '76', undefined, { bracket: '1', drop: true });
    const broken = join(dir, 'history', '20000101T000000000Z-0001.yaml');
    writeFileSync(broken, 'id: [unclosed\n');
    const io = fakeIo();
    expect(await undoCommand({ draft: dir }, io)).toBe(0);
    expect(io.out).toContain('Undid "accept 76 --bracket 1 --drop"');
    // Further back, the broken file is met: refused, naming it.
    const error = await refused(dir, (io2) => undoCommand({ draft: dir }, io2));
    expect(error.message).toBe('the history has files that cannot be read (see "ndraft validate")');
    expect(error.diagnostics.every((d) => d.file === broken)).toBe(true);
  });
});

describe('undo and log', () => {
  it('undo reverts the newest change, then the one before; log marks them undone, newest first', async () => {
    const dir = copyBundledDraft();
    const original56 = body(dir, '056.yaml');
    const original76 = body(dir, '076.yaml');
    await accept(dir, '56', undefined, { bracket: '1', option: '2', author: 'Chair' });
    await accept(dir, '76', undefined, { bracket: '1', drop: true, author: 'Chair' });
    const changed56 = body(dir, '056.yaml');

    // Chair's changes, undone by someone else: --force.
    await undoCommand({ draft: dir, author: 'Facilitator', force: true }, fakeIo());
    expect(body(dir, '076.yaml')).toBe(original76);
    expect(body(dir, '056.yaml')).toBe(changed56);
    const [first, second, third] = historyFiles(dir).map((f) => readEntry(dir, f).entry);
    expect(third).toMatchObject({ command: 'undo', author: 'Facilitator', undoes: second?.id });
    expect(third?.changes).toEqual([{ paragraph: '76', before: second?.changes[0]?.after, after: second?.changes[0]?.before }]);

    await undoCommand({ draft: dir, force: true }, fakeIo());
    expect(body(dir, '056.yaml')).toBe(original56);
    expect(historyFiles(dir)).toHaveLength(4);
    expect(readEntry(dir, historyFiles(dir)[3] as string).entry.undoes).toBe(first?.id);
    expect((await refused(dir, (io) => undoCommand({ draft: dir }, io))).message).toMatch(/^there is nothing to undo/);

    const io = fakeIo();
    expect(await logCommand(undefined, { draft: dir }, io)).toBe(0);
    const heads = io.out.split('\n').filter((line) => /^\d{8}T/.test(line));
    const ids = historyFiles(dir).map((f) => f.slice(0, -'.yaml'.length)).reverse();
    expect(heads).toEqual([ids[0], ids[1], `${ids[2]} (undone)`, `${ids[3]} (undone)`]);
    expect(io.out).toMatch(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}Facilitator {2}undo$/m);
    expect(io.out).toMatch(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}Chair {2}accept 76 --bracket 1 --drop$/m);
    expect(io.out).toContain('  76: text reworded; 1 → 0 brackets\n');
    expect(io.out).toContain('  56: text reworded; 0 → 1 brackets\n');

    const only56 = fakeIo();
    await logCommand('56', { draft: dir }, only56);
    expect(only56.out.split('\n').filter((line) => /^\d{8}T/.test(line))).toEqual([ids[0], `${ids[3]} (undone)`]);

    const json = fakeIo();
    await logCommand(undefined, { draft: dir, json: true, limit: '2' }, json);
    expect((JSON.parse(json.out) as HistoryEntry[]).map((e) => e.command)).toEqual(['undo', 'undo']);

    const limited = fakeIo();
    await logCommand(undefined, { draft: dir, limit: '1' }, limited);
    expect(limited.out.split('\n').filter((line) => /^\d{8}T/.test(line))).toEqual([ids[0]]);
  });

  it('log says when nothing is recorded yet, and refuses an unknown paragraph', async () => {
    const dir = copyBundledDraft();
    const io = fakeIo();
    await logCommand(undefined, { draft: dir }, io);
    expect(io.out).toBe('No changes recorded yet.\n');
    const one = fakeIo();
    await logCommand('56', { draft: dir }, one);
    expect(one.out).toBe('No changes recorded for paragraph 56.\n');
    expect((await refused(dir, (io2) => logCommand('99', { draft: dir }, io2))).message).toMatch(/^no paragraph 99 in this draft/);
  });

  it('log --limit abc is a usage error', async () => {
    const dir = copyBundledDraft();
    await accept(dir, '76', undefined, { bracket: '1', drop: true });
    const io = fakeIo();
    const error = await rejection(logCommand(undefined, { draft: dir, limit: 'abc' }, io));
    expect(error.kind).toBe('usage');
  });
});
