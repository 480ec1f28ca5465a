import { z } from 'zod';
import { SCHEMA_FILES, type SchemaName } from './schema-files.js';
import { conventionsSchema } from './conventions-schema.js';
import { delegationsFileSchema } from './delegations-schema.js';
import { revisionSchema } from './revision-schema.js';
import { draftSchema, historyEntrySchema, paragraphSchema } from './schemas.js';

export { SCHEMA_FILES, type SchemaName };

/** The JSON Schema documents, as the text that is committed in `schemas/`. */
export function buildJsonSchemas(): Record<string, string> {
  const sources = { draft: draftSchema, paragraph: paragraphSchema, history: historyEntrySchema, conventions: conventionsSchema, delegations: delegationsFileSchema, revision: revisionSchema };
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(sources)) {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
    out[SCHEMA_FILES[name as SchemaName]] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
