/**
 * Git as the team's store, end to end with the built binary in temporary repositories: the draft
 * in a subfolder of a repository, `compare --git`, `git-setup`, `textconv` under `git diff` and
 * `git log -p`, the local folder never committed. Each step runs after the one before.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, BUNDLED_DRAFT, copyBundledDraft, editFile, makeTempDir, removeTempDirs, runNdraft, snapshotFiles, type RunResult, ok } from '../helpers/sandbox.js';
import { makeTempRepo } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const repo = makeTempRepo('Chair');
const draft = join(repo.root, 'drafts', 'tunis');
const ndraft = (...args: string[]) => repo.ndraft(draft, ...args);

function refused(result: RunResult, code: number, stderr: RegExp): void {
  expect(result.status, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(stderr);
  expect(result.stderr).not.toContain('internal error');
}

/** What `git status` lists, one path a line ("?? drafts/tunis/…"), untracked folders expanded. */
const porcelain = () => repo.git('status', '--porcelain', '--untracked-files=all');

describe('a draft kept in git', () => {
  it('a repository whose first commit has no draft yet', () => {
    writeFileSync(join(repo.root, 'README.md'), '# Tunis negotiation\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'start');
  });

  it('the local folder (.ndraft: cache, lock, journal, exports) never shows in git', () => {
    mkdirSync(join(repo.root, 'drafts'));
    copyBundledDraft('tunis', join(repo.root, 'drafts'), { asShipped: true });
    ok(ndraft('status'));
    ok(ndraft('accept', '56', '--bracket', '1', '--option', '1'));
    expect(ndraft('export', '-o', join(repo.root, 'compiled.txt')).status).toBe(0);
    ok(ndraft('snapshot', 'Rev.1'));
    expect(existsSync(join(draft, '.ndraft', 'cache'))).toBe(true);
    expect(existsSync(join(draft, '.ndraft', 'exports.json'))).toBe(true);
    const listed = porcelain();
    expect(listed).toContain('?? drafts/tunis/paragraphs/056.yaml');
    expect(listed).toContain('?? drafts/tunis/revisions/Rev.1.yaml');
    expect(listed).not.toContain('.ndraft');
    repo.git('add', '-A');
    expect(repo.git('ls-files')).not.toContain('.ndraft');
    repo.git('commit', '-q', '-m', 'the draft, 56 resolved');
  });

  it('compare --git HEAD: what changed in the working draft since the last commit', () => {
    expect(ok(ndraft('compare', '--git', 'HEAD', '--format', 'plain'))).toMatch(/^Compare HEAD \([0-9a-f]{7}\) → working \(the draft as it is now\)\nNo paragraph changed/);
    ok(ndraft('agree', '58'));
    ok(ndraft('accept', '76', '--bracket', '1', '--drop'));
    editFile(draft, 'paragraphs/045.yaml', (text) => text.replace('number: "45"', 'number: 45bis'));
    const out = ok(ndraft('compare', '--git', 'HEAD', '--format', 'plain'));
    expect(out).toContain('3 paragraphs changed: 1 bracket removed, 1 newly agreed, 1 renumbered\n');
    expect(out).toContain('\nParagraph 58: open → agreed\n');
    expect(out).toContain('\nParagraph 45bis (was 45): renumbered 45 → 45bis\n');
    expect(out).toContain('we agree that [-[some]-] adjustments');
    repo.git('commit', '-q', '-a', '-m', 'second reading');
  });

  it('compare --git A B: two commits, every format and narrowing option', () => {
    const json = JSON.parse(ok(ndraft('compare', '--git', 'HEAD~1', 'HEAD', '--format', 'json')));
    const counts = JSON.parse(ok(ndraft('status', '--json')));
    expect(json.summary).toMatchObject({ paragraphsChanged: 3, bracketsRemoved: 1, newlyAgreed: 1, renumbered: 1 });
    expect(json.b.figures.paragraphs.agreed).toBe(counts.paragraphs.agreed);
    expect(json.a.figures.paragraphs.agreed).toBe(counts.paragraphs.agreed - 1);
    expect(json.a.figures.brackets).toBe(counts.brackets + 1);
    expect(ok(ndraft('compare', '--git', 'HEAD~1', 'HEAD', '--format', 'plain', '--only', 'agreed'))).toMatch(/\n1 paragraph changed: 1 newly agreed\n[^]*Paragraph 58: open → agreed\n$/);
    expect(ok(ndraft('compare', '--git', 'HEAD~1', 'HEAD', '--format', 'plain', '--paragraph', '76'))).not.toContain('Paragraph 58');
    expect(ok(ndraft('compare', '--git', 'HEAD~1', 'HEAD', '--format', 'markdown'))).toContain('~~[some]~~');
    expect(ok(ndraft('compare', '--git', 'HEAD~1', 'HEAD', '--format', 'html'))).toContain('<del>[some]</del>');
    // A commit named by its id: the first one the draft is in.
    const first = repo.git('rev-parse', 'HEAD~1').trim();
    expect(ok(ndraft('compare', '--git', first.slice(0, 10), 'HEAD', '--format', 'plain', '--only', 'brackets'))).toMatch(new RegExp(`^Compare ${first.slice(0, 7)} → HEAD`));
    // The runs above kept the older commit's files, parsed and checked, and the word diffs in the object cache: read back, the same comparison.
    expect(readFileSync(join(draft, '.ndraft', 'objects'), 'latin1')).toContain('git-paragraph:');
    expect(JSON.parse(ok(ndraft('compare', '--git', 'HEAD~1', 'HEAD', '--format', 'json')))).toEqual(json);
  });

  it('reads the commits through git, from anywhere in the repository, whatever the working draft holds', () => {
    // From the repository's top with --draft, and with the working draft broken meanwhile.
    const file = join(draft, 'paragraphs', '061.yaml');
    const kept = readFileSync(file);
    writeFileSync(file, 'status: [unclosed\n');
    expect(ndraft('validate').status).toBe(1);
    const out = repo.ndraft(repo.root, 'compare', '--git', 'HEAD~1', 'HEAD', '--draft', 'drafts/tunis', '--format', 'plain', '--only', 'agreed');
    expect(ok(out)).toContain('Paragraph 58: open → agreed');
    writeFileSync(file, kept);
    expect(repo.git('status', '--porcelain', '--', 'drafts/tunis/paragraphs')).toBe('');
  });

  it('refuses what it cannot compare: exit 1 and a clear message, nothing written', () => {
    const before = snapshotFiles(draft);
    refused(ndraft('compare', '--git', 'no-such-branch'), 1, /^ndraft: unknown git revision "no-such-branch": no commit, branch or tag of that name in /m);
    refused(ndraft('compare', '--git', 'HEAD~2'), 1, /^ndraft: the draft is not in HEAD~2 \(commit [0-9a-f]{12}\): drafts\/tunis has no draft\.yaml there\n/);
    refused(ndraft('compare', '--git', 'HEAD', '--', '--upload-pack=x'), 2, /is not a git revision/);
    // Files past the size limit are not read from git: named, as ref:path, and refused.
    const big = repo.ndraft(draft, '--max-file-size', '1024', 'compare', '--git', 'HEAD');
    expect(big.status).toBe(1);
    expect(big.stderr).toMatch(/^HEAD:drafts\/tunis\/paragraphs\/071\.yaml: error: not read: it is \d+ bytes, past the limit of 1 KiB \(raise it with --max-file-size or NDRAFT_MAX_FILE_SIZE\) \[READ_FAILED\]$/m);
    expect(big.stderr).toMatch(/\nndraft: the draft as committed at HEAD has \d+ errors; compare reads only a draft that validates\n$/);
    const outside = join(makeTempDir('no-git'), 'draft');
    cpSync(BUNDLED_DRAFT, outside, { recursive: true });
    refused(repo.ndraft(outside, 'compare', '--git', 'HEAD'), 1, /^ndraft: .*draft is not in a git repository \("git init" makes one, "git clone" fetches one\)\n$/);
    expect(snapshotFiles(draft)).toEqual(before);
  });

  it('refuses a commit whose draft does not validate, naming each file as ref:path', () => {
    editFile(draft, 'paragraphs/061.yaml', (text) => text.replace('status: open', '<<<<<<< HEAD\nstatus: open\n=======\nstatus: agreed\n>>>>>>> theirs'));
    repo.git('commit', '-q', '-a', '-m', 'a merge gone wrong');
    const result = ndraft('compare', '--git', 'HEAD');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('HEAD:drafts/tunis/paragraphs/061.yaml:');
    expect(result.stderr).toMatch(/ndraft: the draft as committed at HEAD has \d+ errors?; compare reads only a draft that validates\n$/);
    repo.git('reset', '-q', '--hard', 'HEAD~1');
  });

  it('git-setup writes .gitattributes in the draft folder and the local git config; twice changes nothing', () => {
    writeFileSync(join(draft, '.gitattributes'), '*.txt text eol=lf');
    // A draft from before .ndraft ignored itself: its cache shows in git until git-setup.
    rmSync(join(draft, '.ndraft', '.gitignore'));
    expect(porcelain()).toContain('?? drafts/tunis/.ndraft/cache\n');
    const dry = ok(ndraft('git-setup', '--dry-run'));
    expect(dry).toContain("would write drafts/tunis/.ndraft/.gitignore: ndraft's local files (cache, lock, journal) stay out of git\n");
    expect(dry).toContain('would add to drafts/tunis/.gitattributes: paragraphs/*.yaml merge=ndraft diff=ndraft\n');
    expect(readFileSync(join(draft, '.gitattributes'), 'utf8')).toBe('*.txt text eol=lf');
    expect(repo.git('config', '--local', '--list')).not.toContain('ndraft');

    const out = ok(ndraft('git-setup'));
    expect(out).toContain('✓ added to drafts/tunis/.gitattributes: draft.yaml merge=ndraft\n');
    expect(porcelain()).not.toContain('.ndraft');
    expect(readFileSync(join(draft, '.gitattributes'), 'utf8')).toBe(
      '*.txt text eol=lf\n\n# ndraft (written by "ndraft git-setup"): merge paragraphs as alternatives, diff them as text\nparagraphs/*.yaml merge=ndraft diff=ndraft\ndraft.yaml merge=ndraft\n',
    );
    // Not on PATH here: the driver runs this ndraft by its absolute path.
    expect(repo.git('config', '--local', 'merge.ndraft.driver')).toBe(`${BIN} merge-driver %O %A %B %P\n`);
    expect(repo.git('config', '--local', 'diff.ndraft.textconv')).toBe(`${BIN} textconv\n`);
    expect(repo.git('check-attr', 'merge', 'diff', '--', 'drafts/tunis/paragraphs/061.yaml')).toBe('drafts/tunis/paragraphs/061.yaml: merge: ndraft\ndrafts/tunis/paragraphs/061.yaml: diff: ndraft\n');
    expect(repo.git('check-attr', 'merge', '--', 'drafts/tunis/draft.yaml')).toBe('drafts/tunis/draft.yaml: merge: ndraft\n');

    const attributes = readFileSync(join(draft, '.gitattributes'), 'utf8');
    const again = ok(ndraft('git-setup'));
    expect(again).not.toMatch(/✓|would/);
    expect(again).toContain('· git config merge.ndraft.driver is ');
    expect(readFileSync(join(draft, '.gitattributes'), 'utf8')).toBe(attributes);
    ok(ndraft('validate'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'ndraft git-setup');

    // Files of .ndraft that git already tracks (added by force, or before it ignored itself): a warning and the way out.
    repo.git('add', '-f', 'drafts/tunis/.ndraft/cache');
    expect(ok(ndraft('git-setup'))).toContain('warning: git already tracks 1 file of drafts/tunis/.ndraft/; stop tracking them with: git rm -r --cached .ndraft\n');
    repo.git('rm', '-q', '-r', '--cached', 'drafts/tunis/.ndraft');
    expect(ok(ndraft('git-setup'))).not.toContain('warning');
  });

  it('git-setup writes plain "ndraft" when an ndraft is on PATH', () => {
    const bin = makeTempDir('path');
    symlinkSync(BIN, join(bin, 'ndraft'));
    const onPath = ok(runNdraft(['git-setup'], { cwd: draft, env: { ...repo.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` } }));
    expect(onPath).toContain('✓ set git config merge.ndraft.driver "ndraft merge-driver %O %A %B %P"\n');
    expect(repo.git('config', '--local', 'diff.ndraft.textconv')).toBe('ndraft textconv\n');
    // Back to the absolute path: the steps that follow run git without ndraft on PATH.
    expect(ok(ndraft('git-setup'))).toContain(`✓ set git config diff.ndraft.textconv "${BIN} textconv"`);
  });

  it('git diff --word-diff and git log -p show the changed words of a paragraph through textconv', () => {
    ok(ndraft('accept', '61', 'Alt 1'));
    const diff = repo.git('diff', '--word-diff', '--', 'drafts/tunis/paragraphs/061.yaml');
    expect(diff).toContain('\nParagraph 61 · open · bracketed as a whole\n');
    expect(diff).toContain('jurisdiction but having effects in another. We {+further underline the necessity of effective instruments');
    expect(diff).toContain('[-Alt 1 (to insert after sentence 1): We further underline');
    expect(diff).not.toContain('address:');
    repo.git('commit', '-q', '-a', '-m', 'Alt 1 of 61');
    const log = repo.git('log', '-p', '-1', '--word-diff', '--', 'drafts/tunis/paragraphs/061.yaml');
    expect(log).toContain('Alt 1 of 61');
    expect(log).toContain('{+further underline the necessity');
    // Without textconv (--no-textconv), git shows the YAML.
    expect(repo.git('log', '-p', '-1', '--no-textconv', '--', 'drafts/tunis/paragraphs/061.yaml')).toContain('-alternatives:');
  });
});
