import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/load-draft.js';
import { checkDraft } from '../../src/validate/check-draft.js';
import { BUNDLED_DRAFT, copyBundledDraft, editFile, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

describe('loadDraft on the bundled draft', async () => {
  const loaded = await loadDraft(BUNDLED_DRAFT);

  it('reads draft.yaml and 38 paragraph files without a single diagnostic', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.meta?.title).toBe('WSIS Tunis phase: Internet governance (paragraphs 39–76)');
    expect(loaded.paragraphs).toHaveLength(38);
    expect(loaded.paragraphs.every((p) => p.paragraph !== undefined)).toBe(true);
  });

  it('keeps each paragraph with the file it came from', () => {
    const p61 = loaded.paragraphs.find((p) => p.paragraph?.number === '61');
    expect(p61 && relative(BUNDLED_DRAFT, p61.file)).toBe(join('paragraphs', '061.yaml'));
    expect(p61?.paragraph?.bracketed).toBe(true);
    expect(p61?.paragraph?.alternatives.map((a) => a.label)).toEqual(['Alt 1', 'Alt 2', 'Alt 3']);
  });

  it('checks clean: no errors, 38 paragraphs in outline order 39 to 76, 5 sections', async () => {
    const { diagnostics, draft } = (await checkDraft(loaded));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(draft?.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 38 }, (_, i) => String(39 + i)));
    expect(draft?.meta.sections).toHaveLength(5);
  });

  it('fills the defaults of optional lists (items, alternatives) so callers never see undefined', () => {
    const p39 = loaded.paragraphs.find((p) => p.paragraph?.number === '39')?.paragraph;
    expect(p39?.items).toEqual([]);
    expect(p39?.alternatives).toEqual([]);
  });
});

describe('loadDraft on edited copies', () => {
  it('ignores files that are not YAML, but warns about a paragraph saved as .yml', async () => {
    const dir = copyBundledDraft();
    writeFileSync(join(dir, 'paragraphs', 'README.md'), '# notes\n');
    writeFileSync(join(dir, 'paragraphs', '077.yml'), readFileSync(join(dir, 'paragraphs', '061.yaml')));
    const loaded = await loadDraft(dir);
    expect(loaded.paragraphs).toHaveLength(38);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ code: 'STRAY_FILE', severity: 'warning', file: join(dir, 'paragraphs', '077.yml'), message: expect.stringContaining('rename 077.yml') }),
    ]);
  });

  it('keeps a paragraph file that fails the schema in the list, without a paragraph', async () => {
    const dir = copyBundledDraft();
    editFile(dir, 'paragraphs/061.yaml', (s) => s.replace('status: open', 'status: done'));
    const loaded = await loadDraft(dir);
    expect(loaded.paragraphs).toHaveLength(38);
    const p61 = loaded.paragraphs.find((p) => p.file.endsWith('061.yaml'));
    expect(p61?.paragraph).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['SCHEMA']);
  });

  it('reads files saved with a byte-order mark and with Windows line endings', async () => {
    const dir = copyBundledDraft();
    editFile(dir, 'paragraphs/061.yaml', (s) => `\uFEFF${s.replace(/\n/g, '\r\n')}`);
    editFile(dir, 'draft.yaml', (s) => s.replace(/\n/g, '\r\n'));
    const { diagnostics, draft } = (await checkDraft(await loadDraft(dir)));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(draft?.paragraphs.find((p) => p.number === '61')?.alternatives).toHaveLength(3);
    expect(draft?.meta.title).toBe('WSIS Tunis phase: Internet governance (paragraphs 39–76)');
  });

  it('loads a draft with no paragraphs folder as zero paragraphs (the outline check then names each missing file)', async () => {
    const dir = copyBundledDraft();
    rmSync(join(dir, 'paragraphs'), { recursive: true });
    const loaded = await loadDraft(dir);
    expect(loaded.paragraphs).toEqual([]);
    expect(loaded.meta?.sections).toHaveLength(5);
    const missing = (await checkDraft(loaded)).diagnostics.filter((d) => d.code === 'OUTLINE_MISSING_FILE');
    expect(missing).toHaveLength(38);
  });
});
