import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { revisionSchema, type Revision } from '../model/revision-schema.js';
import { readSimpleYaml } from '../store/read-simple-yaml.js';
import { checkSchema } from '../store/schema-issues.js';
import { parseYamlFile, type YamlFile } from '../store/yaml-file.js';
import { LazyYamlFile } from '../store/yaml-parser.js';

/**
 * A manifest, parsed and checked against its schema; problems placed at file:line:column. Loaded
 * only when a manifest is not in the object cache: it brings the YAML parser and zod.
 */
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
