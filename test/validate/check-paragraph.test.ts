import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importText } from '../../src/importer/import-text.js';
import { readImportSource } from '../../src/importer/read-import-source.js';
import { parseParagraph } from '../../src/model/paragraph-slots.js';
import type { Paragraph } from '../../src/model/schemas.js';
import { paragraphProblems, problemsOfKnownTexts } from '../../src/validate/check-paragraph.js';
import { CORPUS_DIR, CORPUS_FILES } from '../helpers/corpus.js';
import { makeTempDir, REPO_ROOT, removeTempDirs } from '../helpers/sandbox.js';

afterAll(removeTempDirs);

const SEED = fileURLToPath(new URL('../fixtures/wsis-tunis-internet-governance.txt', import.meta.url));

/** Every source the importer reads here: the corpus, the seed, a draft from the benchmark's generator. */
function sources(): string[] {
  const text = makeTempDir('known-texts');
  const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'generate-draft.mjs'), '--paragraphs', '400', '--seed', '7', '--out', text], { encoding: 'utf8' });
  expect(generated.status, generated.stderr).toBe(0);
  return [...CORPUS_FILES.map((name) => join(CORPUS_DIR, name)), SEED, join(text, 'rev1.txt'), join(text, 'rev2.txt')];
}

describe('problemsOfKnownTexts: the check from the texts the importer parsed', () => {
  it('finds what paragraphProblems finds, and the same bracket count, for every paragraph it answers', async () => {
    let answered = 0;
    let paragraphs = 0;
    for (const file of sources()) {
      const result = await readImportSource(readFileSync(file), { file, title: 'T' });
      for (const paragraph of result.draft.paragraphs) {
        paragraphs++;
        const known = problemsOfKnownTexts(paragraph, result.knownTexts);
        if (!known) continue;
        answered++;
        expect(known.problems, `${file}: ${paragraph.address}`).toEqual(paragraphProblems(paragraph));
        expect(known.brackets, `${file}: ${paragraph.address}`).toBe(parseParagraph(paragraph).brackets.length);
      }
    }
    // Only texts in a bracket span (and agreed paragraphs holding a bracket) are parsed again.
    expect(answered).toBeGreaterThan(paragraphs * 0.9);
  });

  it('an unbracketed choice is reported as the parse reports it', () => {
    const result = importText('1. Section\n\n10. We enhance/establish the [mechanism].\n\n11. (Agreed) We note the report.\n', { file: 'x.txt', title: 'T' });
    const [open, agreed] = result.draft.paragraphs as [Paragraph, Paragraph];
    const known = problemsOfKnownTexts(open, result.knownTexts);
    expect(known?.problems.map((p) => p.code)).toEqual(['UNBRACKETED_CHOICE']);
    expect(known?.problems).toEqual(paragraphProblems(open));
    expect(known?.brackets).toBe(1);
    expect(problemsOfKnownTexts(agreed, result.knownTexts)?.problems).toEqual([]);
  });

  it('leaves to the parse a text it does not know, and an agreed paragraph that holds a bracket', () => {
    const result = importText('1. Section\n\n10. We note the [report].\n', { file: 'x.txt', title: 'T' });
    const paragraph = result.draft.paragraphs[0] as Paragraph;
    expect(problemsOfKnownTexts({ ...paragraph, text: `${paragraph.text} Edited.` }, result.knownTexts)).toBeUndefined();
    const agreed: Paragraph = { ...paragraph, status: 'agreed' };
    expect(problemsOfKnownTexts(agreed, result.knownTexts)).toBeUndefined();
    expect(paragraphProblems(agreed).map((p) => p.message)).toEqual(['paragraph 10 is agreed but bracket 1 in text is open']);
  });
});
