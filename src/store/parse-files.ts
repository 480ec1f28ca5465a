import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { firstInvalidUtf8 } from '../encoding/utf8.js';
import { draftSchema, historyEntrySchema, paragraphSchema, type DraftMeta, type HistoryEntry, type Paragraph } from '../model/schemas.js';
import { migrateDraftValue, migrateHistoryValue, migrateParagraphValue } from './migrate-legacy.js';
import { refusalDiagnostic, type Refusal } from './read-draft-file.js';
import { readSimpleYaml } from './read-simple-yaml.js';
import { checkSchema } from './schema-issues.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';
import { LazyYamlFile } from './yaml-parser.js';
import { conflictMarkerDiagnostic } from '../reconcile/conflict-markers.js';

export { parseYamlFile };

/** A file's bytes, or why it could not be read. */
export type FileBytes = Buffer | Refusal;

/**
 * Parsing a file of the draft and checking it against its schema: the part of loading that needs
 * the `yaml` package and zod, loaded through `loadParsers()` only when a file is not in the cache.
 */
export function parseParagraphFile(file: string, bytes: FileBytes): { yaml: YamlFile; paragraph?: Paragraph; diagnostics: Diagnostic[] } {
  const yaml = readYaml(file, bytes);
  if (yaml.value === undefined) return { yaml, diagnostics: [...yaml.diagnostics] };
  const checked = checkSchema(paragraphSchema, yaml, migrateParagraphValue);
  return { yaml, diagnostics: [...yaml.diagnostics, ...checked.diagnostics], ...(checked.value ? { paragraph: checked.value } : {}) };
}

export function parseDraftFile(file: string, bytes: FileBytes): { yaml: YamlFile; meta?: DraftMeta; diagnostics: Diagnostic[] } {
  const yaml = readYaml(file, bytes);
  if (yaml.value === undefined) return { yaml, diagnostics: [...yaml.diagnostics] };
  const checked = checkSchema(draftSchema, yaml, migrateDraftValue);
  return { yaml, diagnostics: [...yaml.diagnostics, ...checked.diagnostics], ...(checked.value ? { meta: checked.value } : {}) };
}

export function parseHistoryFile(file: string, source: string): { entry?: HistoryEntry; diagnostics: Diagnostic[] } {
  const yaml = yamlText(file, source);
  if (yaml.value === undefined) return { diagnostics: [...yaml.diagnostics] };
  const checked = checkSchema(historyEntrySchema, yaml, migrateHistoryValue);
  return { diagnostics: [...yaml.diagnostics, ...checked.diagnostics], ...(checked.value ? { entry: checked.value } : {}) };
}

/** The file's YAML, with a READ_FAILED error when it could not be read and NOT_UTF8 when its bytes are not UTF-8. */
function readYaml(file: string, bytes: FileBytes): YamlFile {
  if (!Buffer.isBuffer(bytes)) {
    const yaml = parseYamlFile(file, '');
    return { ...yaml, value: undefined, diagnostics: [refusalDiagnostic(file, bytes)] };
  }
  const source = bytes.toString('utf8');
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return yamlText(file, source);
  const yaml = parseYamlFile(file, source);
  if (bad >= 0) {
    // An error, not a warning: the text would be exported with replacement characters in it.
    const lines = new LineIndex(source);
    const at = lines.point(Buffer.from(bytes.subarray(0, bad)).toString('utf8').length);
    yaml.diagnostics.push({
      code: 'NOT_UTF8',
      severity: 'error',
      message: `the file is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}); save it as UTF-8`,
      file,
      ...at,
      sourceLine: lines.lineText(at.line),
    });
  }
  return yaml;
}

/**
 * The YAML of a file. The files ndraft writes take a fast path (`readSimpleYaml`, many times
 * faster than the yaml package, and giving the same value whenever it gives one); the yaml
 * package then parses the file only if a problem must be placed in it. Anything else, a file
 * edited by hand in another style included, is parsed by the yaml package at once.
 */
function yamlText(file: string, source: string): YamlFile {
  const marked = conflictMarkerDiagnostic(file, source);
  if (marked) return { ...parseYamlFile(file, ''), value: undefined, diagnostics: [marked] };
  const value = readSimpleYaml(source);
  return value === undefined ? parseYamlFile(file, source) : new LazyYamlFile(file, () => source, parseYamlFile, { value });
}
