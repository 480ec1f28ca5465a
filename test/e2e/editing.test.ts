/**
 * The editing commands end to end with the built binary (issue 13, part 4): each one on a copy of
 * the bundled draft, then `undo`, `--dry-run`, and bad input refused with its exit code and no
 * change on disk. `npm test` builds dist/ first.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, copyBundledDraft, makeTempDir, removeTempDirs, runInProcess, runNdraft, snapshotFiles, withoutBracketList, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const AUTHOR = { NDRAFT_AUTHOR: 'Secretariat' };
const on = (dir: string, env: Record<string, string> = {}) => (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { ...AUTHOR, ...env } });

function ok(result: RunResult): string {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return withoutBracketList(result.stdout);
}

/** Runs `args`, expects the exit code, and that nothing in the draft changed. */
async function refused(dir: string, status: number, ...args: string[]): Promise<string> {
  const before = snapshotFiles(dir);
  const result = await on(dir)(...args);
  expect(result.status, result.stderr).toBe(status);
  expect(snapshotFiles(dir)).toEqual(before);
  return result.stderr;
}

/** Runs a command, checks the draft validates, then that `undo` gives back every file as it was. */
async function undoable(dir: string, ...args: string[]): Promise<string> {
  const before = snapshotFiles(dir);
  const out = ok(await on(dir)(...args));
  expect((await on(dir)('validate')).status).toBe(0);
  expect(snapshotFiles(dir)).not.toEqual(before);
  // --force: some of these changes are signed by someone else (section note --by Chair).
  ok(await on(dir)('undo', '--force'));
  const now = snapshotFiles(dir);
  for (const name of Object.keys(before)) expect(now[name], name).toEqual(before[name]);
  expect(Object.keys(now).filter((name) => !name.startsWith('history/'))).toEqual(Object.keys(before).filter((name) => !name.startsWith('history/')));
  return out;
}

