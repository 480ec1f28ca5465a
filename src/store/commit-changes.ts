import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HistoryEntry, Paragraph } from '../model/schemas.js';
import { HISTORY_DIR, historyFileName, serializeHistoryEntry } from '../history/history-store.js';
import { temporarySibling } from './atomic-write.js';
import { PARAGRAPHS_DIR, paragraphFileName } from './paragraph-file-name.js';
import { paragraphForYaml, serializeYaml } from './serialize.js';

/**
 * Writes the paragraphs a command changed and the history entry that records the change.
 * Every file is first written in full beside its target; only then are they renamed into
 * place, the history entry last, so a failure while writing leaves the draft as it was.
 */
export function commitChanges(dir: string, paragraphs: readonly Paragraph[], entry: HistoryEntry): void {
  const files: { target: string; content: string }[] = paragraphs.map((paragraph) => {
    const target = join(dir, PARAGRAPHS_DIR, paragraphFileName(paragraph.address));
    return { target, content: serializeYaml(paragraphForYaml(paragraph), 'paragraph', target) };
  });
  files.push({ target: join(dir, HISTORY_DIR, historyFileName(entry.id)), content: serializeHistoryEntry(dir, entry) });

  const staged: { temporary: string; target: string }[] = [];
  try {
    for (const file of files) {
      mkdirSync(dirname(file.target), { recursive: true });
      const temporary = temporarySibling(file.target);
      staged.push({ temporary, target: file.target });
      writeFileSync(temporary, file.content, { flush: true });
    }
  } catch (error) {
    for (const s of staged) rmSync(s.temporary, { force: true });
    throw error;
  }
  for (const s of staged) renameSync(s.temporary, s.target);
}
