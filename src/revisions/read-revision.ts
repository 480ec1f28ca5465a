import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { revisionSchema, type Revision } from '../model/revision-schema.js';
import { isRefusal, readDraftFile, refusalDiagnostic } from '../store/read-draft-file.js';
import { readSimpleYaml } from '../store/read-simple-yaml.js';
import { checkSchema } from '../store/schema-issues.js';
import { parseYamlFile, type YamlFile } from '../store/yaml-file.js';
import { LazyYamlFile } from '../store/yaml-parser.js';
import type { ObjectStore } from './object-store.js';
import { listRevisionNames, revisionFile, storedRevisionName } from './revision-store.js';

/** A manifest, parsed and checked against its schema; problems placed at file:line:column. */
export function parseRevisionFile(file: string, source: string, expectedName?: string): { revision?: Revision; yaml: YamlFile; diagnostics: Diagnostic[] } {
  const simple = readSimpleYaml(source);
  const yaml = simple === undefined ? parseYamlFile(file, source) : new LazyYamlFile(file, () => source, parseYamlFile, { value: simple });
  if (yaml.value === undefined) return { yaml, diagnostics: [...yaml.diagnostics] };
  const checked = checkSchema(revisionSchema, yaml);
  const diagnostics = [...yaml.diagnostics, ...checked.diagnostics];
  const revision = checked.value;
  if (revision && expectedName !== undefined && revision.name !== expectedName) {
    diagnostics.push({ code: 'REVISION_NAME', severity: 'error', message: `the revision in ${expectedName}.yaml is named "${revision.name}": a revision's file is named after it`, file, ...yaml.locate(['name']) });
    return { yaml, diagnostics };
  }
  return { ...(revision ? { revision } : {}), yaml, diagnostics };
}

/** Revision `name` (any case), or an error naming the revisions there are. */
export function readRevision(dir: string, name: string): Revision {
  const stored = storedRevisionName(dir, name);
  if (stored === undefined) {
    const names = listRevisionNames(dir);
    throw inputError(`no revision "${name}"; ${names.length === 0 ? 'the draft has none yet (record one with "ndraft snapshot <name>")' : `the draft has ${names.join(', ')} (see "ndraft revisions")`}`);
  }
  const { revision, diagnostics } = readRevisionFile(dir, stored);
  if (!revision) throw inputError(`revision "${stored}" cannot be read; fix or remove ${revisionFile(dir, stored)}`, diagnostics);
  return revision;
}

/**
 * Every revision, oldest first, and the problems of those that cannot be read; with a `store`,
 * an object a manifest names that the store lacks is a problem too, placed where it is named.
 */
export function readRevisions(dir: string, store?: ObjectStore): { revisions: Revision[]; diagnostics: Diagnostic[] } {
  const revisions: Revision[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of listRevisionNames(dir)) {
    const read = readRevisionFile(dir, name);
    diagnostics.push(...read.diagnostics);
    if (!read.revision) continue;
    revisions.push(read.revision);
    if (store) diagnostics.push(...missingObjects(read.revision, read.yaml, store));
  }
  if (store) diagnostics.push(...store.problems);
  revisions.sort((a, b) => a.time.localeCompare(b.time) || a.name.localeCompare(b.name));
  return { revisions, diagnostics };
}

function readRevisionFile(dir: string, name: string): { revision?: Revision; yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const file = revisionFile(dir, name);
  const bytes = readDraftFile(dir, file);
  if (isRefusal(bytes)) return { diagnostics: [refusalDiagnostic(file, bytes)] };
  return parseRevisionFile(file, bytes.toString('utf8'), name);
}

function missingObjects(revision: Revision, yaml: YamlFile | undefined, store: ObjectStore): Diagnostic[] {
  const missing = (hash: string, what: string, path: (string | number)[]): Diagnostic => ({
    code: 'MISSING_OBJECT',
    severity: 'error',
    message: `revision "${revision.name}": the object ${hash} holding ${what} is not in revisions/objects/; the revision cannot be compared (restore the pack from a copy of the draft, or remove the revision)`,
    file: yaml?.file ?? revision.name,
    ...(yaml ? yaml.locate(path) : {}),
  });
  const problems: Diagnostic[] = [];
  if (!store.has(revision.draft)) problems.push(missing(revision.draft, 'draft.yaml', ['draft']));
  for (const [address, hash] of Object.entries(revision.paragraphs)) {
    if (!store.has(hash)) problems.push(missing(hash, `paragraph ${address}`, ['paragraphs', address]));
  }
  return problems;
}