describe('add', () => {
  it('adds a paragraph after another, listed in the outline, and undo removes it', async () => {
    const dir = copyBundledDraft();
    const ndraft = on(dir);
    const out = await undoable(dir, 'add', '61bis', '--after', '61', '--text', 'We note the [growing] threat of spam.');
    expect(out).toBe('✓ Added paragraph 61bis after 61 in section 3b\n');
    ok(await ndraft('add', '61bis', '--after', '61', '--text', 'We note the [growing] threat of spam.'));
    expect(readFileSync(join(dir, 'paragraphs', '061bis.yaml'), 'utf8')).toContain('text: We note the [growing] threat of spam.');
    expect(readFileSync(join(dir, 'draft.yaml'), 'utf8')).toContain('- "61"\n          - 61bis\n          - "62"');
    expect(ok(await ndraft('show', '61bis'))).toContain('Paragraph 61bis · open · 1 bracket');
    expect(ok(await ndraft('log', '61bis'))).toContain('  draft.yaml: 61bis added after 61 in section 3b\n  61bis: created\n');
    expect(ok(await ndraft('export'))).toMatch(/\n61bis\.\nWe note the \[growing\] threat of spam\.\n\n62\./);
  });

  it('adds an unnumbered, bracketed paragraph first in a section', async () => {
    const dir = copyBundledDraft();
    expect(ok(await on(dir)('add', 'pp1', '--section', '5', '--first', '--bracketed', '--text', 'Recalling our commitments,'))).toBe('✓ Added paragraph pp1 (unnumbered) first in section 5\n');
    expect(readFileSync(join(dir, 'paragraphs', 'pp1.yaml'), 'utf8')).toContain('address: pp1\nstatus: open\nbracketed: true\n');
  });

  it('shows what it would do with --dry-run, and writes nothing', async () => {
    const dir = copyBundledDraft();
    const before = snapshotFiles(dir);
    const out = ok(await on(dir)('add', '61bis', '--after', '61', '--text', 'We note spam.', '--dry-run'));
    expect(out).toContain('Dry run, nothing written. Would have: added paragraph 61bis after 61 in section 3b\ndraft.yaml: 61bis added after 61 in section 3b\n+ (status: open)\n+ 61bis.\n+ We note spam.\n');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('refuses a taken or invalid address, bad notation, an unknown place, or no place', async () => {
    const dir = copyBundledDraft();
    expect(await refused(dir, 1, 'add', '61', '--after', '60', '--text', 'x')).toContain('ndraft: paragraph 61 exists already; choose a new address, e.g. 61bis\n');
    expect(await refused(dir, 1, 'add', '61 bis', '--after', '60', '--text', 'x')).toContain('is not a paragraph address');
    expect(await refused(dir, 1, 'add', 'aux', '--after', '60', '--text', 'x')).toContain('reserved file name on Windows');
    expect(await refused(dir, 1, 'add', '61bis', '--after', '60', '--text', 'We [agree')).toBe(
      '--text:1:4: error: opening bracket "[" is never closed [UNCLOSED_BRACKET]\n  We [agree\n     ^\nndraft: --text does not parse: its brackets do not balance; nothing was changed\n',
    );
    expect(await refused(dir, 1, 'add', '61bis', '--after', '610', '--text', 'x')).toContain('ndraft: no paragraph 610 in this draft');
    expect(await refused(dir, 1, 'add', '61bis', '--section', '9', '--text', 'x')).toContain('ndraft: no section 9 in this draft; its sections are 1, 2, 3, 3a, 3b, 4, 5\n');
    expect(await refused(dir, 2, 'add', '61bis', '--text', 'x')).toContain('say where the paragraph goes');
  });
});

describe('move', () => {
  it('moves a paragraph within a section or to another; log and undo know it', async () => {
    const dir = copyBundledDraft();
    expect(await undoable(dir, 'move', '62', '--after', '64')).toBe('✓ Moved paragraph 62: now after 64 in section 3b\n');
    ok(await on(dir)('move', '75', '--section', '5', '--first'));
    expect(readFileSync(join(dir, 'draft.yaml'), 'utf8')).toContain('paragraphs:\n      - "75"\n      - "76"');
    expect(ok(await on(dir)('log', '75'))).toContain('move 75 --section 5 --first\n  draft.yaml: 75 moved to first in section 5\n');
    expect(ok(await on(dir)('log', '76'))).not.toContain('move 75');
  });

  it('says so when the paragraph is where it is asked to go, and refuses a move next to itself', async () => {
    const dir = copyBundledDraft();
    const before = snapshotFiles(dir);
    expect(ok(await on(dir)('move', '62', '--after', '61'))).toBe('Nothing to change: moved paragraph 62: now after 61 in section 3b\n');
    expect(snapshotFiles(dir)).toEqual(before);
    expect(await refused(dir, 1, 'move', '62', '--before', '62')).toContain('ndraft: paragraph 62 cannot be moved next to itself\n');
    expect(await refused(dir, 1, 'move', '99', '--after', '62')).toContain('no paragraph 99');
  });
});

describe('delete', () => {
  it('marks a paragraph deleted and keeps its text; a second delete says how to reopen it', async () => {
    const dir = copyBundledDraft();
    expect(await undoable(dir, 'delete', '76')).toBe('✓ Deleted paragraph 76 (its text is kept; "ndraft reopen 76" brings it back)\n');
    ok(await on(dir)('delete', '76'));
    const file = readFileSync(join(dir, 'paragraphs', '076.yaml'), 'utf8');
    expect(file).toContain('status: deleted');
    expect(file).toContain('In reviewing the adequacy');
    expect(await refused(dir, 1, 'delete', '76')).toBe('ndraft: paragraph 76 is deleted already; "ndraft reopen 76" opens it again\n');
    expect(await refused(dir, 1, 'delete', '39')).toContain('paragraph 39 is agreed and locked; reopen it first');
    ok(await on(dir)('delete', '71', '--item', 'b'));
    expect(readFileSync(join(dir, 'paragraphs', '071.yaml'), 'utf8')).toMatch(/- label: b\)\n {4}text: Setting up regional .*\n {4}status: deleted\n/);
  });
});

describe('bracket', () => {
  it('puts words in brackets; --by is the delegation the history records (onBehalfOf)', async () => {
    const dir = copyBundledDraft();
    expect(await undoable(dir, 'bracket', '76', '--words', 'Accordingly', '--by', 'G77')).toBe('✓ Put "Accordingly" in brackets in paragraph 76, as G77 asks\n');
    ok(await on(dir)('bracket', '71', '--item', 'a', '--words', 'commercially-negotiated', '--by', 'EU'));
    expect(readFileSync(join(dir, 'paragraphs', '071.yaml'), 'utf8')).toContain('Promoting Internet transit and interconnection costs that are [commercially-negotiated] in');
    const log = ok(await on(dir)('log', '71'));
    expect(log).toContain('Secretariat for EU  bracket 71 --words commercially-negotiated --item a --by EU\n  asked by EU\n  71: item a) reworded; 0 → 1 brackets\n');
  });

  it('refuses words found several times (listing them), words not found, and words already in brackets', async () => {
    const dir = copyBundledDraft();
    expect(await refused(dir, 1, 'bracket', '76', '--words', 'the')).toContain('ndraft: "the" is found 2 times; pick one with --occurrence N:\n  1: In reviewing «the» adequacy');
    expect(await refused(dir, 1, 'bracket', '76', '--words', 'not there')).toContain('"not there" is not in the text as whole words');
    expect(await refused(dir, 1, 'bracket', '76', '--words', 'some')).toContain('"some" is in brackets already: [some]');
    expect(await refused(dir, 2, 'bracket', '76', '--words', 'the', '--occurrence', '0')).toContain('--occurrence takes a number from 1');
    ok(await on(dir)('bracket', '76', '--words', 'the', '--occurrence', '2'));
    expect(readFileSync(join(dir, 'paragraphs', '076.yaml'), 'utf8')).toContain('into line with [the] “Geneva principles”');
  });
});

describe('note', () => {
  it('adds a signed, dated note, to an agreed paragraph too; undo removes it', async () => {
    const dir = copyBundledDraft();
    expect(await undoable(dir, 'note', '39', 'Chair to consult', '--kind', 'editorial')).toBe('✓ Added an editorial note to paragraph 39\n');
    ok(await on(dir)('note', '71', 'Check the legal wording', '--item', 'f', '--by', 'EU'));
    const today = new Date().toISOString().slice(0, 10);
    expect(readFileSync(join(dir, 'paragraphs', '071.yaml'), 'utf8')).toContain(`    notes:\n      - text: Check the legal wording\n        kind: comment\n        author: EU\n        date: ${today}\n`);
    ok(await on(dir)('note', '61', 'Chair to consult', '--by', 'EU'));
    expect(ok(await on(dir)('export'))).toContain(`\n{Comment (EU, ${today}): Chair to consult}\n`);
    expect(await refused(dir, 2, 'note', '71', 'x', '--kind', 'footnote')).toContain("argument 'footnote' is invalid");
    expect(await refused(dir, 1, 'note', '71', ' ')).toContain('the note is empty');
  });
});

describe('section', () => {
  it('adds a section that add --section then fills, and retitles one; undo reverts each', async () => {
    const dir = copyBundledDraft();
    expect(await undoable(dir, 'section', 'add', '3c', '--title', 'Cybersecurity', '--after', '3b')).toBe('✓ Added section 3c "Cybersecurity" after section 3b\n');
    expect(await undoable(dir, 'section', 'rename', '5', '--title', 'Follow-up')).toBe('✓ Retitled section 5: "Follow-up and Possible Future Arrangements" → "Follow-up"\n');
    ok(await on(dir)('section', 'add', '3c', '--title', 'Cybersecurity', '--after', '3b'));
    ok(await on(dir)('add', '69bis', '--section', '3c', '--text', 'We note cyber threats.'));
    expect(ok(await on(dir)('export'))).toContain('3c) Cybersecurity\n\n69bis.\nWe note cyber threats.\n\n4.\n');
    expect(ok(await on(dir)('log'))).toContain('  draft.yaml: section 3c "Cybersecurity" added\n');
    expect(await refused(dir, 1, 'section', 'add', '3C')).toContain('ndraft: section 3c exists already ("Cybersecurity"); choose a new number\n');
    expect(await refused(dir, 1, 'section', 'rename', '7', '--title', 'x')).toContain('no section 7');
    expect(await undoable(dir, 'section', 'note', '3b', 'Facilitator: Kenya', '--by', 'Chair')).toBe('✓ Added a comment to section 3b\n');
    ok(await on(dir)('section', 'note', '3b', 'Facilitator: Kenya', '--kind', 'editorial'));
    expect(ok(await on(dir)('export'))).toContain('3b) Public policy issues related to the use of the Internet\n\n{Facilitator: Kenya}\n');
    expect(ok(await on(dir)('log', '-n', '1'))).toContain('  draft.yaml: section 3b: 1 note added\n');
  });
});

describe('edit', () => {
  const scripts = makeTempDir('editors');
  /** An "editor": a node script that rewrites the file it is given, as a person would. */
  const editor = (name: string, body: string): string => {
    const file = join(scripts, `${name}.mjs`);
    writeFileSync(file, `import { readFileSync, writeFileSync } from 'node:fs';\nimport { spawnSync } from 'node:child_process';\nconst file = process.argv[2];\nconst text = readFileSync(file, 'utf8');\n${body}\n`);
    return `"${process.execPath}" "${file}"`;
  };
  const keptFile = (stderr: string) => /Your text is kept in (\S+):/.exec(stderr)?.[1] as string;

  it('opens the text in $EDITOR, shows the word diff, then writes it; undo reverts it', async () => {
    const dir = copyBundledDraft();
    const env = { EDITOR: editor('swift', "writeFileSync(file, text.replace('the prosecution', 'the swift prosecution'));") };
    const before = snapshotFiles(dir);
    const out = ok(await on(dir, env)('edit', '61'));
    expect(out).toBe(
      'The text of paragraph 61: 99% similar (1 word differs)\nWe underline the importance of the {+swift+} prosecution of cybercrime, including cybercrime committed in one jurisdiction but having effects in another. We call upon governments in cooperation with other stakeholders to develop necessary legislation for the investigation and prosecution of cybercrime, noting existing frameworks, for example, UNGA Resolutions 55/63 and 56/121 on “Combatting the criminal misuse of information technologies” and the Council of Europe\'s Convention on Cybercrime.\n\n✓ Reworded the text of paragraph 61\n',
    );
    expect(readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8')).toContain('the swift prosecution');
    ok(await on(dir)('undo'));
    expect(snapshotFiles(dir)['paragraphs/061.yaml']).toEqual(before['paragraphs/061.yaml']);
  });

  it('takes --text for an item, or an alternative, without an editor', async () => {
    const dir = copyBundledDraft();
    ok(await on(dir)('edit', '71', '--item', 'f', '--alternative', 'Alt 71g2', '--text', 'Encouraging [relevant] parties to negotiate.'));
    expect(readFileSync(join(dir, 'paragraphs', '071.yaml'), 'utf8')).toContain('      - label: Alt 71g2\n        text: Encouraging [relevant] parties to negotiate.\n');
    expect(await refused(dir, 1, 'edit', '71', '--item', 'e', '--text', 'x')).toContain('item e) of paragraph 71 is agreed and locked');
    expect(await refused(dir, 1, 'edit', '39', '--text', 'x')).toContain('paragraph 39 is agreed and locked; reopen it first with "ndraft reopen 39"');
  });

  it('refuses notation that does not parse, placed in the edited file, and keeps the text for --file', async () => {
    const dir = copyBundledDraft();
    const before = snapshotFiles(dir);
    const result = await on(dir, { EDITOR: editor('unbalanced', "writeFileSync(file, text.replace('cybercrime,', 'cyber] crime,'));") })('edit', '61');
    expect(result.status).toBe(1);
    expect(snapshotFiles(dir)).toEqual(before);
    const kept = keptFile(result.stderr);
    expect(result.stderr).toMatch(/^\S*ndraft-edit-\w+\/61\.txt:4:\d+: error: closing bracket "\]" has no opening bracket/);
    expect(result.stderr).toContain(`"ndraft edit 61 --file ${kept}" applies it`);
    writeFileSync(kept, readFileSync(kept, 'utf8').replace('cyber] crime', '[cyber crime]'));
    ok(await on(dir)('edit', '61', '--file', kept));
    expect(readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8')).toContain('prosecution of [cyber crime], including');
    rmSync(dirname(kept), { recursive: true, force: true });
  });

  it('holds no lock while the editor is open, and refuses to save over a change made meanwhile', async () => {
    const dir = copyBundledDraft();
    // The "editor" makes another change through ndraft (which needs the lock), then edits the text.
    const env = { EDITOR: editor('meanwhile', `const r = spawnSync(process.execPath, [${JSON.stringify(BIN)}, 'bracket', '61', '--words', 'necessary legislation', '--draft', ${JSON.stringify(dir)}], { env: { ...process.env, NDRAFT_LOCK_TIMEOUT: '1' } });\nif (r.status !== 0) process.exit(3);\nwriteFileSync(file, text.replace('the prosecution', 'the swift prosecution'));`) };
    const result = await on(dir, env)('edit', '61');
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('ndraft: paragraph 61 was changed by someone else while you edited it (see "ndraft log 61"); nothing was written. Your text is kept in');
    const file = readFileSync(join(dir, 'paragraphs', '061.yaml'), 'utf8');
    expect(file).toContain('[necessary legislation]');
    expect(file).not.toContain('swift');
    const kept = keptFile(result.stderr);
    expect(readFileSync(kept, 'utf8')).toContain('the swift prosecution');
    rmSync(dirname(kept), { recursive: true, force: true });
  });

  it('changes nothing when the editor fails, the text is unchanged or emptied, or no editor is set', async () => {
    const dir = copyBundledDraft();
    expect(await refused(dir, 1, 'edit', '61', '--text', '')).toContain('the new wording of the text of paragraph 61 is empty');
    const before = snapshotFiles(dir);
    expect(ok(await on(dir, { EDITOR: editor('same', '') })('edit', '61'))).toBe('Nothing to change: reworded the text of paragraph 61\n');
    const failed = await on(dir, { EDITOR: editor('fails', 'process.exit(4);') })('edit', '61');
    expect([failed.status, failed.stderr]).toEqual([1, expect.stringMatching(/the editor ".*" exited with status 4; nothing was changed\n$/)]);
    const none = runNdraft(['edit', '61', '--draft', dir], { env: { ...AUTHOR, EDITOR: '', VISUAL: '' } });
    expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('no editor to open: set $EDITOR (or $VISUAL), or give the new wording with --text')]);
    expect(snapshotFiles(dir)).toEqual(before);
    expect(existsSync(join(dir, 'history'))).toBe(false);
  });
});
