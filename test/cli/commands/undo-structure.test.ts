/**
 * `undo` reverts a change that created or removed a paragraph together with the outline change
 * recorded with it (issue 12, part 2). No command makes such a change yet, so the change is made
 * here through the store's own commit, as such a command will.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import type { DraftMeta, HistoryEntry, Paragraph } from '../../../src/model/schemas.js';
import { commitChanges } from '../../../src/store/commit-changes.js';
import { loadDraft } from '../../../src/store/load-draft.js';
import { checkDraft } from '../../../src/validate/check-draft.js';
import { copyBundledDraft, fakeIo, removeTempDirs, snapshotFiles } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

async function ndraft(dir: string, ...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const io = fakeIo(false, { NDRAFT_AUTHOR: 'Secretariat' });
  const status = await main([...args, '--draft', dir], io);
  return { status, out: io.out, err: io.err };
}

async function opened(dir: string): Promise<{ meta: DraftMeta; paragraphs: Paragraph[] }> {
  const checked = await checkDraft(await loadDraft(dir));
  if (!checked.meta || !checked.draft) throw new Error(JSON.stringify(checked.diagnostics));
  return { meta: checked.meta, paragraphs: checked.draft.paragraphs };
}

const entry = (changes: HistoryEntry['changes'], outline: HistoryEntry['outline']): HistoryEntry => ({
  id: '20261130T060000000Z-abcd',
  time: '2026-11-30T06:00:00.000Z',
  author: 'Secretariat',
  command: 'add 61bis --after 61',
  changes,
  ...(outline ? { outline } : {}),
});

/** The outline with `address` inserted after `after` (or taken out). */
function withOutline(meta: DraftMeta, edit: (addresses: string[]) => string[]): DraftMeta {
  const sections = meta.sections.map((s) => ({ ...s, paragraphs: edit(s.paragraphs as string[]), subsections: s.subsections?.map((x) => ({ ...x, paragraphs: edit(x.paragraphs as string[]) })) }));
  return { ...meta, sections };
}

describe('undo of a change to the structure', () => {
  it('removes a paragraph the change created and puts the outline back', async () => {
    const dir = copyBundledDraft();
    const before = snapshotFiles(dir);
    const { meta } = await opened(dir);
    const added: Paragraph = { address: '61bis', number: '61bis', status: 'open', bracketed: true, text: 'We also note new threats.', items: [], alternatives: [] };
    const after = withOutline(meta, (list) => list.flatMap((a) => (a === '61' ? [a, '61bis'] : [a])));
    commitChanges(dir, [added], entry([{ paragraph: '61bis', before: null, after: added }], { before: meta, after }), after);
    expect((await ndraft(dir, 'validate')).status).toBe(0);
    expect((await ndraft(dir, 'show', '61bis')).out).toContain('We also note new threats.');

    const undone = await ndraft(dir, 'undo');
    expect(undone.status, undone.err).toBe(0);
    expect(readdirSync(join(dir, 'paragraphs'))).not.toContain('061bis.yaml');
    const now = snapshotFiles(dir);
    for (const name of Object.keys(before)) expect(now[name], name).toEqual(before[name]);
    expect((await ndraft(dir, 'validate')).status).toBe(0);
  });

  it('brings back a paragraph the change removed, unless its address was taken meanwhile', async () => {
    const dir = copyBundledDraft();
    const original = readFileSync(join(dir, 'paragraphs', '076.yaml'));
    const { meta, paragraphs } = await opened(dir);
    const p76 = paragraphs.find((p) => p.address === '76') as Paragraph;
    const after = withOutline(meta, (list) => list.filter((a) => a !== '76'));
    commitChanges(dir, [], { ...entry([{ paragraph: '76', before: p76, after: null }], { before: meta, after }), command: 'remove 76' }, after, ['76']);
    expect(readdirSync(join(dir, 'paragraphs'))).not.toContain('076.yaml');
    expect((await ndraft(dir, 'validate')).status).toBe(0);

    const undone = await ndraft(dir, 'undo');
    expect(undone.status, undone.err).toBe(0);
    expect(readFileSync(join(dir, 'paragraphs', '076.yaml'))).toEqual(original);
    expect((await ndraft(dir, 'validate')).status).toBe(0);
    expect((await ndraft(dir, 'log', '76')).out).toContain('undo');
  });

  it('refuses a creation or removal whose outline change was not recorded', async () => {
    const dir = copyBundledDraft();
    const added: Paragraph = { address: '61bis', number: '61bis', status: 'open', bracketed: false, text: 'x', items: [], alternatives: [] };
    commitChanges(dir, [added], entry([{ paragraph: '61bis', before: null, after: added }], undefined));
    // The paragraph is then listed by hand, so that the draft is valid again.
    const { meta } = await opened(dir).catch(() => ({ meta: undefined }));
    expect(meta).toBeUndefined();
    const draftYaml = join(dir, 'draft.yaml');
    const text = readFileSync(draftYaml, 'utf8').replace('- "61"\n', '- "61"\n          - 61bis\n');
    writeFileSync(draftYaml, text);
    expect((await ndraft(dir, 'validate')).status).toBe(0);
    const before = snapshotFiles(dir);
    const refused = await ndraft(dir, 'undo');
    expect(refused.status).toBe(1);
    expect(refused.err).toContain('created or removed a paragraph without recording the outline; undo cannot revert it');
    expect(snapshotFiles(dir)).toEqual(before);
  });
});
