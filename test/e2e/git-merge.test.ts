/**
 * Two copies of the bundled draft edited on two git branches, then merged by a real `git merge`:
 * with ndraft's merge driver, and without it (a web merge's conflict markers) followed by
 * `ndraft resolve-conflicts`. Everything runs through bin/ndraft and git, as a team would.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, copyBundledDraft, makeTempDir, removeTempDirs, runInProcess, runNdraft } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

function git(repo: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
  if (run.status !== 0 && args[0] !== 'merge') throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return `${run.stdout}${run.stderr}`;
}

/** Runs an ndraft command as `author` in the repository's draft; it must succeed. */
async function ndraft(repo: string, author: string, ...args: string[]): Promise<string> {
  const result = await runInProcess([...args, '--draft', 'drafts/wsis'], { cwd: repo, env: { NDRAFT_AUTHOR: author } });
  if (result.status !== 0) throw new Error(`ndraft ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const paragraph = (repo: string, file: string) => parse(readFileSync(join(repo, 'drafts', 'wsis', 'paragraphs', file), 'utf8'));
const historyFiles = (repo: string) => readdirSync(join(repo, 'drafts', 'wsis', 'history')).sort();

/**
 * A repository holding the bundled draft, and two branches edited by two people for two
 * delegations. Both change paragraphs 56 (a choice made two ways), 58 (overlapping words
 * bracketed for two delegations), 59 (words far apart bracketed) and 61 (an alternative each,
 * both "Alt 4"); each also changes what the other does not touch (40 and 45, 61's positions).
 */
interface Branches {
  repo: string;
  anaHistory: string[];
  brunoHistory: string[];
  base: string[];
}

const built = new Map<boolean, Promise<Branches>>();
/** `buildTwoBranches(driver)`, made once per file and copied for each test (a copy of a repository is a repository). */
async function twoBranches(driver: boolean): Promise<Branches> {
  if (!built.has(driver)) built.set(driver, buildTwoBranches(driver));
  const branches = await (built.get(driver) as Promise<Branches>);
  const repo = makeTempDir('git-merge');
  cpSync(branches.repo, repo, { recursive: true });
  return { ...branches, repo };
}

async function buildTwoBranches(driver: boolean): Promise<Branches> {
  const repo = makeTempDir('git-merge');
  mkdirSync(join(repo, 'drafts'));
  copyBundledDraft('wsis', join(repo, 'drafts'), { asShipped: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'team@example.org');
  git(repo, 'config', 'user.name', 'Secretariat');
  if (driver) {
    git(repo, 'config', 'merge.ndraft.driver', `${BIN} merge-driver %O %A %B %P`);
    writeFileSync(join(repo, 'drafts', 'wsis', '.gitattributes'), 'paragraphs/*.yaml merge=ndraft\ndraft.yaml merge=ndraft\n');
  }
  writeFileSync(join(repo, '.gitignore'), '.ndraft/\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'the bundled draft');
  const base = historyFiles(repo);

  git(repo, 'checkout', '-qb', 'eu');
  git(repo, 'config', 'user.name', 'Ana');
  await ndraft(repo, 'Ana', 'propose', '61', '--text', 'We further underline the need for [effective] cooperation against cybercrime.', '--by', 'EU');
  await ndraft(repo, 'Ana', 'accept', '56', '--bracket', '1', '--option', '1');
  await ndraft(repo, 'Ana', 'bracket', '58', '--words', 'democratic, transparent and multilateral', '--by', 'EU');
  await ndraft(repo, 'Ana', 'note', '40', 'Checked against the Geneva text');
  await ndraft(repo, 'Ana', 'bracket', '59', '--words', 'Policies need to respond', '--by', 'EU');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'EU round');
  const anaHistory = historyFiles(repo).filter((f) => !base.includes(f));

  git(repo, 'checkout', '-q', 'main');
  git(repo, 'checkout', '-qb', 'g77');
  git(repo, 'config', 'user.name', 'Bruno');
  await ndraft(repo, 'Bruno', 'propose', '61', '--text', 'We call for a global convention on cybercrime.', '--by', 'G77');
  await ndraft(repo, 'Bruno', 'support', '61', 'Alt 2', '--by', 'G77');
  await ndraft(repo, 'Bruno', 'accept', '56', '--bracket', '1', '--option', '2');
  await ndraft(repo, 'Bruno', 'bracket', '58', '--words', 'multilateral basis', '--by', 'G77');
  await ndraft(repo, 'Bruno', 'bracket', '59', '--words', 'and systems', '--by', 'G77');
  await ndraft(repo, 'Bruno', 'note', '45', 'Facilitator: Kenya');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'G77 round');
  const brunoHistory = historyFiles(repo).filter((f) => !base.includes(f));

  git(repo, 'checkout', '-q', 'eu');
  git(repo, 'config', 'user.name', 'Ana');
  return { repo, anaHistory, brunoHistory, base };
}

/** What both merges must give: every change of both sides, the overlapping ones as labelled alternatives. */
function expectMergedDraft(repo: string, history: string[]): void {
  const validate = runNdraft(['validate', '--draft', 'drafts/wsis'], { cwd: repo });
  expect(validate.stdout + validate.stderr).toContain('✓ valid');
  expect(validate.status).toBe(0);

  // Non-overlapping: each side's note, and G77's support for Alt 2.
  expect(paragraph(repo, '040.yaml').notes?.map((n: { text: string }) => n.text)).toContain('Checked against the Geneva text');
  expect(paragraph(repo, '045.yaml').notes?.map((n: { text: string }) => n.text)).toContain('Facilitator: Kenya');
  const p61 = paragraph(repo, '061.yaml');
  expect(p61.alternatives.find((a: { label: string }) => a.label === 'Alt 2').supportedBy).toEqual(['G77']);
  // Both proposed "Alt 4": both kept, the second relabelled, each proposed by its delegation.
  expect(p61.alternatives.slice(3).map((a: { label: string; proposedBy: string[]; text: string }) => [a.label, a.proposedBy, a.text])).toEqual([
    ['Alt 4', ['EU'], 'We further underline the need for [effective] cooperation against cybercrime.'],
    ['Alt 5', ['G77'], 'We call for a global convention on cybercrime.'],
  ]);
  // The same words changed both ways: the shared text stays, each wording is an alternative,
  // labelled with the delegation the history says it was entered for…
  const p58 = paragraph(repo, '058.yaml');
  expect(p58.text).toContain('on a democratic, transparent and multilateral basis with a strong emphasis');
  expect(p58.alternatives.map((a: { label: string; proposedBy?: string[]; text: string }) => [a.label, a.proposedBy, a.text.includes('[democratic, transparent and multilateral]'), a.text.includes('[multilateral basis]')])).toEqual([
    ['Alt 1', ['EU'], true, false],
    ['Alt 2', ['G77'], false, true],
  ]);
  expect(p58.alternatives.map((a: { notes: { author: string }[] }) => a.notes[0]?.author)).toEqual(['Ana', 'Bruno']);
  // Changes to different words of one text are both made.
  expect(paragraph(repo, '059.yaml').text).toBe('[Policies need to respond] to the development of the Internet and other new information and communication technologies [and systems].');
  // Where the same words were changed two ways and no delegation was named, the alternatives name the person who made each.
  const p56 = paragraph(repo, '056.yaml');
  expect(p56.text).toContain('[management/development]');
  expect(p56.alternatives.map((a: { text: string; proposedBy?: string[]; notes: { author: string }[] }) => [a.text.includes('technical management of'), a.proposedBy, a.notes[0]?.author])).toEqual([
    [true, undefined, 'Ana'],
    [false, undefined, 'Bruno'],
  ]);
  // History from both sides, under distinct names.
  for (const file of history) expect(historyFiles(repo)).toContain(file);
}

describe('git merge of two branches', () => {
  it('with ndraft merge-driver: merges cleanly, overlapping changes as labelled alternatives, both histories kept', async () => {
    const { repo, anaHistory, brunoHistory } = await twoBranches(true);
    const output = git(repo, 'merge', 'g77', '-m', 'merge the G77 round');
    expect(output).toContain("Merge made by the 'ort' strategy");
    expect(output).not.toContain('CONFLICT');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expectMergedDraft(repo, [...anaHistory, ...brunoHistory]);
  });

  it('tells git "conflict" where it cannot represent both sides, and keeps the three versions for resolve-conflicts', async () => {
    const { repo } = await twoBranches(true);
    await ndraft(repo, 'Ana', 'add', '61bis', '--after', '61', '--text', 'EU: a new paragraph.');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'EU 61bis');
    git(repo, 'checkout', '-q', 'g77');
    await ndraft(repo, 'Bruno', 'add', '61bis', '--after', '61', '--text', 'G77: another new paragraph.');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'G77 61bis');
    git(repo, 'checkout', '-q', 'eu');
    const output = git(repo, 'merge', 'g77', '-m', 'merge');
    expect(output).toContain('both copies added paragraph 61bis, differently');
    expect(output).toContain('CONFLICT (add/add)');
    const validate = runNdraft(['validate', '--draft', 'drafts/wsis'], { cwd: repo });
    expect(validate.status).toBe(1);
    expect(validate.stdout + validate.stderr).toMatch(/paragraphs\/061bis\.yaml:1:1: error: git conflict markers: run "ndraft resolve-conflicts"/);

    const resolved = runNdraft(['resolve-conflicts', '--draft', 'drafts/wsis'], { cwd: repo, env: { NDRAFT_AUTHOR: 'Ana' } });
    expect(resolved.stdout).toContain('✓ Resolved 1 file with git conflict markers: paragraphs/061bis.yaml');
    expect(resolved.stdout).toContain('warning: paragraph 61bis: both copies added it, differently: ours keeps address 61bis, theirs is now 61bis-2, right after it');
    expect(runNdraft(['validate', '--draft', 'drafts/wsis'], { cwd: repo }).status).toBe(0);
    expect(paragraph(repo, '061bis.yaml').text).toBe('EU: a new paragraph.');
    expect(paragraph(repo, '061bis-2.yaml')).toMatchObject({ address: '61bis-2', number: '61bis', text: 'G77: another new paragraph.' });
    const outline = readFileSync(join(repo, 'drafts', 'wsis', 'draft.yaml'), 'utf8');
    expect(outline).toMatch(/- "61"\n\s+- 61bis\n\s+- 61bis-2\n/);
  });

  it('without the driver: git leaves conflict markers, validate names the files, resolve-conflicts merges them as the driver would', async () => {
    const { repo, anaHistory, brunoHistory } = await twoBranches(false);
    const output = git(repo, 'merge', 'g77', '-m', 'merge the G77 round');
    expect(output).toContain('CONFLICT (content): Merge conflict in drafts/wsis/paragraphs/056.yaml');

    const validate = runNdraft(['validate', '--draft', 'drafts/wsis'], { cwd: repo });
    expect(validate.status).toBe(1);
    for (const file of ['056', '058', '059', '061']) expect(validate.stdout + validate.stderr).toMatch(new RegExp(`paragraphs/${file}\\.yaml:\\d+:1: error: git conflict markers: run "ndraft resolve-conflicts" \\[GIT_CONFLICT\\]`));

    const dry = runNdraft(['resolve-conflicts', '--draft', 'drafts/wsis', '--dry-run'], { cwd: repo });
    expect(dry.stdout).toContain('Dry run, nothing written. Would have resolved 4 files with git conflict markers: paragraphs/056.yaml, paragraphs/058.yaml, paragraphs/059.yaml, paragraphs/061.yaml');
    expect(runNdraft(['validate', '--draft', 'drafts/wsis'], { cwd: repo }).status).toBe(1);

    const resolved = runNdraft(['resolve-conflicts', '--draft', 'drafts/wsis'], { cwd: repo, env: { NDRAFT_AUTHOR: 'Ana' } });
    expect(resolved.status).toBe(0);
    expect(resolved.stdout).toContain('warning: paragraphs/056.yaml: paragraph 56: both copies changed the text: it keeps the wording they shared; ours is "Alt 1", theirs "Alt 2"');
    expect(resolved.stdout).toContain('Then: git add');
    expectMergedDraft(repo, [...anaHistory, ...brunoHistory]);

    // One history entry records it; undo takes it back to ours.
    const log = runNdraft(['log', '--draft', 'drafts/wsis', '-n', '1'], { cwd: repo });
    expect(log.stdout).toContain('Ana  resolve-conflicts');
    expect(runNdraft(['undo', '--draft', 'drafts/wsis'], { cwd: repo }).status).toBe(0);
    expect(paragraph(repo, '056.yaml').alternatives).toEqual([]);
    expect(paragraph(repo, '056.yaml').text).toContain('technical management of');
  });

  it('after a web merge committed with the markers in it: resolve-conflicts finds the common version and the authors in the history', async () => {
    const { repo, anaHistory, brunoHistory } = await twoBranches(false);
    git(repo, 'merge', 'g77', '-m', 'merge the G77 round');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'merged on the hosting platform, markers and all');
    expect(runNdraft(['validate', '--draft', 'drafts/wsis'], { cwd: repo }).status).toBe(1);
    const resolved = runNdraft(['resolve-conflicts', '--draft', 'drafts/wsis'], { cwd: repo, env: { NDRAFT_AUTHOR: 'Ana' } });
    expect(resolved.stderr).toBe('');
    expect(resolved.stdout).toContain('✓ Resolved 4 files with git conflict markers');
    expectMergedDraft(repo, [...anaHistory, ...brunoHistory]);
  });
});
