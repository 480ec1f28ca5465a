import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateDraft } from '../../src/store/locate-draft.js';
import { copyBundledDraft, makeTempDir, removeTempDirs, failure } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

describe('locateDraft with --draft', () => {
  it('takes the folder given, relative to the current folder', () => {
    const parent = makeTempDir('locate');
    const dir = copyBundledDraft('rev1', parent);
    expect(locateDraft({ explicit: 'rev1', cwd: parent })).toBe(dir);
    expect(locateDraft({ explicit: dir, cwd: '/' })).toBe(dir);
  });

  it('wins over a draft found by walking up', () => {
    const outer = copyBundledDraft('outer');
    const other = copyBundledDraft('other');
    expect(locateDraft({ explicit: relative(outer, other), cwd: outer })).toBe(other);
  });

  it('refuses a folder that does not exist (usage error naming it)', () => {
    const cwd = makeTempDir('locate');
    const error = failure(() => locateDraft({ explicit: 'no-such-draft', cwd }));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe('--draft no-such-draft: no such folder');
  });

  it('refuses a file', () => {
    const cwd = makeTempDir('locate');
    writeFileSync(join(cwd, 'notes.txt'), 'x');
    const error = failure(() => locateDraft({ explicit: 'notes.txt', cwd }));
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/must name a folder, not a file: notes\.txt/);
  });

  it('refuses a folder without draft.yaml and says how to make one', () => {
    const cwd = makeTempDir('locate');
    mkdirSync(join(cwd, 'empty'));
    const error = failure(() => locateDraft({ explicit: 'empty', cwd }));
    expect(error.message).toMatch(/empty is not a draft: it has no draft\.yaml/);
    expect(error.message).toContain('ndraft import');
  });
});

describe('locateDraft without --draft', () => {
  it('takes the current folder when it holds draft.yaml', () => {
    const dir = copyBundledDraft();
    expect(locateDraft({ cwd: dir })).toBe(dir);
  });

  it('walks up from a nested folder to the nearest draft.yaml', () => {
    const dir = copyBundledDraft();
    const nested = join(dir, 'paragraphs', 'notes', 'round-2');
    mkdirSync(nested, { recursive: true });
    expect(locateDraft({ cwd: join(dir, 'paragraphs') })).toBe(dir);
    expect(locateDraft({ cwd: nested })).toBe(dir);
  });

  it('takes the single draft under ./drafts, ignoring folders and files that are not drafts', () => {
    const root = makeTempDir('locate');
    const dir = copyBundledDraft('rev1', join(root, 'drafts'));
    mkdirSync(join(root, 'drafts', 'scratch'));
    writeFileSync(join(root, 'drafts', 'draft.txt'), 'not a draft');
    expect(locateDraft({ cwd: root })).toBe(dir);
  });

  it('refuses to guess between several drafts under ./drafts and lists each one (usage error)', () => {
    const root = makeTempDir('locate');
    copyBundledDraft('rev1', join(root, 'drafts'));
    copyBundledDraft('rev2', join(root, 'drafts'));
    const error = failure(() => locateDraft({ cwd: root }));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe('several drafts under ./drafts; choose one with --draft:\n  --draft drafts/rev1\n  --draft drafts/rev2');
  });

  it('says how to get a draft when there is none (usage error)', () => {
    const root = makeTempDir('locate');
    mkdirSync(join(root, 'drafts'));
    const error = failure(() => locateDraft({ cwd: root }));
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/^no draft here/);
    expect(error.message).toContain('--draft DIR');
    expect(error.message).toContain('ndraft import FILE --out DIR');
  });
});
