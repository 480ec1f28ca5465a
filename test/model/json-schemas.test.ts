import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas, SCHEMA_FILES } from '../../src/model/json-schemas.js';

const SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

describe('schemas/', () => {
  it.each(Object.values(SCHEMA_FILES))('%s is what the zod schemas generate (run "npm run schemas" when this fails)', (name) => {
    const committed = readFileSync(join(SCHEMAS, name), 'utf8');
    expect(committed).toBe(buildJsonSchemas()[name]);
  });

  it('documents the status values and forbids unknown fields', () => {
    const paragraph = JSON.parse(buildJsonSchemas()['paragraph.schema.json'] as string);
    expect(paragraph.properties.status.enum).toEqual(['open', 'agreed', 'agreed-ad-ref', 'deleted']);
    expect(paragraph.additionalProperties).toBe(false);
    expect(paragraph.required).toEqual(['address', 'status', 'bracketed', 'text']);
  });
});
