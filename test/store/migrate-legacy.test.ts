import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/validate/check-draft.js';
import { loadDraft } from '../../src/store/load-draft.js';
import { editFile, makeTempDir, removeTempDirs, REPO_ROOT, runNdraft } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

/** The bundled draft as ndraft 0.1 saved it: no addresses (the number was one), notes as plain strings. */
const V01_DRAFT = join(REPO_ROOT, 'test', 'fixtures', 'draft-v0.1');

function legacyCopy(): string {
  const dir = join(makeTempDir('legacy'), 'draft');
  cpSync(V01_DRAFT, dir, { recursive: true });
  editFile(dir, 'paragraphs/061.yaml', (s) => `${s}notes:\n  - Chair to consult\n`);
  editFile(dir, 'draft.yaml', (s) => `${s}notes:\n  - Compiled after the second reading\n`);
  return dir;
}

describe('a draft saved by ndraft 0.1', () => {
  it('loads as today: each number serves as the address, string notes become notes with a text', async () => {
    const dir = legacyCopy();
    expect(readFileSync(join(dir, 'paragraphs/061.yaml'), 'utf8')).not.toContain('address:');
    const checked = await checkDraft(await loadDraft(dir));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const p61 = checked.draft?.paragraphs.find((p) => p.number === '61');
    expect(p61).toMatchObject({ address: '61', number: '61', notes: [{ text: 'Chair to consult' }] });
    expect(checked.meta?.notes).toEqual([{ text: 'Compiled after the second reading' }]);
  });

  it('works with every command; a paragraph written again is stored in the current shape', () => {
    const dir = legacyCopy();
    expect(runNdraft(['validate', '--draft', dir]).status).toBe(0);
    const shown = runNdraft(['show', '61', '--draft', dir]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('Note: Chair to consult');
    expect(runNdraft(['accept', '76', '--bracket', '1', '--drop', '--draft', dir]).status).toBe(0);
    const written = readFileSync(join(dir, 'paragraphs/076.yaml'), 'utf8');
    expect(written).toMatch(/^address: "76"\nnumber: "76"$/m);
    expect(runNdraft(['undo', '--draft', dir]).status).toBe(0);
    expect(runNdraft(['log', '76', '--draft', dir]).stdout).toContain('accept 76 --bracket 1 --drop');
  });
});
