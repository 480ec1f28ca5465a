import { join } from 'node:path';
import { inputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DelegationsFile } from '../model/delegations-schema.js';
import { Delegations } from '../model/delegations.js';
import { isRefusal, readDraftFile, refusalDiagnostic } from './read-draft-file.js';
import { checkSchema } from './schema-issues.js';
import { readSimpleYaml } from './read-simple-yaml.js';
import { LazyYamlFile, loadParsers } from './yaml-parser.js';

/** The delegations file of a draft folder: optional, beside draft.yaml. */
export const DELEGATIONS_FILE = 'delegations.yaml';

export interface ReadDelegations {
  /** Absent when the draft has no delegations file, or when it has errors. */
  delegations?: Delegations;
  /** The file as read, to write it back changed (`ndraft delegation add`). */
  file?: DelegationsFile;
  diagnostics: Diagnostic[];
}

/**
 * Reads delegations.yaml safely (like every file of a draft: no link out of it, within the
 * limits), checks it against its schema and across its entries (each name once, members known),
 * every problem placed at its line and column. No file: no delegations, no problem.
 */
export async function readDelegations(dir: string): Promise<ReadDelegations> {
  const path = join(dir, DELEGATIONS_FILE);
  const bytes = readDraftFile(dir, path);
  if (isRefusal(bytes)) return bytes.unreadable === 'file not found' ? { diagnostics: [] } : { diagnostics: [refusalDiagnostic(path, bytes)] };
  const source = bytes.toString('utf8');
  // The file as ndraft writes it takes the fast reader; the yaml package is loaded only for
  // another style, or to place a problem.
  const simple = readSimpleYaml(source);
  const { delegationsFileSchema } = await import('../model/delegations-schema.js');
  const yaml = simple === undefined ? (await loadParsers()).parseYamlFile(path, source) : new LazyYamlFile(path, () => source, undefined, { value: simple });
  if (yaml.diagnostics.some((d) => d.severity === 'error') || yaml.value === undefined) return { diagnostics: yaml.diagnostics };
  const valid = delegationsFileSchema.safeParse(yaml.value);
  if (!valid.success) {
    await loadParsers();
    return { diagnostics: [...yaml.diagnostics, ...checkSchema(delegationsFileSchema, yaml).diagnostics] };
  }
  const delegations = new Delegations(valid.data.delegations);
  if (delegations.problems.length > 0) await loadParsers();
  const problems = delegations.problems.map((p): Diagnostic => ({ code: p.code, severity: 'error', message: p.message, file: path, ...yaml.locate(p.path) }));
  const diagnostics = [...yaml.diagnostics, ...problems];
  return problems.length > 0 ? { diagnostics } : { delegations, file: valid.data, diagnostics };
}

/** For a command that takes `--by`: the delegations, or none; a delegations file with errors is refused with all of them. */
export async function usableDelegations(dir: string): Promise<ReadDelegations> {
  const read = await readDelegations(dir);
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw inputError(`${DELEGATIONS_FILE} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} (see "ndraft validate")`, errors);
  return read;
}
