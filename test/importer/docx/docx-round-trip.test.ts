/**
 * The round-trip property: a draft exported by ndraft to DOCX (compilation) and imported back
 * gives the same paragraphs (numbers, texts, items, alternatives with their positions and scopes,
 * statuses, notes) and the same outline. ndraft's own furniture (the legend, the header fields,
 * the "(proposed by …)" and note lines) is recognised and read back, not imported as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { exportInput } from '../../../src/export/export-input.js';
import { readDocxSource } from '../../../src/importer/docx/read-docx-source.js';
import { readDraftSource } from '../../../src/importer/read-draft-source.js';
import { renderDocx } from '../../../src/render/render-docx.js';
import type { Draft } from '../../../src/model/schemas.js';
import { loadDraft } from '../../../src/store/load-draft.js';
import { CORPUS_DIR, CORPUS_FILES } from '../../helpers/corpus.js';
import { copyBundledDraft, fakeIo, makeTempDir, REPO_ROOT, removeTempDirs } from '../../helpers/sandbox.js';

afterAll(removeTempDirs);

async function ndraft(...args: string[]): Promise<void> {
  const io = fakeIo(false, { NDRAFT_AUTHOR: 'Secretariat' });
  expect(await main(args, io), `${args.join(' ')}: ${io.err}`).toBe(0);
}

/** The draft exported to DOCX and read back, beside the draft as it is. */
async function roundTrip(draft: string): Promise<{ before: Draft; after: Draft }> {
  const file = join(makeTempDir('docx-out'), 'circulated.docx');
  await ndraft('export', '--draft', draft, '--format', 'docx', '-o', file);
  const loaded = await loadDraft(draft);
  const before = { meta: loaded.meta as Draft['meta'], paragraphs: loaded.paragraphs.map((p) => p.paragraph as Draft['paragraphs'][number]) };
  const after = readDocxSource(readFileSync(file), { file, fallbackTitle: 'circulated' }).draft;
  return { before, after };
}

function expectSame(before: Draft, after: Draft): void {
  const byAddress = (draft: Draft) => Object.fromEntries(draft.paragraphs.map((p) => [p.address, p]));
  expect(byAddress(after)).toEqual(byAddress(before));
  expect(after.meta.sections).toEqual(before.meta.sections);
  expect(after.meta.title).toBe(before.meta.title);
  expect(after.meta.notes).toEqual(before.meta.notes);
}

describe('DOCX export → import gives the draft back', () => {
  it('the bundled draft, with positions, notes on paragraphs and items, and statuses set by commands', async () => {
    const draft = copyBundledDraft();
    await ndraft('support', '61', 'Alt 1', '--by', 'EU', '--draft', draft);
    await ndraft('oppose', '61', 'Alt 2', '--by', 'G77', '--draft', draft);
    await ndraft('oppose', '61', 'Alt 2', '--by', 'United States', '--draft', draft);
    await ndraft('note', '45', 'Check with capitals', '--author', 'EU', '--draft', draft);
    await ndraft('note', '71', 'Item note', '--item', 'e)', '--author', 'Ana', '--draft', draft);
    await ndraft('agree', '48', '--ad-ref', '--draft', draft);
    const { before, after } = await roundTrip(draft);
    expect(before.paragraphs.find((p) => p.address === '61')?.alternatives[1]?.opposedBy).toEqual(['G77', 'United States']);
    expectSame(before, after);
  });

  for (const fixture of ['option-blocks.txt', 'bracket-spans.txt', 'labelled-options.txt', 'small-draft.txt']) {
    it(`a draft imported from ${fixture}`, async () => {
      const dir = join(makeTempDir('docx-rt'), 'draft');
      await ndraft('import', join(REPO_ROOT, 'test', 'fixtures', fixture), '--out', dir);
      const { before, after } = await roundTrip(dir);
      expectSame(before, after);
    });
  }
});

/**
 * Where the DOCX export does not say what the text export says, the round trip cannot give it
 * back (see README, "Importing Word documents"): 01 nests an option block inside an option whose
 * paragraphs go on after it (the document does not show where the inner block ends); 03 has the
 * same, and 05 prints a delegation's proposal for a numbered paragraph as an alternative labelled
 * with its proposers.
 */
const NOT_ROUND_TRIPPED = new Set(['01-unfccc-adp-lima-elements-preamble-general.txt', '03-unfccc-adp-lima-elements-compliance-final-clauses.txt', '05-tpp-ip-chapter-2013-general-provisions.txt']);

describe('DOCX export → import on the corpus of real negotiation texts', () => {
  for (const name of CORPUS_FILES.filter((f) => !NOT_ROUND_TRIPPED.has(f))) {
    it(`${name}: the same paragraphs and outline`, async () => {
      const file = join(CORPUS_DIR, name);
      const before = readDraftSource(readFileSync(file), { file, title: name }).draft;
      const docx = await renderDocx(exportInput(before, 'compilation'));
      const after = readDocxSource(docx, { file: `${name}.docx`, fallbackTitle: name }).draft;
      expectSame(before, after);
    });
  }
});
