/**
 * Positions on brackets, end to end: support, oppose and withdraw --bracket, the matrix, show,
 * and the position leaving with its bracket when the bracket is resolved (and coming back on undo).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundledDraft, removeTempDirs, runInProcess, snapshotFiles, withoutBracketList, type RunResult } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const dir = copyBundledDraft('bracket-positions');
const ndraft = (...args: string[]): Promise<RunResult> => runInProcess([...args, '--draft', dir], { env: { NDRAFT_AUTHOR: 'Secretariat' } });
const file56 = () => readFileSync(join(dir, 'paragraphs', '056.yaml'), 'utf8');

function ok(result: RunResult): string {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return withoutBracketList(result.stdout);
}

describe('positions on brackets', () => {
  it('support and oppose take a bracket by number or words, and the file keeps it by how it is written', async () => {
    expect(ok(await ndraft('support', '56', '--bracket', '1', '--by', 'EU'))).toBe('✓ EU wants to keep the words of bracket 1 [management/development] of paragraph 56\n');
    expect(ok(await ndraft('oppose', '56', '--bracket', 'management/development', '--by', 'G77'))).toBe('✓ G77 wants to drop the words of bracket 1 [management/development] of paragraph 56\n');
    expect(file56()).toContain('bracketPositions:\n  - in: text\n    bracket: "[management/development]"\n    supportedBy:\n      - EU\n    opposedBy:\n      - G77\n');
  });

  it('show and positions list them', async () => {
    expect(ok(await ndraft('show', '56'))).toContain('management / development (supported by EU; opposed by G77)');
    expect(ok(await ndraft('positions'))).toBe('Delegation  56 [management/development]\n----------  ---------------------------\nEU          supported\nG77         opposed\n');
    const json = JSON.parse(ok(await ndraft('positions', '--format', 'json'))) as { columns: { bracket?: string }[] };
    expect(json.columns.map((c) => c.bracket)).toEqual(['[management/development]']);
  });

  it('refuses a label with --bracket, an unknown bracket, and a position not held, with nothing written', async () => {
    const before = snapshotFiles(dir);
    const both = await ndraft('support', '56', 'Alt', '1', '--bracket', '1', '--by', 'EU');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('name an alternative or --bracket, not both');
    const unknown = await ndraft('support', '56', '--bracket', '3', '--by', 'EU');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('paragraph 56 has no bracket 3');
    const none = await ndraft('withdraw', '56', '--bracket', '1', '--by', 'US');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('US holds no position on bracket 1 [management/development] of paragraph 56');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('a position leaves with its bracket when the bracket is resolved, and comes back on undo', async () => {
    ok(await ndraft('withdraw', '56', '--bracket', '1', '--by', 'G77'));
    expect(file56()).not.toContain('opposedBy');
    ok(await ndraft('accept', '56', '--bracket', '1', '--option', '2'));
    expect(file56()).not.toContain('bracketPositions');
    expect(ok(await ndraft('positions'))).toContain('No positions');
    ok(await ndraft('undo'));
    expect(file56()).toContain('supportedBy:\n      - EU\n');
  });
});
