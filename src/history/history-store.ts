import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { historyEntrySchema, type HistoryEntry } from '../model/schemas.js';
import { checkSchema } from '../store/schema-issues.js';
import { serializeYaml } from '../store/serialize.js';
import { parseYamlFile } from '../store/yaml-file.js';

/**
 * The history of a draft is a folder of small files, one per change: `history/<id>.yaml`.
 * Recording a change adds one file and never rewrites the others, so it stays cheap at
 * thousands of entries, travels with the draft, and merges cleanly in git. Ids start with the
 * UTC time, so names sort in the order the changes were made.
 */
export const HISTORY_DIR = 'history';

export function historyFileName(id: string): string {
  return `${id}.yaml`;
}

/** A new id, later than every id already in the folder even when the clock is not. */
export function nextHistoryId(dir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  let id = `${stamp}-${randomBytes(2).toString('hex')}`;
  const last = listHistoryIds(dir).at(-1);
  if (last !== undefined && id <= last) {
    // Same millisecond, or a clock set back: keep the order by stepping past the last id.
    id = `${last.slice(0, last.indexOf('-'))}-${(parseInt(last.slice(last.indexOf('-') + 1), 16) + 1).toString(16).padStart(4, '0')}`;
  }
  return id;
}

export function listHistoryIds(dir: string): string[] {
  const folder = join(dir, HISTORY_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** The YAML text of an entry, with the schema line editors use. */
export function serializeHistoryEntry(dir: string, entry: HistoryEntry): string {
  return serializeYaml(entry, 'history', join(dir, HISTORY_DIR, historyFileName(entry.id)));
}

/** Every entry, oldest first; a file that does not parse or match the schema is a diagnostic, not a crash. */
export function readHistory(dir: string): { entries: HistoryEntry[]; diagnostics: Diagnostic[] } {
  const entries: HistoryEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const id of listHistoryIds(dir)) {
    const file = join(dir, HISTORY_DIR, historyFileName(id));
    const yaml = parseYamlFile(file, readFileSync(file, 'utf8'));
    diagnostics.push(...yaml.diagnostics);
    if (yaml.value === undefined) continue;
    const checked = checkSchema(historyEntrySchema, yaml);
    diagnostics.push(...checked.diagnostics);
    if (checked.value) entries.push(checked.value);
  }
  return { entries, diagnostics };
}
