/**
 * The built binary, end to end: `node bin/ndraft …` in a temporary folder (or the repository),
 * as a user would run it. `npm test` builds dist/ first. Each spawn costs ~150 ms, so every test
 * checks everything one run shows: exit code, stdout, stderr and the files on disk.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLED_DRAFT,
  copyBundledDraft,
  editFile,
  makeTempDir,
  REPO_ROOT,
  removeTempDirs,
  runNdraft,
  SEED_TEXT,
  temporaryLeftovers,
  type RunResult,
} from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const TITLE = 'WSIS Tunis phase: Internet governance (paragraphs 39–76)';
const STACK_FRAME = '    at ';

/** Every file under `dir` as relative path → { content, mtime }, to prove nothing was touched. */
function snapshot(dir: string): Record<string, { content: string; mtimeMs: number }> {
  const out: Record<string, { content: string; mtimeMs: number }> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = { content: readFileSync(join(dir, rel), 'utf8'), mtimeMs: statSync(join(dir, rel)).mtimeMs };
    }
  };
  walk('');
  return out;
}

/** Paragraph files without their first line (the schema path, which depends on where they are). */
function paragraphBodies(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, 'paragraphs')).sort()) {
    out[name] = readFileSync(join(dir, 'paragraphs', name), 'utf8').replace(/^# yaml-language-server:.*\n/, '');
  }
  return out;
}

/** A user error: exit 1, something said on stderr, no stack trace, no "internal error". */
function expectUserError(result: RunResult, message: RegExp): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toContain(STACK_FRAME);
  expect(result.stderr).not.toContain('internal error');
}

function expectUsageError(result: RunResult, message: RegExp): void {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toContain(STACK_FRAME);
  expect(result.stdout).toBe('');
}

describe('ndraft --version and --help', () => {
  it('--version prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = runNdraft(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('--help lists import, export, validate, status and show', () => {
    const result = runNdraft(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: ndraft /);
    for (const command of ['import', 'export', 'validate', 'status', 'show']) expect(result.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });

  it('an unknown option is a usage error (exit 2) naming the option', () => {
    expectUsageError(runNdraft(['status', '--bogus']), /unknown option '--bogus'/);
  });
});

