import { firstInvalidUtf8 } from '../encoding/utf8.js';
import type { Revision } from '../model/revision-schema.js';
import type { DraftMeta, HistoryEntry, Paragraph } from '../model/schemas.js';
import { quickSchemaParse } from '../model/quick-schema-check.js';
import { conflictMarkerDiagnostic } from '../reconcile/conflict-markers.js';
import { migrateDraftValue, migrateHistoryValue, migrateParagraphValue } from './migrate-legacy.js';
import type { FileBytes } from './parse-files.js';
import { readSimpleYaml } from './read-simple-yaml.js';
import type { YamlFile } from './yaml-file.js';
import { LazyYamlFile } from './yaml-parser.js';

/**
 * A paragraph file or draft.yaml read without the `yaml` package and zod (~150 ms to load), for a
 * file the parse cache does not know (a fresh clone, a pulled change): the fast YAML reader, then
 * the quick check of the generated JSON Schema, which also gives the value as zod gives it.
 * Undefined whenever either is not sure, or the file has anything to report (bytes that are not
 * UTF-8, conflict markers): `parse-files.ts` then reads it as before, and reports what is wrong.
 * What it gives is what `parseParagraphFile` / `parseDraftFile` give for the same file with no
 * diagnostic (test/store/quick-parse-file.test.ts).
 */
export function quickParseFile(kind: 'paragraph', file: string, bytes: FileBytes): { yaml: YamlFile; paragraph: Paragraph } | undefined;
export function quickParseFile(kind: 'draft', file: string, bytes: FileBytes): { yaml: YamlFile; meta: DraftMeta } | undefined;
export function quickParseFile(kind: 'paragraph' | 'draft', file: string, bytes: FileBytes): { yaml: YamlFile; paragraph?: Paragraph; meta?: DraftMeta } | undefined {
  const read = simpleYaml(file, bytes);
  if (read === undefined) return undefined;
  const { source, raw } = read;
  const value = quickSchemaParse(kind, kind === 'paragraph' ? migrateParagraphValue(raw) : migrateDraftValue(raw));
  if (value === undefined) return undefined;
  // Placing a problem later parses the text with the yaml package (loaded by whoever places it).
  const yaml = new LazyYamlFile(file, () => source, undefined, new ReadAgain(source));
  return kind === 'paragraph' ? { yaml, paragraph: value as Paragraph } : { yaml, meta: value as DraftMeta };
}

/**
 * A history entry read as `quickParseFile` reads a paragraph: the fast YAML reader and the quick
 * check, without the `yaml` package and zod. Undefined whenever either is not sure or the file
 * has anything to report: `parseHistoryFile` then reads it and says what is wrong. `undo` and
 * `log` read the newest entries of a long history this way.
 */
export function quickParseHistoryEntry(file: string, bytes: Buffer): HistoryEntry | undefined {
  const read = simpleYaml(file, bytes);
  return read === undefined ? undefined : (quickSchemaParse('history', migrateHistoryValue(read.raw)) as HistoryEntry | undefined);
}

/**
 * A revision manifest (`revisions/<name>.yaml`) read as `quickParseHistoryEntry` reads a history
 * entry. `validate` reads every manifest; with no cache (a fresh clone) loading zod for them cost
 * more than checking the manifests themselves. Undefined whenever not sure: `parseRevisionFile` decides.
 */
export function quickParseRevision(file: string, bytes: Buffer): Revision | undefined {
  const read = simpleYaml(file, bytes);
  return read === undefined ? undefined : (quickSchemaParse('revision', read.raw) as Revision | undefined);
}

/** The file's text and its value by the fast YAML reader; undefined for bytes that are not UTF-8, conflict markers, or YAML that reader leaves alone. */
function simpleYaml(file: string, bytes: FileBytes): { source: string; raw: unknown } | undefined {
  if (!Buffer.isBuffer(bytes) || firstInvalidUtf8(bytes) >= 0) return undefined;
  const source = bytes.toString('utf8');
  if (conflictMarkerDiagnostic(file, source) !== undefined) return undefined;
  const raw = readSimpleYaml(source);
  return raw === undefined ? undefined : { source, raw };
}

/**
 * A quick-read file's raw value, rarely asked for, read again from its text if it is (the same
 * value): kept, it doubled what a large draft holds in memory while it is checked, and what the
 * garbage collector has to move. A class: an object literal with a getter is slow to make, and a
 * draft makes thousands.
 */
class ReadAgain {
  #value: unknown;

  constructor(private readonly source: string) {}

  get value(): unknown {
    this.#value ??= readSimpleYaml(this.source);
    return this.#value;
  }
}
