/**
 * Export end to end through bin/ndraft: every format in both modes on the bundled draft, --clean
 * refused until everything is resolved, and a Word document whose tracked changes are exactly the
 * two alternatives accepted since the import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundledDraft, removeTempDirs, runInProcess, type RunResult } from '../helpers/sandbox.js';
import { unzip } from '../helpers/zip.js';

afterAll(removeTempDirs);

const dir = copyBundledDraft('export');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess(args, { cwd: dir, env: { NDRAFT_AUTHOR: 'Secretariat' } });
const FORMATS = ['text', 'md', 'html', 'docx', 'json', 'akn'] as const;

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe('ndraft export', () => {
  it('writes the compilation in every format', async () => {
    for (const format of FORMATS) ok(await ndraft('export', '--format', format, '-o', `compilation.${format}`));
    expect(readFileSync(join(dir, 'compilation.text'), 'utf8')).toContain('[management/development]');
    expect(readFileSync(join(dir, 'compilation.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(unzip(readFileSync(join(dir, 'compilation.docx'))).get('word/document.xml')).toContain('management');
  });

  it('refuses --clean while anything is unresolved, listing each place, and writes nothing', async () => {
    const result = await ndraft('export', '--clean', '-o', 'clean.txt');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: paragraph 56, bracket 1 in text: [management/development] [UNRESOLVED]');
    expect(result.stderr).toMatch(/ndraft: the draft cannot be exported clean: 10 places are unresolved/);
  });

  it('exports clean in every format once everything is resolved', async () => {
    ok(await ndraft('accept', '56', '--bracket', '1', '--option', '2'));
    ok(await ndraft('accept', '61', 'Alt 3'));
    ok(await ndraft('accept', '61', '--keep-paragraph'));
    ok(await ndraft('accept', '70', '--bracket', '1', '--keep'));
    ok(await ndraft('accept', '71', 'Alt 71g2'));
    ok(await ndraft('accept', '76', '--bracket', '1', '--drop'));
    for (const format of FORMATS) ok(await ndraft('export', '--clean', '--format', format, '-o', `clean.${format}`));
    const text = readFileSync(join(dir, 'clean.text'), 'utf8');
    expect(text).not.toMatch(/[[\]]|\(Agreed\)|Alt \d/);
    expect(text).toContain('the technical development of the Internet.');
    expect(text).toContain('we agree that adjustments need to be made');
  });

  it('writes Word tracked changes for exactly the two alternatives accepted since the import, by their author', async () => {
    const fresh = copyBundledDraft('tracked');
    const run = async (...args: string[]) => ok(await runInProcess(args, { cwd: fresh, env: { NDRAFT_AUTHOR: 'Chair of WG1' } }));
    await run('accept', '61', 'Alt 3');
    await run('accept', '71', 'Alt 71g2');
    await run('export', '--format', 'docx', '--changes-since', 'import', '-o', 'changes.docx');
    const xml = unzip(readFileSync(join(fresh, 'changes.docx'))).get('word/document.xml') ?? '';
    const authors = new Set([...xml.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]));
    expect(authors).toEqual(new Set(['Chair of WG1']));
    // The inserted words are those of Alt 3 and Alt 71g2 that the former texts did not have.
    const inserted = [...xml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g)].map((m) => [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join(' ');
    expect(inserted).toContain('law enforcement agencies');
    expect(inserted).toContain('and reduced interconnection');
    expect(inserted).toContain('multilateral trade rule');
    // Nothing outside 61 and 71 changed.
    const paragraphsWithChanges = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].filter((m) => /<w:(ins|del) /.test(m[0])).map((m) => /<w:t[^>]*>(\d+)\.?<\/w:t>/.exec(m[0])?.[1]);
    expect(paragraphsWithChanges.filter((n) => n !== undefined && n !== '61' && n !== '71')).toEqual([]);
  });
});
