import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { matchesJsonSchema, parsedBy, type JsonSchema } from './json-schema-match.js';
import { SCHEMA_FILES } from './schema-files.js';

const loaded = new Map<string, JsonSchema | null>();

/**
 * Whether a value that ndraft's own code is about to write is shown valid by the JSON Schema
 * generated from its zod schema (`schemas/`), without loading zod. False means "not shown": the
 * caller then checks with zod, which decides and words the refusal, so a writer refuses exactly
 * what it refused before, with the same message, and pays zod's ~100 ms only when something is
 * wrong. A schema file that cannot be read also answers false.
 */
export function quickSchemaCheck(name: 'paragraph' | 'draft' | 'history' | 'revision', value: unknown): boolean {
  const schema = schemaFile(SCHEMA_FILES[name]);
  return schema !== null && matchesJsonSchema(schema, value);
}

/**
 * A value read from a file, as zod's parse of it gives it (fields in order, defaults filled in),
 * when the quick check shows it valid; undefined when it does not, and zod must decide.
 */
export function quickSchemaParse(name: 'paragraph' | 'draft' | 'history' | 'revision', value: unknown): unknown {
  const schema = schemaFile(SCHEMA_FILES[name]);
  return schema === null ? undefined : parsedBy(schema, value);
}

function schemaFile(file: string): JsonSchema | null {
  let schema = loaded.get(file);
  if (schema === undefined) {
    try {
      schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', file), 'utf8')) as JsonSchema;
    } catch {
      schema = null;
    }
    loaded.set(file, schema);
  }
  return schema;
}
