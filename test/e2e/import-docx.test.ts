/**
 * Word import end to end through bin/ndraft: a generated negotiation draft read with its numbers,
 * tracked changes, comments and footnote, recognised by its content whatever its name; the
 * tracked changes accepted on request; a hostile document refused with nothing written; and the
 * bundled draft's DOCX export read back to the same compilation.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiationDocx } from '../helpers/docx-fixtures.js';
import { copyBundledDraft, makeTempDir, removeTempDirs, runInProcess, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const dir = makeTempDir('import-docx');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess(args, { cwd: dir, env: { NDRAFT_AUTHOR: 'Secretariat' } });

beforeAll(async () => {
  writeFileSync(join(dir, 'adaptation.docx'), await negotiationDocx());
});

describe('ndraft import <file.docx>', () => {
  it('reads numbers, tracked changes, comments and footnotes, and says what came from where', async () => {
    const result = await ndraft('import', 'adaptation.docx', '--out', 'adaptation');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Imported adaptation.docx → adaptation\n');
    expect(result.stdout).toContain('  format        Word (.docx)\n');
    expect(result.stdout).toContain("  numbering     13 numbers and item labels computed from Word's list numbering\n");
    expect(result.stdout).toContain('  tracked       EU: 2 insertions, 1 deletion → 2 alternatives proposed by EU\n');
    expect(result.stdout).toContain('  tracked       G77: 1 insertion, 2 deletions → 2 alternatives proposed by G77\n');
    expect(result.stdout).toContain('  comments      2 kept as notes of the paragraphs they are anchored to\n');
    expect(result.stdout).toContain('  footnotes     1 kept as notes of the paragraphs citing them\n');
    expect(result.stdout).toContain('  tables        1 compilation table: 1 proposal as alternatives\n');
    expect(result.stderr).toContain('adaptation.docx: warning: paragraph 14 (word/document.xml): table 1 is kept as text, row by row');
    const shown = await ndraft('show', 's1-2', '--draft', 'adaptation');
    expect(shown.stdout).toContain('Decides that Parties should enhance national adaptation action by:');
    expect(shown.stdout).toMatch(/Alt 1 \(proposed by EU\)\n\s+Decides that Parties should substantially enhance national adaptation action by:/);
    expect((await ndraft('validate', '--draft', 'adaptation')).status).toBe(0);
  });

  it('recognises a Word document by its content, and --tracked-changes accept takes every change', async () => {
    writeFileSync(join(dir, 'renamed.bin'), readFileSync(join(dir, 'adaptation.docx')));
    const result = await ndraft('import', 'renamed.bin', '--out', 'accepted', '--tracked-changes', 'accept', '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'docx', trackedChanges: { mode: 'accept', authors: { EU: { insertions: 2, alternatives: 0 } } } });
    expect((await ndraft('show', 's1-2', '--draft', 'accepted')).stdout).toContain('Decides that Parties should substantially enhance adaptation action by:');
  });

  it('refuses a document whose XML declares an external entity: exit 1, the entity never read, nothing written', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP SECRET');
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://${secret}">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>1. &x;</w:t></w:r></w:p></w:body></w:document>`;
    writeFileSync(join(dir, 'xxe.docx'), zipSync({ 'word/document.xml': strToU8(xml) }));
    const result = await ndraft('import', 'xxe.docx', '--out', 'xxe');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^ndraft: .*xxe\.docx: word\/document\.xml:1:\d+: the part declares a DTD/m);
    expect(result.stderr + result.stdout).not.toContain('TOP SECRET');
    expect(existsSync(join(dir, 'xxe'))).toBe(false);
  });

  it('refuses a zip bomb past --max-zip-size', async () => {
    writeFileSync(join(dir, 'bomb.docx'), zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'word/media/zeros.bin': new Uint8Array(3 * 1024 * 1024) }));
    const result = await ndraft('--max-zip-size', '2M', 'import', 'bomb.docx', '--out', 'bomb');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bomb.docx would unpack to more than 2 MiB (a zip bomb?), past the limit of 2 MiB (raise it with --max-zip-size or NDRAFT_MAX_ZIP_SIZE)');
    expect(existsSync(join(dir, 'bomb'))).toBe(false);
  });

  it('reads the bundled draft\'s DOCX export back to the same compilation', async () => {
    const bundled = copyBundledDraft('bundled', dir);
    expect((await ndraft('export', '--draft', bundled, '--format', 'docx', '-o', 'circulated.docx')).status).toBe(0);
    const result = await ndraft('import', 'circulated.docx', '--out', 'back');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/format {8}Word \(\.docx\), written by ndraft: \d+ lines of its legend, positions and notes read back/);
    expect((await ndraft('export', '--draft', 'back')).stdout).toBe((await ndraft('export', '--draft', bundled)).stdout);
  });
});
