/**
 * The bracket-spans fixture (test/fixtures/bracket-spans.txt) imported into a fresh draft folder:
 * a span over paragraphs 3–4, one over item (j) to sub-item (v) of paragraph 5, and a bracket
 * never closed in paragraph 6 (repaired). Not a test file itself.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importText } from '../../src/importer/import-text.js';
import { draftFiles } from '../../src/store/write-draft.js';
import { makeTempDir, REPO_ROOT } from './sandbox.js';

export const SPANS_TEXT = join(REPO_ROOT, 'test', 'fixtures', 'bracket-spans.txt');
export const SPANS_TITLE = 'Forum on response measures';

export function spansDraft(): string {
  const dir = join(makeTempDir('spans'), 'draft');
  const { draft } = importText(readFileSync(SPANS_TEXT, 'utf8'), { file: SPANS_TEXT, title: SPANS_TITLE, source: basename(SPANS_TEXT) });
  mkdirSync(join(dir, 'paragraphs'), { recursive: true });
  for (const file of draftFiles(draft, dir)) writeFileSync(join(dir, file.name), file.content);
  return dir;
}
