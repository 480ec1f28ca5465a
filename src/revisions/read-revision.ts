import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { revisionSchema, type Revision } from '../model/revision-schema.js';
import { isRefusal, readDraftFile, refusalDiagnostic } from '../store/read-draft-file.js';
import { readSimpleYaml } from '../store/read-simple-yaml.js';
import { checkSchema } from '../store/schema-issues.js';
import { parseYamlFile } from '../store/yaml-file.js';
import { LazyYamlFile } from '../store/yaml-parser.js';
import { listRevisionNames, revisionFile, storedRevisionName } from './revision-store.js';

/** A manifest, parsed and checked against its schema; problems placed at file:line:column. */
export function parseRevisionFile(file: string, source: string, expectedName?: string): { revision?: Revision; diagnostics: Diagnostic[] } {
  const simple = readSimpleYaml(source);
  const yaml = simple === undefined ? parseYamlFile(file, source) : new LazyYamlFile(file, () => source, parseYamlFile, { value: simple });
  if (yaml.value === undefined) return { diagnostics: [...yaml.diagnostics] };
  const checked = checkSchema(revisionSchema, yaml);
  const diagnostics = [...yaml.diagnostics, ...checked.diagnostics];
  const revision = checked.value;
  if (revision && expectedName !== undefined && revision.name !== expectedName) {
    diagnostics.push({ code: 'REVISION_NAME', severity: 'error', message: `the revision in ${expectedName}.yaml is named "${revision.name}": a revision's file is named after it`, file, ...yaml.locate(['name']) });
    return { diagnostics };
  }
  return { ...(revision ? { revision } : {}), diagnostics };
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

/** Every revision, oldest first, and the problems of those that cannot be read. */
export function readRevisions(dir: string): { revisions: Revision[]; diagnostics: Diagnostic[] } {
  const revisions: Revision[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of listRevisionNames(dir)) {
    const read = readRevisionFile(dir, name);
    diagnostics.push(...read.diagnostics);
    if (read.revision) revisions.push(read.revision);
  }
  revisions.sort((a, b) => a.time.localeCompare(b.time) || a.name.localeCompare(b.name));
  return { revisions, diagnostics };
}

function readRevisionFile(dir: string, name: string): { revision?: Revision; diagnostics: Diagnostic[] } {
  const file = revisionFile(dir, name);
  const bytes = readDraftFile(dir, file);
  if (isRefusal(bytes)) return { diagnostics: [refusalDiagnostic(file, bytes)] };
  return parseRevisionFile(file, bytes.toString('utf8'), name);
}
