import { z } from 'zod';
import { draftSchema, historyEntrySchema, paragraphSchema } from './schemas.js';

/** File names in `schemas/` and the zod schema each is generated from. */
export const SCHEMA_FILES = {
  draft: 'draft.schema.json',
  paragraph: 'paragraph.schema.json',
  history: 'history-entry.schema.json',
} as const;

export type SchemaName = keyof typeof SCHEMA_FILES;

/** The JSON Schema documents, as the text that is committed in `schemas/`. */
export function buildJsonSchemas(): Record<string, string> {
  const sources = { draft: draftSchema, paragraph: paragraphSchema, history: historyEntrySchema };
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(sources)) {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
    out[SCHEMA_FILES[name as SchemaName]] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
