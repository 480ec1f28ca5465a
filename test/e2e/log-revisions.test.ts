/**
 * `ndraft log` with revisions, end to end with the built binary: the seed imported (revision
 * "import"), paragraph 61 resolved over two rounds (Rev.1, Rev.2), then its life story
 * (`log 61 --revisions`) and the log with the revisions between the changes. Times and ids
 * change from run to run: they are masked, and the rest of the output is asserted exactly.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editFile, makeTempDir, removeTempDirs, runInProcess, SEED_TEXT, type RunResult, ok } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const dir = join(makeTempDir('log-revisions'), 'draft');
const env = { NDRAFT_AUTHOR: 'Chair' };
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env });

/** Times and history ids masked: `<time>`, `<id>`. */
const masked = (text: string) =>
  text
    .replace(/\d{8}T\d{9}Z-[0-9a-f]{4,8}/g, '<id>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? UTC/g, '<time> UTC');

const TEXT_61 =
  "We underline the importance of the prosecution of cybercrime, including cybercrime committed in one jurisdiction but having effects in another. We call upon governments in cooperation with other stakeholders to develop necessary legislation for the investigation and prosecution of cybercrime, noting existing frameworks, for example, UNGA Resolutions 55/63 and 56/121 on “Combatting the criminal misuse of information technologies” and the Council of Europe's Convention on Cybercrime.";

describe('log and revisions', () => {
  it('tells the life story of a paragraph across the revisions and the working draft', async () => {
    expect((await runInProcess(['import', SEED_TEXT, '--out', dir], { env })).status).toBe(0);
    ok(await ndraft('accept', '61', 'Alt 1'));
    ok(await ndraft('snapshot', 'Rev.1', '-m', 'after the first reading'));
    ok(await ndraft('accept', '61', '--keep-paragraph'));
    ok(await ndraft('agree', '61'));
    ok(await ndraft('snapshot', 'Rev.2', '-m', 'informals'));

    expect(masked(ok(await ndraft('log', '61', '--revisions')))).toBe(
      [
        'Paragraph 61 in 3 revisions and the working draft',
        '',
        'import, <time> UTC: open, bracketed as a whole; 1 bracket, 3 alternatives',
        `  text: ${TEXT_61}`,
        '  Alt 1: We further underline the necessity of effective instruments and efficient mechanisms at national and international levels, and the importance to promote international cooperation to this end.',
        '  Alt 2: We further underline [the importance of efficient mechanisms and effective instruments at national and international levels, and] the necessity to promote international cooperation to this end.',
        '  Alt 3: We further underline the necessity of effective and efficient tools and mechanisms, at national and international levels, to promote international cooperation, inter alia, among law enforcement agencies on cybercrime.',
        '',
        'Rev.1, <time> UTC: open, bracketed as a whole; no brackets, no alternatives',
        '  changed: 1 bracket removed; Alt 1 accepted; Alt 2 dropped; Alt 3 dropped',
        "  text: We {+further+} underline the [-importance-]{+necessity+} of [-the prosecution of cybercrime, including cybercrime committed in one jurisdiction but having effects in another. We call upon governments in cooperation with other stakeholders to develop necessary legislation for the investigation-]{+effective instruments+} and [-prosecution of cybercrime-]{+efficient mechanisms at national and international levels+}, [-noting existing frameworks, for example, UNGA Resolutions 55/63-] and [-56/121 on “Combatting-] the [-criminal misuse of information technologies” and the Council of Europe's Convention on Cybercrime-]{+importance to promote international cooperation to this end+}.",
        '',
        'Rev.2, <time> UTC: agreed; no brackets, no alternatives',
        '  changed: open → agreed; bracketed as a whole: changed',
        '',
        'working (now): unchanged',
        '',
      ].join('\n'),
    );
  });

  it('gives the story as JSON: each revision\'s state, status, figures, wording and word diffs', async () => {
    const story = JSON.parse(ok(await ndraft('log', '61', '--revisions', '--json')));
    expect(story.paragraph).toBe('61');
    const steps = story.revisions as { revision: string; state: string; status: string; brackets: number; alternatives: number; author?: string; message?: string; wording: { text: string }; change?: { kinds: string[]; diffs: { name: string; changes: { type: string; text: string }[] }[] } }[];
    expect(steps.map((s) => [s.revision, s.state, s.status, s.brackets, s.alternatives])).toEqual([
      ['import', 'first', 'open', 1, 3],
      ['Rev.1', 'changed', 'open', 0, 0],
      ['Rev.2', 'changed', 'agreed', 0, 0],
      ['working', 'unchanged', 'agreed', 0, 0],
    ]);
    expect(steps[1]).toMatchObject({ author: 'Chair', message: 'after the first reading' });
    expect(steps[0]?.wording.text).toBe(TEXT_61);
    expect(steps[1]?.change?.kinds).toEqual(['brackets', 'alternatives']);
    expect(steps[1]?.change?.diffs[0]?.changes.slice(0, 3)).toEqual([
      { type: 'equal', text: 'We' },
      { type: 'insert', text: ' further' },
      { type: 'equal', text: ' underline the ' },
    ]);
    expect(steps[2]?.change?.kinds).toEqual(['status', 'agreed', 'brackets']);
  });

  it('shows a paragraph added after a revision as absent before it, and one removed since as no longer there', async () => {
    ok(await ndraft('add', '61bis', '--after', '61', '--text', 'We note the [new] text.'));
    ok(await ndraft('snapshot', 'Rev.3'));
    ok(await ndraft('undo'));
    const steps = JSON.parse(ok(await ndraft('log', '61bis', '--revisions', '--json'))).revisions as { revision: string; state: string }[];
    expect(steps.map((s) => `${s.revision} ${s.state}`)).toEqual(['import absent', 'Rev.1 absent', 'Rev.2 absent', 'Rev.3 first', 'working removed']);
    const text = masked(ok(await ndraft('log', '61bis', '--revisions')));
    expect(text).toContain('\nRev.2, <time> UTC: not in the draft\n\nRev.3, <time> UTC: open; 1 bracket, no alternatives\n  text: We note the [new] text.\n\nworking (now): no longer in the draft\n');
  });

  it('lists the revisions between the changes, where they were recorded', async () => {
    expect(masked(ok(await ndraft('log', '-n', '4')))).toBe(
      [
        '<id>',
        '  <time> UTC  Chair  undo',
        '  draft.yaml: 61bis taken out of the outline, from after 61 in section 3b',
        '  61bis: removed',
        '── revision Rev.3, <time> UTC, Chair',
        '<id> (undone)',
        '  <time> UTC  Chair  add 61bis --after 61 --text "We note the [new] text."',
        '  draft.yaml: 61bis added after 61 in section 3b',
        '  61bis: created',
        '── revision Rev.2, <time> UTC, Chair: informals',
        '<id>',
        '  <time> UTC  Chair  agree 61',
        '  61: status open → agreed',
        '<id>',
        '  <time> UTC  Chair  accept 61 --keep-paragraph',
        '  61: no longer bracketed as a whole',
        '',
      ].join('\n'),
    );
    // The whole log ends with the import, older than every change.
    expect(masked(ok(await ndraft('log'))).endsWith('── revision import, <time> UTC, Chair: imported from wsis-tunis-internet-governance.txt\n')).toBe(true);
    // A paragraph's log has no revisions in it.
    expect(ok(await ndraft('log', '61'))).not.toContain('revision');
  });

  it('shows a history entry edited by hand as it now is, and reads no further back than -n asks', async () => {
    const history = join(dir, 'history');
    const [oldest, ...rest] = readdirSync(history).sort();
    const newest = rest.at(-1) as string;
    ok(await ndraft('log'));
    ok(await ndraft('log')); // the second run records the files' identities
    editFile(dir, join('history', newest), (text) => text.replace('command: undo', 'command: undo\nmessage: taken back after the informals'));
    expect(ok(await ndraft('log', '-n', '1'))).toContain('  taken back after the informals\n');
    // An older entry that cannot be read stops only the commands that reach it.
    writeFileSync(join(history, oldest as string), 'id: [unclosed\n');
    expect(ok(await ndraft('log', '-n', '3'))).toContain('agree 61');
    const whole = await ndraft('log');
    expect(whole.status).toBe(1);
    expect(whole.stderr).toContain('the history has files that cannot be read');
    expect(whole.stderr).toContain(oldest);
    expect((await ndraft('validate')).stdout).toContain(oldest);
  });

  it('asks for a paragraph with --revisions', async () => {
    const result = await ndraft('log', '--revisions');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--revisions tells the story of one paragraph: name it, e.g. ndraft log 61 --revisions');
  });
});
