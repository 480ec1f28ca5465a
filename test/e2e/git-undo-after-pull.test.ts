/**
 * `undo` after a pull, end to end: two clones of one repository, each person known to ndraft by
 * git's user.name. After Chair pulls Kenya's change, `undo` says whose change it would undo and
 * changes nothing; `--force` undoes it; Chair's own change is undone as before.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundledDraft, makeTempDir, removeTempDirs, snapshotFiles, ok } from '../helpers/sandbox.js';
import { gitEnvironment, repoAt, runGit } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const home = makeTempDir('git-home');
const env = gitEnvironment(home);
runGit(home, env, 'init', '-q', '--bare', '-b', 'main', 'origin.git');
runGit(home, env, 'clone', '-q', 'origin.git', 'chair');
runGit(home, env, 'clone', '-q', 'origin.git', 'kenya');
const chair = repoAt(join(home, 'chair'), env, 'Chair');
const kenya = repoAt(join(home, 'kenya'), env, 'Kenya');
const chairDraft = join(chair.root, 'tunis');
const kenyaDraft = join(kenya.root, 'tunis');

describe('undo after a pull', () => {
  it('Chair commits the draft; Kenya pulls it, changes it, pushes', () => {
    copyBundledDraft('tunis', chair.root);
    chair.git('add', '-A');
    chair.git('commit', '-q', '-m', 'the draft');
    chair.git('push', '-q', 'origin', 'main');
    kenya.git('pull', '-q', 'origin', 'main');
    expect(ok(kenya.ndraft(kenyaDraft, 'accept', '61', 'Alt 3'))).toMatch(/^✓ Accepted "Alt 3"/);
    kenya.git('add', '-A');
    kenya.git('commit', '-q', '-m', 'Alt 3 of 61');
    kenya.git('push', '-q', 'origin', 'main');
  });

  it('after the pull, undo names Kenya\'s change and changes nothing', () => {
    chair.git('pull', '-q', 'origin', 'main');
    const before = snapshotFiles(chairDraft);
    const refused = chair.ndraft(chairDraft, 'undo');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^ndraft: the last change is Kenya's "accept 61 "Alt 3"" \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\), not yours \(Chair\); run "ndraft undo --force" to undo it anyway, or "ndraft log" to see it\n$/,
    );
    expect(chair.ndraft(chairDraft, 'undo', '--dry-run').status).toBe(1);
    expect(snapshotFiles(chairDraft)).toEqual(before);
    // Who "you" are: --author and NDRAFT_AUTHOR come before git's user.name, in any case.
    expect(chair.ndraft(chairDraft, 'undo', '--dry-run', '--author', 'kenya').status).toBe(0);
    expect(snapshotFiles(chairDraft)).toEqual(before);
  });

  it('undo --force undoes it, recorded as Chair\'s undo', () => {
    expect(ok(chair.ndraft(chairDraft, 'undo', '--force'))).toMatch(/^✓ Undid "accept 61 "Alt 3"" by Kenya/);
    expect(ok(chair.ndraft(chairDraft, 'log', '-n', '1'))).toMatch(/ {2}Chair {2}undo\n/);
  });

  it('Chair\'s own last change is undone without --force', () => {
    ok(chair.ndraft(chairDraft, 'agree', '58'));
    expect(ok(chair.ndraft(chairDraft, 'undo'))).toMatch(/^✓ Undid "agree 58" by Chair/);
  });
});