describe('ndraft status', () => {
  it('from the repository root finds the bundled draft under ./drafts and prints the totals', () => {
    const result = runNdraft(['status']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(TITLE);
    expect(lines[1]).toMatch(/^38 paragraphs: 22 agreed, 0 agreed ad ref, 16 open, 0 deleted; 4 open brackets/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('--json gives the counts for the draft and each of its 5 sections', () => {
    const result = runNdraft(['status', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const status = JSON.parse(result.stdout) as {
      title: string;
      paragraphs: Record<string, number>;
      brackets: number;
      alternatives: number;
      sections: { number?: string; paragraphs: { total: number }; subsections: { number?: string }[] }[];
    };
    expect(status.title).toBe(TITLE);
    expect(status.paragraphs).toEqual({ total: 38, agreed: 22, agreedAdRef: 0, open: 16, deleted: 0 });
    expect(status.brackets).toBe(4);
    expect(status.alternatives).toBe(5);
    expect(status.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(status.sections[2]?.subsections.map((s) => s.number)).toEqual(['3a', '3b']);
    expect(status.sections.reduce((n, s) => n + s.paragraphs.total, 0)).toBe(38);
  });

  it('from a folder inside a draft walks up to its draft.yaml', () => {
    const dir = copyBundledDraft();
    const result = runNdraft(['status', '--json'], { cwd: join(dir, 'paragraphs') });
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { paragraphs: { total: number } }).paragraphs.total).toBe(38);
  });

  it('with several drafts under ./drafts, refuses to guess (exit 2) and lists them', () => {
    const root = makeTempDir('e2e-several');
    copyBundledDraft('rev1', join(root, 'drafts'));
    copyBundledDraft('rev2', join(root, 'drafts'));
    const result = runNdraft(['status'], { cwd: root });
    expectUsageError(result, /several drafts under \.\/drafts; choose one with --draft/);
    expect(result.stderr).toMatch(/--draft .*drafts[/\\]rev1\n/);
    expect(result.stderr).toMatch(/--draft .*drafts[/\\]rev2\n/);
    expect(result.stderr).toContain('Run "ndraft --help" for usage.');
  });

  it('with no draft anywhere, says how to get one (exit 2)', () => {
    expectUsageError(runNdraft(['status'], { cwd: makeTempDir('e2e-none') }), /no draft here: .*--draft DIR.*ndraft import FILE --out DIR/);
  });

  it('on a draft with an error exits 1, prints the error with file:line:col and no stack trace', () => {
    const dir = copyBundledDraft();
    editFile(dir, 'paragraphs/061.yaml', (s) => s.replace('status: open', 'status: done'));
    const result = runNdraft(['status'], { cwd: dir });
    expectUserError(result, /^paragraphs\/061\.yaml:4:9: error: status must be one of open, agreed, agreed-ad-ref, deleted \[SCHEMA\]$/m);
    expect(result.stderr).toContain('ndraft: the draft has 1 error; fix it (see "ndraft validate")');
    expect(result.stdout).toBe('');
  });
});

describe('ndraft validate', () => {
  it('on the bundled draft exits 0 and prints the warnings for paragraph 57', () => {
    const result = runNdraft(['validate']);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^drafts\/wsis-tunis-internet-governance\/paragraphs\/057\.yaml:\d+:\d+: warning: "enhance\/establish" looks like a choice .*\[UNBRACKETED_CHOICE\]$/m);
    expect(result.stdout).toMatch(/paragraphs\/057\.yaml:\d+:\d+: warning: "model\/mechanism"/);
    expect(result.stdout).not.toMatch(/: error: /);
    expect(result.stdout).toMatch(/✓ valid: 39 files, 0 errors, 4 warnings\n$/);
  });

  it('--json on the bundled draft: valid, with each problem placed', () => {
    const result = runNdraft(['validate', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { problems: Record<string, unknown>[] } & Record<string, unknown>;
    expect(report).toEqual({ draft: 'drafts/wsis-tunis-internet-governance', valid: true, files: 39, errors: 0, warnings: 4, problems: expect.any(Array) });
    expect(report.problems).toHaveLength(4);
    for (const problem of report.problems) {
      expect(problem).toEqual({ severity: 'warning', code: 'UNBRACKETED_CHOICE', message: expect.any(String), file: expect.stringMatching(/^drafts\/.*\.yaml$/), line: expect.any(Number), column: expect.any(Number) });
    }
  });

  it('on a corrupted copy exits 1 with paragraphs/061.yaml:LINE:COL:, the source line and a caret under the stray "]"', () => {
    const dir = copyBundledDraft();
    editFile(dir, 'paragraphs/061.yaml', (s) => s.replace('the necessity to promote', 'the necessity] to promote'));
    const result = runNdraft(['validate'], { cwd: dir });
    expect(result.status, result.stdout).toBe(1);
    const lines = result.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('paragraphs/061.yaml:'));
    expect(lines[at]).toBe('paragraphs/061.yaml:12:154: error: closing bracket "]" has no opening bracket (in Alt 2) [UNEXPECTED_CLOSING_BRACKET]');
    const shown = lines[at + 1] ?? '';
    const caret = lines[at + 2] ?? '';
    expect(shown).toContain('the necessity] to promote');
    expect(caret).toMatch(/^ +\^$/);
    expect(shown[caret.indexOf('^')]).toBe(']');
    expect(result.stdout).toMatch(/✗ invalid: 39 files, 1 error, 4 warnings\n$/);
  });

  it('--json on a corrupted copy: invalid, the error placed in the file, exit 1', () => {
    const dir = copyBundledDraft();
    editFile(dir, 'paragraphs/061.yaml', (s) => s.replace('status: open', 'status: done'));
    const result = runNdraft(['validate', '--json'], { cwd: dir });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { problems: Record<string, unknown>[] } & Record<string, unknown>;
    expect(report).toEqual(expect.objectContaining({ valid: false, files: 39, errors: 1, warnings: 4 }));
    expect(report.problems).toContainEqual({
      severity: 'error',
      code: 'SCHEMA',
      message: 'status must be one of open, agreed, agreed-ad-ref, deleted',
      file: 'paragraphs/061.yaml',
      line: 4,
      column: 9,
    });
  });
});

describe('ndraft import', () => {
  let work: string;
  let first: RunResult;
  beforeAll(() => {
    work = makeTempDir('e2e-import');
    first = runNdraft(['import', SEED_TEXT, '--out', 'rev1', '--title', TITLE], { cwd: work });
  });

  it('imports the seed: exit 0, a summary on stdout, the warnings on stderr (61 unclosed, line 80)', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Imported .*wsis-tunis-internet-governance\.txt → rev1\n/);
    expect(first.stdout).toMatch(/^ {2}paragraphs +38: 22 agreed, 0 agreed ad ref, 16 open, 0 deleted$/m);
    expect(first.stdout).toMatch(/^ {2}alternatives +5$/m);
    expect(first.stderr).toMatch(/wsis-tunis-internet-governance\.txt:80:\d+: warning: paragraph 61 opens with "\[" but its closing bracket is missing/);
    expect(first.stderr).not.toMatch(/: error: /);
  });

  it('writes the same paragraphs as the bundled draft, and nothing temporary', () => {
    expect(readdirSync(work)).toEqual(['rev1']);
    // .ndraft/ holds the parse cache that checking the new draft filled; git ignores it by itself.
    expect(readdirSync(join(work, 'rev1')).sort()).toEqual(['.ndraft', 'draft.yaml', 'paragraphs', 'revisions']);
    expect(readFileSync(join(work, 'rev1', '.ndraft', '.gitignore'), 'utf8')).toBe('*\n');
    expect(paragraphBodies(join(work, 'rev1'))).toEqual(paragraphBodies(BUNDLED_DRAFT));
  });

  it('again without --force: exit 1, the draft left exactly as it was', () => {
    const before = snapshot(join(work, 'rev1'));
    const result = runNdraft(['import', SEED_TEXT, '--out', 'rev1'], { cwd: work });
    expectUserError(result, /rev1 already holds a draft; use --force to replace it/);
    expect(result.stdout).toBe('');
    expect(snapshot(join(work, 'rev1'))).toEqual(before);
    expect(temporaryLeftovers(work)).toEqual([]);
  });

  it('again with --force: exit 0, the draft replaced wholly, nothing temporary left', () => {
    writeFileSync(join(work, 'rev1', 'paragraphs', '099.yaml'), 'number: "99"\n');
    const result = runNdraft(['import', SEED_TEXT, '--out', 'rev1', '--force', '--title', 'Rev.2'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(work, 'rev1', 'paragraphs', '099.yaml'))).toBe(false);
    expect(readFileSync(join(work, 'rev1', 'draft.yaml'), 'utf8')).toMatch(/^title: Rev\.2$/m);
    expect(readdirSync(work)).toEqual(['rev1']);
  });

  describe('a windows-1252 file', () => {
    let dir: string;
    beforeAll(() => {
      dir = makeTempDir('e2e-1252');
      // "WGIG’s" with the apostrophe as Word saves it in windows-1252: byte 0x92, line 5, column 25.
      const bytes = Buffer.concat([Buffer.from('1.\nIntroduction\n\n39.\nWe take note of the WGIG'), Buffer.from([0x92]), Buffer.from('s report. (Agreed)\n')]);
      writeFileSync(join(dir, 'chair.txt'), bytes);
    });

    it('is read as windows-1252 (exit 0) with a warning naming the encoding, line and column', () => {
      const result = runNdraft(['import', 'chair.txt', '--out', 'guessed'], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/chair\.txt:5:25: warning: the file is not UTF-8; it was read as windows-1252 \(Latin-1\).*\[ENCODING_GUESSED\]/);
      expect(result.stdout).toMatch(/warnings {6}1/);
      expect(readFileSync(join(dir, 'guessed', 'paragraphs', '039.yaml'), 'utf8')).toContain('We take note of the WGIG’s report.');
    });

    it('a Cyrillic windows-1251 file is refused (exit 1), suggesting --encoding windows-1251, writing nothing', () => {
      writeFileSync(join(dir, 'ru.txt'), Buffer.from([0x31, 0x2e, 0x20, 0xd1, 0xf2, 0xee, 0xf0, 0xee, 0xed, 0xfb, 0x20, 0xef, 0xf0, 0xe8, 0xed, 0xe8, 0xec, 0xe0, 0xfe, 0xf2, 0x0a]));
      const result = runNdraft(['import', 'ru.txt', '--out', 'ru'], { cwd: dir });
      expectUserError(result, /ru\.txt:1:4: .*Cyrillic text.*--encoding windows-1251/);
      expect(existsSync(join(dir, 'ru'))).toBe(false);
    });

    it('is read with --encoding windows-1252, keeping the curly apostrophe', () => {
      const result = runNdraft(['import', 'chair.txt', '--out', 'rev1', '--encoding', 'windows-1252'], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(join(dir, 'rev1', 'paragraphs', '039.yaml'), 'utf8')).toContain('We take note of the WGIG’s report.');
    });

    it('an encoding name that does not exist is a usage error (exit 2)', () => {
      expectUsageError(runNdraft(['import', 'chair.txt', '--out', 'rev2', '--encoding', 'klingon'], { cwd: dir }), /unknown --encoding "klingon"/);
      expect(existsSync(join(dir, 'rev2'))).toBe(false);
    });
  });

  it('a file that does not exist: exit 1, naming it, writing nothing', () => {
    const dir = makeTempDir('e2e-missing');
    const result = runNdraft(['import', 'nope.txt', '--out', 'rev1'], { cwd: dir });
    expectUserError(result, /^ndraft: nope\.txt: no such file$/m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('without --out is a usage error (exit 2)', () => {
    expectUsageError(runNdraft(['import', SEED_TEXT], { cwd: makeTempDir('e2e-noout') }), /give --out <dir> for a new draft, or --into <draft> --as <name>/);
  });
});

describe('ndraft export', () => {
  it('--format json prints {title, sections, paragraphs} with the 38 paragraphs in reading order', () => {
    const result = runNdraft(['export', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const model = JSON.parse(result.stdout) as { title: string; sections: unknown[]; paragraphs: { number: string; status: string; alternatives: unknown[] }[] };
    expect(model).toEqual(expect.objectContaining({ title: TITLE, sections: expect.any(Array), paragraphs: expect.any(Array) }));
    expect(model.sections).toHaveLength(5);
    expect(model.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 38 }, (_, i) => String(39 + i)));
    expect(model.paragraphs.find((p) => p.number === '61')).toEqual(expect.objectContaining({ status: 'open', bracketed: true, alternatives: expect.arrayContaining([expect.objectContaining({ label: 'Alt 2' })]) }));
  });

  describe('-o FILE', () => {
    let dir: string;
    beforeAll(() => {
      dir = copyBundledDraft();
    });

    it('writes the text to the file, not to stdout, and says so on stderr', () => {
      const result = runNdraft(['export', '-o', 'chair.txt'], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('Exported 38 paragraphs (compilation) as text to chair.txt\n');
      const text = readFileSync(join(dir, 'chair.txt'), 'utf8');
      expect(text.startsWith('1.\nIntroduction\n\n39.\nWe reaffirm the principles')).toBe(true);
      expect(text).toContain('[Alt 2 61.');
      expect(temporaryLeftovers(dir)).toEqual([]);
    });

    it('replaces its own earlier export without --force, but not a file edited since (exit 1, unchanged)', () => {
      const path = join(dir, 'chair.txt');
      const again = runNdraft(['export', '-o', 'chair.txt'], { cwd: dir });
      expect(again.status, again.stderr).toBe(0);
      writeFileSync(path, `${readFileSync(path, 'utf8')}\nA delegate's note.\n`);
      const before = { content: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs };
      const result = runNdraft(['export', '-o', 'chair.txt', '--format', 'json'], { cwd: dir });
      expectUserError(result, /^ndraft: chair\.txt already exists and is not an earlier export of this draft \(or was edited since\); use --force to overwrite it$/m);
      expect({ content: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs }).toEqual(before);
      const forced = runNdraft(['export', '-o', 'chair.txt', '--force'], { cwd: dir });
      expect(forced.status, forced.stderr).toBe(0);
      expect(readFileSync(path, 'utf8')).not.toContain("A delegate's note.");
    });

    it('the exported text imports back to the same paragraphs', () => {
      const result = runNdraft(['import', 'chair.txt', '--out', 'reimported'], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(paragraphBodies(join(dir, 'reimported'))).toEqual(paragraphBodies(BUNDLED_DRAFT));
    });
  });

  it('--format xml is a usage error (exit 2) listing the formats', () => {
    expectUsageError(runNdraft(['export', '--format', 'xml']), /argument 'xml' is invalid\. Allowed choices are text, md, html, docx, pdf, json, akn\./);
  });

  it('on a draft with an error exits 1 and writes no file', () => {
    const dir = copyBundledDraft();
    editFile(dir, 'paragraphs/076.yaml', (s) => s.replace('[some]', '[some'));
    const result = runNdraft(['export', '-o', 'chair.txt'], { cwd: dir });
    expectUserError(result, /^paragraphs\/076\.yaml:\d+:\d+: error: opening bracket "\[" is never closed \(in text\) \[UNCLOSED_BRACKET\]$/m);
    expect(existsSync(join(dir, 'chair.txt'))).toBe(false);
  });

  // The text for capitals must never carry replacement characters: such a file is an error.
  it('refuses to export text that has characters that were not valid UTF-8', () => {
    const dir = copyBundledDraft();
    const path = join(dir, 'paragraphs', '039.yaml');
    const bytes = readFileSync(path);
    bytes[bytes.indexOf('reaffirm')] = 0xe9;
    writeFileSync(path, bytes);
    const result = runNdraft(['export'], { cwd: dir });
    expectUserError(result, /^paragraphs\/039\.yaml:6:10: error: the file is not valid UTF-8 \(byte 0xE9\); save it as UTF-8 \[NOT_UTF8\]$/m);
    expect(result.stdout).toBe('');
  });
});

describe('ndraft show', () => {
  it('show 61 prints the paragraph and its three alternatives', () => {
    const result = runNdraft(['show', '61']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('We underline the importance of the prosecution of cybercrime');
    for (const label of ['Alt 1', 'Alt 2', 'Alt 3']) expect(result.stdout).toContain(label);
  });

  it('show 999 exits 1 saying there is no such paragraph', () => {
    const result = runNdraft(['show', '999']);
    expectUserError(result, /^ndraft: no paragraph 999 in this draft/m);
    expect(result.stdout).toBe('');
  });
});

