import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { firstInvalidUtf8 } from '../encoding/utf8.js';
import { conventionsSchema, type Conventions } from '../model/conventions-schema.js';
import { checkSchema } from '../store/schema-issues.js';
import { parseYamlFile } from '../store/yaml-file.js';
import { readImportFile } from './input-limits.js';

/**
 * A conventions file (`import --conventions conv.yaml`) read and checked against its schema. It
 * is read as an import source is (a regular file of bounded size); a problem is an error placed
 * at its line and column (an unknown field, a word that is not text), so the import stops.
 * `path` is absolute; `name` is how the user wrote it.
 */
export function readConventions(path: string, name: string): Conventions {
  return parseConventions(path, readImportFile(path, name));
}

export function parseConventions(file: string, bytes: Uint8Array): Conventions {
  const source = Buffer.from(bytes).toString('utf8');
  const bad = firstInvalidUtf8(Buffer.from(bytes));
  if (bad >= 0) {
    const lines = new LineIndex(source);
    const at = lines.point(Buffer.from(bytes.subarray(0, bad)).toString('utf8').length);
    throw refused([{ code: 'NOT_UTF8', severity: 'error', message: 'the file is not valid UTF-8; save it as UTF-8', file, ...at, sourceLine: lines.lineText(at.line) }]);
  }
  const yaml = parseYamlFile(file, source);
  const errors = yaml.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || yaml.value === undefined) throw refused(errors);
  const checked = checkSchema(conventionsSchema, yaml);
  if (checked.value === undefined) throw refused(checked.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  return checked.value;
}

function refused(diagnostics: Diagnostic[]): Error {
  return inputError('the conventions file is not valid; nothing was imported', diagnostics);
}
